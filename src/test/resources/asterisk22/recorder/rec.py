#!/usr/bin/env python3
"""Records AMI and FastAGI transcripts from a running Asterisk 22.

Usage: rec.py RUN_DIR [scenario ...]   (RUN_DIR as given to astconf.py; default: all scenarios)
Asterisk must run with that config; this process is the FastAGI server on 127.0.0.1:4573.
Writes ../transcripts/<scenario>[-agi].txt and <scenario>.cdr.csv.
"""
import sys, threading, time
from rig import Rig, USER, SECRET
from wire import Ami
import rig as R

SCENARIOS = {}


def scenario(f):
    SCENARIOS[f.__name__.replace("_", "-")] = f
    return f


@scenario
def ami_login(r):
    t = r.transcript("ami-login", "AMI banner, plain login, CoreSettings, Logoff; MD5 challenge login; a wrong secret; an action before login")
    t.note("connection 1: plain secret")
    a = Ami(R.AMI, t); a.login_plain(USER, SECRET); a.event("FullyBooted", 3)
    a.call("CoreSettings"); a.call("Ping"); a.call("Logoff"); time.sleep(0.5); a.close()
    t.note("connection 2: MD5 challenge")
    a = Ami(R.AMI, t); a.login_md5(USER, SECRET); a.event("FullyBooted", 3); a.call("Logoff"); time.sleep(0.5); a.close()
    t.note("connection 3: an action before login, then a wrong secret")
    a = Ami(R.AMI, t); a.call("CoreSettings", timeout=3); a.login_plain(USER, "wrong"); time.sleep(1.5); a.close()
    t.close()


@scenario
def ami_actions(r):
    t = r.transcript("ami-actions", "DeviceStateList, DBPut/DBGetTree/DBGet/DBDel/DBDelTree, PlayDTMF on a missing channel, CoreShowChannels idle, Command")
    a = r.ami(t)
    a.call("DeviceStateList"); a.event("DeviceStateListComplete", 5)
    a.call("DBPut", Family="hotline-fallback", Key="1700000000.1", Val="13800138000 ANSWER 12")
    a.call("DBPut", Family="hotline-fallback", Key="1700000000.7", Val="13900139000 NOANSWER 0")
    aid = a.send("DBGetTree", Family="hotline-fallback"); a.event("DBGetTreeComplete", 5, ActionID=aid)
    aid = a.send("DBGetTree", Family="hotline-empty"); a.event("DBGetTreeComplete", 5, ActionID=aid); time.sleep(0.5)
    a.call("DBGet", Family="hotline-fallback", Key="1700000000.1"); time.sleep(0.3)
    a.call("DBGet", Family="hotline-fallback", Key="nope"); time.sleep(0.3)
    a.call("DBDel", Family="hotline-fallback", Key="1700000000.1")
    a.call("DBDel", Family="hotline-fallback", Key="1700000000.1")
    a.call("DBDelTree", Family="hotline-fallback")
    a.call("DBDelTree", Family="hotline-fallback")
    a.call("PlayDTMF", Channel="PJSIP/hotline-trunk-deadbeef", Digit="#", Receive="yes")
    aid = a.send("CoreShowChannels"); a.event("CoreShowChannelsComplete", 5, ActionID=aid)
    a.call("Command", Command="core show version")
    a.call("Command", Command="no such command")
    time.sleep(0.5); a.close(); t.close()


def run_call(r, name, what, plan, phones, steps, wait_s, during=None, service="4008001234"):
    """One inbound call: AMI stream in <name>.txt, FastAGI dialogue in <name>-agi.txt."""
    t = r.transcript(name, what + " (AMI stream)", [n for n, *_ in phones] + [name + "-caller"])
    ta = r.transcript(name + "-agi", what + " (FastAGI)", [name + "-caller"]) if plan else None
    a = r.ami(t)
    mark = r.cdr_mark()
    done_before = r.agi.done
    if plan:
        r.agi.expect(ta, plan)
    for ext, mode, *rest in phones:
        r.phone(ext, mode, *rest)
    t.note("SIPp caller starts")
    r.caller(name + "-caller", steps, service=service)
    if during:
        during(a, t)
    if plan:
        r.agi.wait_done(done_before + 1, wait_s)
    end = time.monotonic() + wait_s
    while time.monotonic() < end and any(p.poll() is None for p in r.procs[-1:]):
        time.sleep(0.2)
    time.sleep(2)
    r.stop_sipp()
    t.note("CDR lines: " + name + ".cdr.csv")
    r.cdr_since(mark, name)
    a.close(); t.close()
    if ta:
        ta.close()


def show_channels_when_bridged(a, t):
    if a.nth("BridgeEnter", 2, 30):
        aid = a.send("CoreShowChannels"); a.event("CoreShowChannelsComplete", 5, ActionID=aid)


def vars_after(s):
    for v in ("DIALSTATUS", "HANGUPCAUSE", "ANSWEREDTIME", "DIALEDTIME"):
        s.cmd("GET VARIABLE %s" % v)


def plan_answered(s):
    s.cmd("ANSWER")
    s.cmd('STREAM FILE hotline/press-1 ""')
    s.cmd('STREAM FILE hotline/no-such-prompt ""')
    s.cmd("WAIT FOR DIGIT 1000")
    s.cmd("GET DATA hotline/press-3 1500 4")
    s.cmd("WAIT FOR DIGIT 30000")
    s.cmd('STREAM FILE hotline/offer-callback "0123456789*#"')
    s.cmd("GET DATA hotline/press-3 5000 3")
    s.cmd('SET VARIABLE HOTLINE_TEST "hello world"')
    s.cmd("GET VARIABLE HOTLINE_TEST")
    s.cmd("GET FULL VARIABLE ${CHANNEL}")
    s.cmd("GET VARIABLE NO_SUCH_VARIABLE")
    s.cmd("EXEC Dial PJSIP/6001,20")
    vars_after(s)
    s.cmd('STREAM FILE hotline/press-1 ""')
    s.cmd("WAIT FOR DIGIT 1000")
    s.cmd("ANSWER")
    s.cmd("EXEC NoOp after-hangup")
    s.cmd('SET VARIABLE HOTLINE_RESULT "done"')
    s.drain(3)


@scenario
def call_answered(r):
    run_call(r, "call-answered",
             "(i) trunk call into [hotline-inbound]; FastAGI: ANSWER, STREAM FILE existing/missing/interrupted, "
             "WAIT FOR DIGIT timeout/digit, GET DATA timeout/digits, SET/GET VARIABLE, EXEC Dial PJSIP/6001 "
             "answered, the caller hangs up while bridged, then commands on the dead channel",
             plan_answered, [("6001", "answer")],
             [("pause", 8000), ("dtmf", "1"), ("pause", 1000), ("dtmf", "2"), ("pause", 1500), ("dtmf", "4"),
              ("pause", 500), ("dtmf", "5"), ("pause", 500), ("dtmf", "6"), ("pause", 5500), ("bye",)],
             40, show_channels_when_bridged)


def plan_outcomes(s):
    s.cmd("ANSWER")
    for dial in ("PJSIP/6002,4", "PJSIP/6003,10", "PJSIP/6004,10", "PJSIP/6099,10",
                 "PJSIP/000@hotline-trunk,10", "PJSIP/6001,10"):
        s.cmd("EXEC Dial %s" % dial)
        vars_after(s)
        if s.hangup_seen:
            break
    s.cmd("WAIT FOR DIGIT 1000")
    s.drain(3)


@scenario
def dial_outcomes(r):
    run_call(r, "dial-outcomes",
             "FastAGI EXEC Dial outcomes in one call: 6002 no answer (4 s), 6003 busy (486), 6004 unregistered, "
             "6099 no such endpoint, trunk number answered 404, 6001 answered and then the callee hangs up; "
             "GET VARIABLE DIALSTATUS/HANGUPCAUSE/ANSWEREDTIME/DIALEDTIME after each",
             plan_outcomes, [("6002", "ring"), ("6003", "busy"), ("worker", "notfound"), ("6001", "answer", 3000)],
             [("pause", 60000), ("bye",)], 70)


def plan_decline_and_wake(s):
    s.cmd("ANSWER")
    s.cmd("EXEC Dial PJSIP/6003,10")
    vars_after(s)
    s.cmd("EXEC Dial PJSIP/6003,10")  # second call: the phone is gone (only one call in its SIPp)
    vars_after(s)
    s.t.note("next: WAIT FOR DIGIT 10000 while the recorder sends PlayDTMF Receive=yes after 1 s")
    s.cmd("WAIT FOR DIGIT 10000")
    s.t.note("next: WAIT FOR DIGIT 4000 while the recorder sends PlayDTMF WITHOUT Receive after 1 s")
    s.cmd("WAIT FOR DIGIT 4000")
    s.t.note("pause 2 s without a command; the recorder sends PlayDTMF Receive=yes after 0.5 s")
    WAKE.set(); time.sleep(2)
    s.cmd("WAIT FOR DIGIT 2000")
    s.t.note("pause 2 s again; PlayDTMF Receive=yes after 0.5 s, then STREAM FILE with escape digits")
    WAKE2.set(); time.sleep(2)
    s.cmd('STREAM FILE hotline/press-1 "0123456789*#"')
    s.cmd("WAIT FOR DIGIT 1000")
    s.t.note("next: WAIT FOR DIGIT 20000; the recorder sends AMI Hangup 2 s into it")
    HANGUP_NOW.set()
    s.cmd("WAIT FOR DIGIT 20000")
    s.cmd("GET VARIABLE HANGUPCAUSE")
    s.cmd('STREAM FILE hotline/press-1 ""')
    s.drain(3)


WAKE, WAKE2, HANGUP_NOW = threading.Event(), threading.Event(), threading.Event()


def play_dtmf_during(a, t):
    ch = a.event("Newchannel", 10, Context="hotline-inbound")["Channel"]
    a.nth("DialEnd", 2, 30)
    time.sleep(2.5)  # the plan's GET VARIABLEs, then WAIT FOR DIGIT 10000
    a.call("PlayDTMF", Channel=ch, Digit="7", Receive="yes")
    time.sleep(3)
    a.call("PlayDTMF", Channel=ch, Digit="8")
    WAKE.wait(30); time.sleep(0.5)
    a.call("PlayDTMF", Channel=ch, Digit="9", Receive="yes")
    WAKE2.wait(30); time.sleep(0.5)
    a.call("PlayDTMF", Channel=ch, Digit="3", Receive="yes")
    # the PlayDTMF without Receive reached SIPp as an INFO it did not expect: it dropped the call
    # without a BYE, so the channel would live on (and go to the fallback ring group): end it here
    HANGUP_NOW.wait(60); time.sleep(2)
    a.call("Hangup", Channel=ch, Cause="16")


@scenario
def decline_and_wake(r):
    run_call(r, "decline-and-wake",
             "FastAGI: EXEC Dial 6003 declined (603), then again; AMI PlayDTMF (Receive: yes) during WAIT FOR "
             "DIGIT, PlayDTMF without Receive, PlayDTMF between two AGI commands (does the digit reach the next "
             "WAIT FOR DIGIT / STREAM FILE?), the caller hangs up during WAIT FOR DIGIT",
             plan_decline_and_wake, [("6003", "decline", 0, 2)], [("pause", 24000), ("bye",)], 45, play_dtmf_during)


def plan_menu_hangup(s):
    s.cmd("ANSWER")
    s.cmd('STREAM FILE hotline/welcome "0123456789*#"')
    s.cmd("WAIT FOR DIGIT 5000")
    s.cmd("GET DATA hotline/press-1 3000 1")
    s.cmd("GET VARIABLE HANGUPCAUSE")
    s.cmd('SET VARIABLE HOTLINE_RESULT "done"')
    s.cmd("EXEC Dial PJSIP/6001,10")
    s.drain(3)


@scenario
def menu_hangup(r):
    run_call(r, "menu-hangup", "(ii) the caller hangs up 3 s into the welcome prompt (STREAM FILE)",
             plan_menu_hangup, [], [("pause", 3000), ("bye",)], 20)


@scenario
def fallback_answered(r):
    r.agi.close()
    try:
        run_call(r, "fallback-answered",
                 "(iii) FastAGI server down (connection refused) -> [hotline-fallback] ring group, answered by 6002; "
                 "the caller hangs up 6 s later", None,
                 [("6001", "ring"), ("6002", "answer"), ("6003", "ring")],
                 [("pause", 12000), ("bye",)], 30)
    finally:
        r.agi = R.AgiServer(R.AGI)


@scenario
def fallback_unanswered(r):
    r.agi.close()
    try:
        run_call(r, "fallback-unanswered",
                 "(iii) FastAGI server down -> [hotline-fallback] ring group nobody answers (30 s), fallback-sorry, "
                 "Asterisk hangs up", None, [("6001", "ring"), ("6002", "ring"), ("6003", "ring")],
                 [("pause", 70000), ("bye",)], 75)
    finally:
        r.agi = R.AgiServer(R.AGI)


@scenario
def agi_gave_up(r):
    def plan(s):
        s.cmd("ANSWER")
        s.cmd('SET VARIABLE HOTLINE_CONTACT_ID "c-42"')
        s.cmd('SET VARIABLE HOTLINE_RESULT "fallback"')
    run_call(r, "agi-gave-up", "FastAGI script sets HOTLINE_RESULT=fallback and ends -> [hotline-fallback], 6002 "
             "answers, the caller hangs up", plan, [("6002", "answer")], [("pause", 10000), ("bye",)], 25)


@scenario
def internal_call(r):
    t = r.transcript("internal-call", "(iv) internal call 6001 -> 6002 from [hotline-counselors], answered, 6001 hangs up after 3 s",
                     ["phone-answer", "internal-6001-caller"])
    a = r.ami(t)
    mark = r.cdr_mark()
    r.phone("6002", "answer")
    p = r.caller("internal-6001-caller", [("pause", 3000), ("bye",)], service="6002", port=R.PHONES["6001"],
                 caller="6001")
    p.wait(20); time.sleep(2); r.stop_sipp()
    r.cdr_since(mark, "internal-call")
    a.close(); t.close()


@scenario
def originate(r):
    t = r.transcript("originate", "AMI Originate Async: answered (6001 -> *600), no answer (6002, Timeout 5000), "
                     "busy 486 (6003), declined 603 (6003), trunk 404, unregistered 6004, no such endpoint 6099",
                     ["phone-answer", "phone-ring", "phone-busy", "phone-decline", "phone-notfound"])
    a = r.ami(t)
    mark = r.cdr_mark()
    cases = [("6001", "answer", "PJSIP/6001", {}), ("6002", "ring", "PJSIP/6002", {"Timeout": "5000"}),
             ("6003", "busy", "PJSIP/6003", {}), ("6003", "decline", "PJSIP/6003", {}),
             ("worker", "notfound", "PJSIP/000@hotline-trunk", {}), (None, None, "PJSIP/6004", {}),
             (None, None, "PJSIP/6099", {})]
    for ext, mode, channel, extra in cases:
        if ext:
            r.phone(ext, mode)
        t.note("Originate %s" % channel)
        aid = a.send("Originate", Channel=channel, Context="hotline-counselors", Exten="*600", Priority="1",
                     CallerID='"Care Hotline" <4008001234>', Async="true",
                     Variable="HOTLINE_FOLLOWUP_ID=f-1", **extra)
        a.event("OriginateResponse", 40, ActionID=aid)
        time.sleep(9 if mode == "answer" else 1.5)
        r.stop_sipp()
    r.cdr_since(mark, "originate")
    a.close(); t.close()


@scenario
def register_6004(r):
    t = r.transcript("device-state-register", "(v) 6004 registers (REGISTER Expires 60) then unregisters (Expires 0): "
                     "DeviceStateChange / ContactStatus", ["register-6004"])
    a = r.ami(t)
    import sippgen
    for name, exp in (("register-6004", 60), ("unregister-6004", 0)):
        sippgen.register(name, "6004", exp)
        p = r._sipp(name, ["-sf", sippgen.path(name), "-p", str(R.PHONES["6004"]), "-m", "1",
                           "127.0.0.1:%d" % R.SIP])
        p.wait(10); time.sleep(2)
    r.stop_sipp(); a.close(); t.close()


@scenario
def restart(r):
    t = r.transcript("restart", "(vi) 'core restart now' sent over AMI: what the client sees, then reconnect and login")
    a = r.ami(t)
    a.call("Command", Command="core restart now", timeout=5)
    a.wait(lambda m: False, 10)
    t.note("reconnecting every 0.5 s")
    for _ in range(120):
        try:
            b = Ami(R.AMI, t)
            break
        except OSError:
            time.sleep(0.5)
    b.login_plain(USER, SECRET)
    b.event("FullyBooted", 30); time.sleep(3)
    b.close(); t.close()


def main():
    run = sys.argv[1]
    probe = Ami(R.AMI, R.Transcript("/tmp/rec-probe.txt", "probe"))
    probe.login_plain(USER, SECRET)
    version = probe.call("CoreSettings")["AsteriskVersion"]
    probe.close()
    r = Rig(run, version)
    for name in sys.argv[2:] or list(SCENARIOS):
        print("recording", name, flush=True)
        SCENARIOS[name](r)


if __name__ == "__main__":
    main()
