#!/usr/bin/env python3
"""Writes a runnable Asterisk 22 config tree for Care Hotline tests.

Usage: astconf.py RUN_DIR --prefix /opt/asterisk22 --dialplan REPO/dialplan
                  [--sip 5060 --ami 5038 --agi 4573 --trunk 17000 --worker 17001
                   --phones 16001,16002,16003 --rtp 20000]

RUN_DIR gets etc/ (from ../config/*.conf with @PLACEHOLDERS@ filled, copies of
dialplan/extensions_hotline.conf and globals_hotline.conf, and manager.conf from
dialplan/manager_hotline.conf), lib/sounds/ (the repo's
prompts), lib/moh/ (one second of a quiet tone, and the hotline's ringback), log/, run/, spool/.
Start Asterisk with: PREFIX/sbin/asterisk -f -C RUN_DIR/etc/asterisk.conf
"""
import argparse, math, os, re, shutil, struct, wave

HERE = os.path.dirname(os.path.abspath(__file__))
AMI_SECRET = "hotline-test-secret"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("run")
    p.add_argument("--prefix", default="/opt/asterisk22")
    p.add_argument("--dialplan", default=os.path.join(HERE, "../../../../../dialplan"))
    p.add_argument("--sip", type=int, default=5060)
    p.add_argument("--ami", type=int, default=5038)
    p.add_argument("--agi", type=int, default=4573)
    p.add_argument("--trunk", type=int, default=17000)
    p.add_argument("--more-trunk-ports", default="", help="more caller ports identified as the trunk, comma-separated")
    p.add_argument("--worker", type=int, default=17001)
    p.add_argument("--phones", default="16001,16002,16003")
    p.add_argument("--rtp", type=int, default=20000)
    a = p.parse_args()
    run, dialplan = os.path.abspath(a.run), os.path.abspath(a.dialplan)
    phones = [int(x) for x in a.phones.split(",")]
    values = {"RUN": run, "PREFIX": a.prefix, "DIALPLAN": dialplan, "SIP_PORT": a.sip,
              "AMI_PORT": a.ami, "AGI_PORT": a.agi, "TRUNK_PORT": a.trunk,
              "TRUNK_MATCH": ",".join("127.0.0.1:%d" % port for port in
                                      [a.trunk] + [int(x) for x in a.more_trunk_ports.split(",") if x]),
              "WORKER_PORT": a.worker,
              "PORT_6001": phones[0], "PORT_6002": phones[1], "PORT_6003": phones[2],
              "RTP_START": a.rtp, "RTP_END": a.rtp + 200}
    for sub in ("etc", "cache", "lib/sounds", "lib/moh", "lib/agi-bin", "log/cdr-csv", "run", "spool"):
        os.makedirs(os.path.join(run, sub), exist_ok=True)
    conf_dir = os.path.join(HERE, "..", "config")
    for name in sorted(os.listdir(conf_dir)):
        with open(os.path.join(conf_dir, name)) as f:
            text = f.read()
        write(os.path.join(run, "etc", name), fill(text, values))
    for name in ("extensions_hotline.conf", "globals_hotline.conf", "musiconhold_hotline.conf"):
        shutil.copy(os.path.join(dialplan, name), os.path.join(run, "etc", name))
    with open(os.path.join(dialplan, "manager_hotline.conf")) as f:
        write(os.path.join(run, "etc", "manager.conf"), manager(f.read(), a.ami))
    shutil.copytree(os.path.join(dialplan, "sounds"), os.path.join(run, "lib", "sounds"), dirs_exist_ok=True)
    tone(os.path.join(run, "lib", "moh", "quiet-tone.wav"))
    # the ringback of the hotline's music classes (musiconhold_hotline.conf)
    shutil.copytree(os.path.join(dialplan, "moh", "hotline-ringback"), os.path.join(run, "lib", "moh", "hotline-ringback"),
                    dirs_exist_ok=True)
    # the core's XML documentation: stasis and the sorcery-configured modules refuse to start without it
    docs = os.path.join(run, "lib", "documentation")
    if not os.path.lexists(docs):
        os.symlink(os.path.join(a.prefix, "var", "lib", "asterisk", "documentation"), docs)
    print(run)


def fill(text, values):
    def sub(m):
        if m.group(1) not in values:
            raise SystemExit("unknown placeholder @%s@" % m.group(1))
        return str(values[m.group(1)])
    return re.sub(r"@([A-Z0-9_]+)@", sub, text)


def manager(text, port):
    """The repo's AMI sample, on the test port and with the test secret."""
    text = re.sub(r"(?m)^port=\d+", "port=%d" % port, text)
    return re.sub(r"(?m)^secret=.*$", "secret=" + AMI_SECRET, text)


def tone(path):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"".join(struct.pack("<h", int(800 * math.sin(2 * math.pi * 440 * i / 8000)))
                               for i in range(8000)))


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
