package org.carehotline.telephony.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carehotline.cases.FallbackCall;
import org.junit.jupiter.api.Test;

/** The dialplan's AstDB record of a fallback call and the server's reading of it agree. */
class FallbackRecordsTest {

    private static final Path DIALPLAN = Path.of("dialplan", "extensions_hotline.conf");

    /** The record as the dialplan's two Set() lines build it, with Asterisk's values filled in. */
    private static String recordAsTheDialplanWritesIt(String dialplan) {
        Matcher start = Pattern.compile("Set\\(HOTLINE_FALLBACK=(start=[^\\n]*)\\)\\n").matcher(dialplan);
        Matcher end = Pattern.compile("Set\\(HOTLINE_FALLBACK=\\$\\{HOTLINE_FALLBACK}(\\|status=[^\\n]*)\\)\\n")
                .matcher(dialplan);
        assertTrue(start.find() && end.find(), "the dialplan builds the record in two Set()s");
        return (start.group(1) + end.group(1))
                .replace("${STRFTIME(,,%s.%3q)}|caller", "1764745200.125|caller")
                .replace("${FILTER(0-9+,${CALLERID(num)})}", "13900000001")
                .replace("${CHANNEL}", "PJSIP/hotline-trunk-00000001")
                .replace("${AGISTATUS}", "FAILURE")
                .replace("${HOTLINE_CONTACT_ID}", "")
                .replace("${DIALSTATUS}", "ANSWER")
                .replace("${DIALEDPEERNAME}", "PJSIP/6002-00000002")
                .replace("${HOTLINE_ANSWERED_AT}", "1764745207.5")
                .replace("${STRFTIME(,,%s.%3q)}", "1764745290.031");
    }

    @Test
    void theRecordTheDialplanWritesIsReadFieldByField() throws Exception {
        String record = recordAsTheDialplanWritesIt(Files.readString(DIALPLAN));
        assertTrue(!record.contains(","), "no commas: they would split Set() and UserEvent() arguments: " + record);
        FallbackCall call = FallbackRecords.parse("/hotline-fallback/1764745200.17", record);
        assertEquals("1764745200.17", call.uniqueId());
        assertEquals("13900000001", call.callerNumber());
        assertEquals("PJSIP/hotline-trunk-00000001", call.channel());
        assertEquals("FAILURE", call.agiStatus());
        assertEquals("", call.contactId());
        assertEquals(Instant.parse("2025-12-03T07:00:00.125Z"), call.startedAt());
        assertEquals(Optional.of("PJSIP/6002-00000002"), call.answeredBy());
        assertEquals(Optional.of(Instant.parse("2025-12-03T07:00:07.500Z")), call.answeredAt());
        assertEquals("ANSWER", call.dialStatus());
        assertEquals(Optional.of(Instant.parse("2025-12-03T07:01:30.031Z")), call.endedAt());
    }

    @Test
    void aRecordWithOnlyItsStartIsACallStillUpAndABrokenOneStillNamesItsCall() {
        FallbackCall up = FallbackRecords.parse("1764745200.17", "start=1764745200.125|caller=|channel=X|agi=|contact=");
        assertEquals(Optional.empty(), up.endedAt());
        assertEquals("", up.callerNumber(), "anonymous");
        FallbackCall garbled = FallbackRecords.parse("/hotline-fallback/1764745200.18", "what|ever=|=x|end=soon");
        assertEquals("1764745200.18", garbled.uniqueId());
        assertEquals(Instant.ofEpochSecond(1764745200), garbled.startedAt(), "from the uniqueid's own time");
        assertEquals(Optional.empty(), garbled.endedAt());
    }

    @Test
    void theDialplanDecidesOnTheResultAloneAndStampsEveryAnswer() throws Exception {
        String dialplan = Files.readString(DIALPLAN);
        Matcher inbound = Pattern.compile("AGI\\(\\$\\{HOTLINE_AGI}/inbound\\)\\n same => n,GotoIf\\(([^\\n]*)\\)")
                .matcher(dialplan);
        assertTrue(inbound.find());
        assertEquals("$[\"${HOTLINE_RESULT}\" = \"done\" | \"${HOTLINE_ANSWERED_AT}\" != \"\"]?done",
                inbound.group(1), "AGISTATUS is FAILURE after a prompt that could not play, and a caller whose"
                        + " counselor answered has had their talk: neither may ring the group");
        Matcher dials = Pattern.compile("Dial\\(([^\\n]*)\\)\\n").matcher(dialplan);
        int fallbackDials = 0;
        while (dials.find()) {
            if (dials.group(1).startsWith("PJSIP/${EXTEN}")) {
                continue; // desk phone to desk phone: not a hotline call
            }
            assertTrue(dials.group(1).endsWith("U(hotline-answered)"), "Dial without the answer stamp: " + dials.group());
            fallbackDials++;
        }
        assertEquals(2, fallbackDials, "the ring group and the on-call number");
        assertTrue(dialplan.contains("[hotline-answered]\nexten => s,1,Set(MASTER_CHANNEL(HOTLINE_ANSWERED_AT)="));
        assertTrue(dialplan.contains("DB(" + FallbackRecords.FAMILY + "/${UNIQUEID})"));
    }
}
