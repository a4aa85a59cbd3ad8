#!/usr/bin/env python3
"""Records stop-sigterm.txt: SIGTERM to the recording Asterisk (started as astconf.py says), then a restart.
Run from this directory while rec.py is not running."""
import os, subprocess, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rig as R
from wire import Ami, Transcript
t = Transcript(os.path.join(R.OUT, 'stop-sigterm.txt'), "Asterisk stopped with SIGTERM (as systemd stops it), then started again: what the AMI client sees\nAsterisk 22.10.1, recorded %s by hand with recorder/wire.py (kill -TERM <pid>; asterisk -f -C ...)\nSIPp scenarios: none" % time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()))
a = Ami(R.AMI, t); a.login_plain(R.USER, R.SECRET); a.event("FullyBooted", 3)
pid = int(subprocess.check_output(["pgrep", "-f", "asterisk -f -n -C /opt/asterisk22-run"]).split()[0])
t.note("kill -TERM %d" % pid); os.kill(pid, 15)
a.wait(lambda m: False, 10)
time.sleep(1)
t.note("starting Asterisk again")
subprocess.Popen("cd /opt/asterisk22-run && exec /opt/asterisk22/sbin/asterisk -f -n -C /opt/asterisk22-run/etc/asterisk.conf > /tmp/ast-run-console.log 2>&1", shell=True, start_new_session=True)
for _ in range(100):
    try:
        b = Ami(R.AMI, t); break
    except OSError:
        time.sleep(0.2)
b.login_plain(R.USER, R.SECRET); b.event("FullyBooted", 30); time.sleep(1); b.close(); t.close()
