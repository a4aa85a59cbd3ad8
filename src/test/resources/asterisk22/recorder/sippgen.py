"""Writes the SIPp scenarios the recorder and the realpbx suite use (../sipp/*.xml).

A caller (UAC) is a list of steps: ("pause", ms), ("dtmf", digit), ("bye",).
A caller that ends without its own BYE waits for Asterisk's; a BYE from Asterisk
during a pause is answered by SIPp's default behaviour (200 OK; SIPp counts the call
as failed, so the realpbx suite's callers always hang up themselves).
A phone (UAS) answers each INVITE one way: answer (and wait for BYE, or send
BYE after ms), busy (486), decline (603) or ring (180 until CANCEL).
"""
import os

SIPP_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sipp")

SDP = """Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 0
      a=rtpmap:0 PCMU/8000
"""

# Asterisk hung up first: answer its BYE and end the scenario.
REMOTE_BYE = """  <label id="remotebye"/>
  <send>
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0
    ]]>
  </send>
  <label id="end"/>
</scenario>
"""

HEAD = '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE scenario SYSTEM "sipp.dtd">\n'


def uac(name, steps, caller="13800138000"):
    out = [HEAD, '<scenario name="%s">' % name, """
  <send retrans="500">
    <![CDATA[
      INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: <sip:%s@[local_ip]:[local_port]>;tag=[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: 1 INVITE
      Contact: <sip:%s@[local_ip]:[local_port]>
      Max-Forwards: 70
      %s
    ]]>
  </send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="183" optional="true"/>
  <recv response="200" rtd="true"/>
  <send>
    <![CDATA[
      ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: <sip:%s@[local_ip]:[local_port]>;tag=[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 1 ACK
      Max-Forwards: 70
      Content-Length: 0
    ]]>
  </send>
""" % (caller, caller, SDP, caller)]
    cseq = 2
    for step in steps:
        if step[0] == "pause":
            # a BYE from Asterisk during a pause is answered by SIPp's default behaviour
            # (200 OK, the call counts as failed): SIPp allows no optional recv before a send
            out.append('  <pause milliseconds="%d"/>\n' % step[1])
        elif step[0] == "dtmf":
            out.append(info(step[1], cseq, caller))
            out.append('  <recv response="200"/>\n')
            cseq += 1
        elif step[0] == "bye":
            out.append(bye(cseq, caller))
            out.append('  <recv response="200" crlf="true"/>\n  <nop next="end"/>\n')
    if not steps or steps[-1][0] != "bye":
        out.append('  <recv request="BYE" next="remotebye" timeout="120000"/>\n')
    out.append(REMOTE_BYE)
    save(name, "".join(out))


def info(digit, cseq, caller):
    return """  <send>
    <![CDATA[
      INFO sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: <sip:%s@[local_ip]:[local_port]>;tag=[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: %d INFO
      Max-Forwards: 70
      Content-Type: application/dtmf-relay
      Content-Length: [len]

      Signal=%s
      Duration=160
    ]]>
  </send>
""" % (caller, cseq, digit)


def bye(cseq, caller):
    return """  <send retrans="500">
    <![CDATA[
      BYE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: <sip:%s@[local_ip]:[local_port]>;tag=[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: %d BYE
      Max-Forwards: 70
      Content-Length: 0
    ]]>
  </send>
""" % (caller, cseq)


REPLY = """    <![CDATA[
      SIP/2.0 %s
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag01[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:[local_ip]:[local_port];transport=[transport]>
      %s
    ]]>
"""


def uas(name, mode, bye_after_ms=0):
    """mode: answer | busy | decline | notfound | ring."""
    # SIPp refuses a variable that is set but never used: capture only what the mode needs
    if mode == "answer" and bye_after_ms:
        capture = """      <ereg regexp=".*" search_in="hdr" header="From:" assign_to="rfrom"/>
      <ereg regexp=".*" search_in="hdr" header="To:" assign_to="rto"/>
"""
    elif mode == "ring":
        capture = """      <ereg regexp="[0-9]+" search_in="hdr" header="CSeq:" assign_to="icseq"/>
"""
    else:
        capture = ""
    invite = ('  <recv request="INVITE" crlf="true">\n    <action>\n' + capture + "    </action>\n  </recv>\n"
              if capture else '  <recv request="INVITE" crlf="true"/>\n')
    out = [HEAD, '<scenario name="%s">\n' % name, invite]
    out.append("  <send>\n" + REPLY % ("180 Ringing", "Content-Length: 0") + "  </send>\n")
    if mode == "answer":
        out.append('  <pause milliseconds="500"/>\n')
        out.append('  <send retrans="500">\n' + REPLY % ("200 OK", SDP) + "  </send>\n")
        out.append('  <recv request="ACK" rtd="true" crlf="true"/>\n')
        if bye_after_ms:
            out.append('  <pause milliseconds="%d"/>\n' % bye_after_ms)
            out.append("""  <send retrans="500">
    <![CDATA[
      BYE sip:asterisk@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      CSeq: 101 BYE
      Max-Forwards: 70
      Content-Length: 0
    ]]>
  </send>
  <recv response="200"/>
  <nop next="end"/>
""".replace("[last_From:]", "From:[$rto];tag=[pid]SIPpTag01[call_number]")
                       .replace("[last_To:]", "To:[$rfrom]"))
        out.append('  <recv request="BYE" next="remotebye" timeout="300000"/>\n')
    elif mode in ("busy", "decline", "notfound"):
        code = {"busy": "486 Busy Here", "decline": "603 Decline", "notfound": "404 Not Found"}[mode]
        out.append('  <send>\n' + REPLY % (code, "Content-Length: 0") + "  </send>\n")
        out.append('  <recv request="ACK"/>\n  <nop next="end"/>\n')
    elif mode == "ring":
        out.append('  <recv request="CANCEL" timeout="300000"/>\n')
        out.append("  <send>\n" + REPLY.replace(";tag=[pid]SIPpTag01[call_number]", "")
                   % ("200 OK", "Content-Length: 0") + "  </send>\n")
        out.append('  <send>\n' + (REPLY % ("487 Request Terminated", "Content-Length: 0"))
                   .replace("[last_CSeq:]", "CSeq: [$icseq] INVITE") + "  </send>\n")
        out.append('  <recv request="ACK"/>\n  <nop next="end"/>\n')
    out.append(REMOTE_BYE)
    save(name, "".join(out))


def save(name, text):
    os.makedirs(SIPP_DIR, exist_ok=True)
    with open(os.path.join(SIPP_DIR, name + ".xml"), "w") as f:
        f.write(text)
    return os.path.join(SIPP_DIR, name + ".xml")


def path(name):
    return os.path.join(SIPP_DIR, name + ".xml")


def register(name, user, expires):
    """A phone registering its contact (Expires 0 removes it)."""
    save(name, HEAD + """<scenario name="%s">
  <send retrans="500">
    <![CDATA[
      REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: <sip:%s@[remote_ip]>;tag=[call_number]
      To: <sip:%s@[remote_ip]>
      Call-ID: [call_id]
      CSeq: 1 REGISTER
      Contact: <sip:%s@[local_ip]:[local_port]>
      Expires: %d
      Max-Forwards: 70
      Content-Length: 0
    ]]>
  </send>
  <recv response="200"/>
</scenario>
""" % (name, user, user, user, expires))


def write_fixed():
    """The phones and the callers of the realpbx suite (the recorder writes its own callers)."""
    for mode in ("answer", "busy", "decline", "notfound", "ring"):
        uas("phone-" + mode, mode)
    uac("suite-caller-key1", [("pause", 2000), ("dtmf", "1"), ("pause", 16000), ("bye",)])
    uac("suite-caller-key0", [("pause", 2000), ("dtmf", "0"), ("pause", 16000), ("bye",)])
    uac("suite-caller-menu-hangup", [("pause", 3000), ("bye",)])
    uac("suite-caller-fallback", [("pause", 12000), ("bye",)])
    uac("suite-phone-call", [("pause", 4000), ("bye",)], caller="6001")


if __name__ == "__main__":
    write_fixed()
