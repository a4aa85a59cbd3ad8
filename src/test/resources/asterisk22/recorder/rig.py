"""The recording rig: a running Asterisk (ports from astconf.py defaults), SIPp phones and callers."""
import os, subprocess, time
import sippgen
from wire import Ami, AgiServer, Transcript

SIP, AMI, AGI, TRUNK, WORKER = 5060, 5038, 4573, 17000, 17001
PHONES = {"6001": 16001, "6002": 16002, "6003": 16003, "6004": 16004}
USER, SECRET = "hotline", "hotline-test-secret"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "transcripts")


class Rig:
    def __init__(self, run_dir, version):
        self.run, self.version = run_dir, version
        self.agi = AgiServer(AGI)
        self.procs = []

    def cdr_mark(self):
        path = os.path.join(self.run, "log", "cdr-csv", "Master.csv")
        return os.path.getsize(path) if os.path.exists(path) else 0

    def cdr_since(self, mark, name):
        path = os.path.join(self.run, "log", "cdr-csv", "Master.csv")
        time.sleep(1.0)
        data = b""
        if os.path.exists(path):
            with open(path, "rb") as f:
                f.seek(mark)
                data = f.read()
        with open(os.path.join(OUT, name + ".cdr.csv"), "wb") as f:
            f.write(data)
        return data

    def transcript(self, name, what, sipp=()):
        header = "%s\nAsterisk %s, recorded %s by recorder/rec.py\nSIPp scenarios: %s\n" \
                 "dialplan: repo dialplan/ via config/ (recorder/astconf.py)" % (
                     what, self.version, time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
                     ", ".join(sipp) or "none")
        return Transcript(os.path.join(OUT, name + ".txt"), header)

    def ami(self, transcript, md5=False):
        a = Ami(AMI, transcript)
        (a.login_md5 if md5 else a.login_plain)(USER, SECRET)
        a.event("FullyBooted", timeout=3)
        return a

    def phone(self, ext, mode, bye_after_ms=0, calls=1):
        name = "phone-%s%s" % (mode, "-bye%d" % bye_after_ms if bye_after_ms else "")
        sippgen.uas(name, mode, bye_after_ms)
        port = WORKER if ext == "worker" else PHONES[ext]
        return self._sipp(name, ["-sf", sippgen.path(name), "-p", str(port), "-m", str(calls),
                                 "-s", ext, "127.0.0.1:%d" % SIP])

    def caller(self, name, steps, service="4008001234", port=TRUNK, caller="13800138000"):
        sippgen.uac(name, steps, caller)
        return self._sipp(name, ["-sf", sippgen.path(name), "-p", str(port), "-m", "1",
                                 "-s", service, "127.0.0.1:%d" % SIP])

    def _sipp(self, name, args):
        log = open("/tmp/rec-sipp-%s.log" % name, "wb")
        p = subprocess.Popen(["sipp", "-i", "127.0.0.1", "-nostdin", "-trace_err",
                              "-error_file", "/tmp/rec-sipp-%s.err" % name] + args,
                             stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                             cwd="/tmp")
        self.procs.append(p)
        time.sleep(0.3)
        return p

    def stop_sipp(self):
        for p in self.procs:
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(3)
                except subprocess.TimeoutExpired:
                    p.kill()
        self.procs = []
