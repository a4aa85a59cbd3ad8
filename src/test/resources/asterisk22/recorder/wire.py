"""Byte-exact logging AMI client and scripted FastAGI server for recording Asterisk.

Transcript line format (one per protocol line):
    <dir> +<seconds> |<line as received, terminator included>
dir is S (sent by Asterisk) or C (sent by our client/server). Seconds are from
the start of the transcript. AMI lines end in \\r\\n, FastAGI lines in \\n; the
terminators are written as they came, so the file keeps the exact bytes.
"""
import hashlib, queue, socket, threading, time


class Transcript:
    def __init__(self, path, header):
        self.path, self.t0, self.lock = path, time.monotonic(), threading.Lock()
        self.f = open(path, "wb")
        for line in header.strip("\n").split("\n"):
            self.f.write(("# " + line).rstrip().encode() + b"\n")
        self.f.write(b"#\n")

    def log(self, direction, raw):
        with self.lock:
            if self.f.closed:  # a reader still running after its scenario ended
                return
            self.f.write(b"%s +%.3f |%s" % (direction.encode(), time.monotonic() - self.t0, raw))
            if not raw.endswith(b"\n"):
                self.f.write(b"\\<no terminator>\n")
            self.f.flush()

    def note(self, text):
        with self.lock:
            if self.f.closed:
                return
            self.f.write(b"# +%.3f %s\n" % (time.monotonic() - self.t0, text.encode()))
            self.f.flush()

    def close(self):
        self.f.close()


class Ami:
    """One AMI connection; every byte both ways goes to the transcript."""

    def __init__(self, port, transcript, host="127.0.0.1"):
        self.t = transcript
        self.sock = socket.create_connection((host, port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.messages, self.cond, self.closed = [], threading.Condition(), False
        self.file = self.sock.makefile("rb")
        self.banner = self.file.readline()
        self.t.log("S", self.banner)
        threading.Thread(target=self._read, daemon=True).start()
        self.seq = 0

    def _read(self):
        current = {}
        try:
            for raw in iter(self.file.readline, b""):
                self.t.log("S", raw)
                line = raw.decode(errors="replace").rstrip("\r\n")
                if line == "":
                    if current:
                        with self.cond:
                            self.messages.append(current)
                            self.cond.notify_all()
                    current = {}
                elif ":" in line:
                    k, v = line.split(":", 1)
                    current.setdefault(k.strip(), v.strip())
        except OSError:
            pass
        self.t.note("AMI socket closed by Asterisk (EOF)")
        with self.cond:
            self.closed = True
            self.cond.notify_all()

    def send(self, action, **fields):
        self.seq += 1
        aid = "rec-%d" % self.seq
        lines = ["Action: " + action, "ActionID: " + aid] + ["%s: %s" % (k, v) for k, v in fields.items()]
        for line in lines:
            self.t.log("C", (line + "\r\n").encode())
        self.t.log("C", b"\r\n")
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        return aid

    def wait(self, pred, timeout=10):
        end = time.monotonic() + timeout
        with self.cond:
            while True:
                for m in self.messages:
                    if pred(m):
                        return m
                left = end - time.monotonic()
                if left <= 0 or self.closed:
                    return None
                self.cond.wait(left)

    def response(self, aid, timeout=10):
        return self.wait(lambda m: m.get("ActionID") == aid and "Response" in m, timeout)

    def event(self, name, timeout=10, **match):
        return self.wait(lambda m: m.get("Event") == name and all(m.get(k) == v for k, v in match.items()),
                         timeout)

    def nth(self, name, n, timeout=10):
        """The n-th (1-based) event with this name."""
        return self.wait(lambda m: m.get("Event") == name
                         and sum(1 for x in self.messages[:self.messages.index(m) + 1]
                                 if x.get("Event") == name) >= n, timeout)

    def call(self, action, timeout=10, **fields):
        return self.response(self.send(action, **fields), timeout)

    def login_plain(self, user, secret):
        return self.call("Login", Username=user, Secret=secret)

    def login_md5(self, user, secret):
        r = self.call("Challenge", AuthType="MD5")
        key = hashlib.md5((r["Challenge"] + secret).encode()).hexdigest()
        return self.call("Login", AuthType="MD5", Username=user, Key=key)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class AgiSession:
    """One FastAGI connection from Asterisk, driven by a plan function.

    A reader thread logs every line the moment it arrives (so a HANGUP line sent while no
    command is pending gets its true time) and queues it for cmd().
    """

    def __init__(self, conn, transcript):
        self.conn, self.t = conn, transcript
        self.file = conn.makefile("rb")
        self.header = {}
        self.hangup_seen = False
        for raw in iter(self.file.readline, b""):
            self.t.log("S", raw)
            line = raw.decode().rstrip("\n")
            if line == "":
                break
            k, v = line.split(":", 1)
            self.header[k] = v.strip()
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        try:
            for raw in iter(self.file.readline, b""):
                self.t.log("S", raw)
                self.lines.put(raw.decode().rstrip("\n"))
        except (OSError, ValueError):
            pass
        self.t.note("FastAGI socket: end of stream from Asterisk")
        self.lines.put(None)

    def _next(self, timeout):
        while True:
            line = self.lines.get(timeout=timeout)
            if line == "HANGUP":
                self.hangup_seen = True
                continue
            return line

    def cmd(self, text, timeout=120):
        """Sends one command, returns the reply (all lines of a 520 block), or None at end of stream."""
        self.t.log("C", (text + "\n").encode())
        try:
            self.conn.sendall((text + "\n").encode())
        except OSError as e:
            self.t.note("write failed: %r" % e)
            return None
        lines = []
        while True:
            line = self._next(timeout)
            if line is None:
                self.lines.put(None)
                return "\n".join(lines) if lines else None
            lines.append(line)
            if not line.startswith("520-") and not (lines[0].startswith("520-") and not line.startswith("520 ")):
                return "\n".join(lines)

    def drain(self, timeout=5):
        """Waits for whatever Asterisk still sends (e.g. HANGUP) until end of stream or timeout."""
        end = time.monotonic() + timeout
        try:
            while time.monotonic() < end:
                if self.lines.get(timeout=max(0.01, end - time.monotonic())) is None:
                    self.lines.put(None)
                    return
        except queue.Empty:
            self.t.note("no more bytes within %ss" % timeout)

    def close(self):
        self.t.note("FastAGI socket closed by the recorder")
        try:
            self.conn.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.conn.close()


class AgiServer:
    """Accepts FastAGI connections; each runs the next plan from a queue."""

    def __init__(self, port):
        self.srv = socket.socket()
        self.srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.srv.bind(("127.0.0.1", port))
        self.srv.listen(16)
        self.plans, self.cond, self.done = [], threading.Condition(), 0
        threading.Thread(target=self._accept, daemon=True).start()

    def expect(self, transcript, plan):
        with self.cond:
            self.plans.append((transcript, plan))

    def _accept(self):
        while True:
            try:
                conn, _ = self.srv.accept()
            except OSError:
                return
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self.cond:
                transcript, plan = self.plans.pop(0) if self.plans else (None, None)
            if plan is None:
                conn.close()
                continue
            threading.Thread(target=self._run, args=(conn, transcript, plan), daemon=True).start()

    def _run(self, conn, transcript, plan):
        transcript.note("FastAGI connection accepted")
        s = AgiSession(conn, transcript)
        try:
            plan(s)
        except Exception as e:  # keep recording the rest
            transcript.note("plan failed: %r" % e)
        finally:
            s.close()
            with self.cond:
                self.done += 1
                self.cond.notify_all()

    def wait_done(self, n, timeout=60):
        end = time.monotonic() + timeout
        with self.cond:
            while self.done < n and time.monotonic() < end:
                self.cond.wait(0.2)
            return self.done >= n

    def close(self):
        # shutdown wakes the thread blocked in accept(); close alone would leave the port listening
        try:
            self.srv.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.srv.close()
