package org.carehotline.realpbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.carehotline.cases.Category;
import org.carehotline.cases.Contact;
import org.carehotline.cases.Disposition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server against a real Asterisk 22 with SIPp phones and callers (opt-in: set HOTLINE_TEST_ASTERISK to
 * the asterisk binary; needs sipp and python3). Every call's contact must agree with Asterisk's own CDR:
 * same uniqueid, same answering phone, same talk time within a second or two.
 */
@EnabledIfEnvironmentVariable(named = AsteriskUnderTest.BINARY_ENV, matches = ".+")
class RealPbxTest {

    private static final Duration CALL = Duration.ofSeconds(40);

    @TempDir
    Path dir;
    private AsteriskUnderTest asterisk;
    private RealHotline hotline;
    private Sipp sipp;

    @BeforeEach
    void start() throws Exception {
        asterisk = AsteriskUnderTest.start(Files.createDirectories(dir.resolve("asterisk")), LoopbackPorts.tcp());
        sipp = new Sipp(asterisk);
        hotline = new RealHotline(asterisk, Files.createDirectories(dir.resolve("data")));
    }

    @AfterEach
    void stop() throws Exception {
        if (sipp != null) {
            sipp.close();
        }
        if (hotline != null) {
            hotline.close();
        }
        if (asterisk != null) {
            asterisk.close();
        }
    }

    @Test
    void answeredCallIsOneContactThatAgreesWithTheCdr() throws Exception {
        allPhonesAnswer();
        assertTrue(Sipp.finished(sipp.caller("suite-caller-key1"), CALL.toSeconds()), "the caller's SIPp failed");

        Cdr cdr = answeredHotlineCdr();
        Contact contact = contactFor(cdr);
        assertEquals(Optional.of(Disposition.ANSWERED), contact.disposition());
        assertEquals(Optional.of(Category.PSYCHOLOGICAL_SUPPORT), contact.category());
        assertEquals(Optional.of(counselorOn(cdr.dstChannel())), contact.answeredBy());
        assertTalkTimeMatches(cdr, contact);
    }

    @Test
    void callerHangingUpInTheMenuIsAnAbandonedContact() throws Exception {
        allPhonesAnswer();
        assertTrue(Sipp.finished(sipp.caller("suite-caller-menu-hangup"), CALL.toSeconds()));

        Cdr cdr = asterisk.awaitCdr("the menu call's CDR", c -> c.channel().startsWith("PJSIP/hotline-trunk-"));
        assertEquals("", cdr.dstChannel(), "nobody was dialed");
        Contact contact = contactFor(cdr);
        assertEquals(Optional.of(Disposition.ABANDONED), contact.disposition());
        assertTrue(contact.answeredBy().isEmpty());
        assertTrue(contact.offers().isEmpty(), "no counselor was offered the call: " + contact.offers());
    }

    @Test
    void crisisKeyZeroIsRecordedAsCrisisAndAnswered() throws Exception {
        allPhonesAnswer();
        assertTrue(Sipp.finished(sipp.caller("suite-caller-key0"), CALL.toSeconds()));

        Cdr cdr = answeredHotlineCdr();
        Contact contact = contactFor(cdr);
        assertEquals(Optional.of(Category.CRISIS_INTERVENTION), contact.category());
        assertEquals(Optional.of(Disposition.ANSWERED), contact.disposition());
        assertEquals(Optional.of(counselorOn(cdr.dstChannel())), contact.answeredBy());
    }

    @Test
    void crisisCallerWhoCameSecondIsServedFirst() throws Exception {
        allPhonesAnswer();
        List<String> desk = List.of("wang.fang", "li.wei", "chen.jing").stream().map(hotline::counselorId).toList();
        desk.forEach(id -> hotline.app().router().pause(id, "meeting")); // on duty, none free: both callers wait
        Process first = sipp.caller("suite-caller-key1");
        Thread.sleep(3000);
        Process crisis = sipp.caller("suite-caller-key0");
        RealHotline.await("both callers in line", Duration.ofSeconds(15),
                () -> hotline.app().router().waitingCalls().size() == 2);
        hotline.app().router().resume(desk.get(0)); // one counselor is back
        assertTrue(Sipp.finished(crisis, CALL.toSeconds()), "the crisis caller's SIPp failed");
        assertTrue(Sipp.finished(first, CALL.toSeconds()), "the first caller's SIPp failed");

        Cdr served = answeredHotlineCdr();
        Contact crisisContact = contactFor(served);
        assertEquals(Optional.of(Category.CRISIS_INTERVENTION), crisisContact.category(),
                "the first call the counselor took was the crisis, though it came second: " + crisisContact);
        assertEquals(Optional.of(desk.get(0)), crisisContact.answeredBy());
        Cdr other = asterisk.awaitCdr("the first caller's CDR", c -> c.channel().startsWith("PJSIP/hotline-trunk-")
                && !c.uniqueId().equals(served.uniqueId()));
        assertTrue(contactFor(other).answeredBy().isEmpty(), "the only counselor was talking with the crisis caller");
    }

    @Test
    void aPromptThatCannotPlayDoesNotSendAHandledCallerToTheRingGroup() throws Exception {
        // the welcome is missing from this Asterisk: STREAM FILE fails, AGISTATUS becomes FAILURE; the
        // menu plays at once and takes the caller's key
        try (var files = Files.list(asterisk.run.resolve("lib/sounds/zh/hotline"))) {
            files.filter(f -> f.getFileName().toString().startsWith("welcome.")).forEach(f -> f.toFile().delete());
        }
        allPhonesAnswer();
        assertTrue(Sipp.finished(sipp.caller("suite-caller-key1"), CALL.toSeconds()));

        Cdr cdr = answeredHotlineCdr();
        assertEquals("hotline-inbound", cdr.dcontext(), cdr.toString());
        Contact contact = contactFor(cdr);
        assertEquals(Optional.of(Disposition.ANSWERED), contact.disposition());
        assertTrue(asterisk.cdrs().stream().noneMatch(c -> "hotline-fallback".equals(c.dcontext())),
                "no leg of the call went through the fallback group: " + asterisk.cdrs());
    }

    @Test
    void theOnlyFittingCounselorWhoMissedIsOfferedTheCallAgain() throws Exception {
        hotline.close();
        hotline = new RealHotline(asterisk, Files.createDirectories(dir.resolve("data-retry")),
                java.util.Map.of("routing.missed-retry-seconds", "3"));
        List.of("li.wei", "chen.jing").forEach(l -> hotline.app().router().pause(hotline.counselorId(l), "meeting"));
        Process declines = sipp.phone("6001", "phone-decline", 1);
        Process caller = sipp.caller("suite-caller-key1");
        assertTrue(Sipp.finished(declines, 30), "6001 did not decline the first offer");
        sipp.phone("6001", "phone-answer", 1);
        assertTrue(Sipp.finished(caller, CALL.toSeconds()), "the caller's SIPp failed");

        Cdr cdr = answeredHotlineCdr();
        Contact contact = contactFor(cdr);
        assertEquals(Optional.of(hotline.counselorId("wang.fang")), contact.answeredBy(),
                "the counselor who declined took the call on the second offer: " + contact.offers());
        assertEquals(2, contact.offers().size(), contact.offers().toString());
    }

    @Test
    void counselorFreeAgainAfterAnInternalCallTakesTheNextHotlineCall() throws Exception {
        sipp.phone("6002", "phone-answer", 1);
        assertTrue(Sipp.finished(sipp.phoneCalls("6001", "suite-phone-call", "6002"), CALL.toSeconds()),
                "the internal call 6001 -> 6002 failed");
        asterisk.awaitCdr("the internal call's CDR", c -> c.channel().startsWith("PJSIP/6001-")
                && c.dstChannel().startsWith("PJSIP/6002-"));
        // only 6001 (who just made the internal call) can take the hotline call now
        sipp.phone("6001", "phone-answer", 1);
        sipp.phone("6003", "phone-busy", 5);
        Thread.sleep(2000); // the internal call's last device state changes reach the server
        assertTrue(Sipp.finished(sipp.caller("suite-caller-key1"), CALL.toSeconds()));

        Cdr cdr = answeredHotlineCdr();
        assertTrue(cdr.dstChannel().startsWith("PJSIP/6001-"), cdr.toString());
        Contact contact = contactFor(cdr);
        assertEquals(Optional.of(hotline.counselorId("wang.fang")), contact.answeredBy());
        assertEquals(Optional.of(Disposition.ANSWERED), contact.disposition());
    }

    @Test
    void fallbackCallWhileTheServerIsDownIsRecordedWhenItComesBack() throws Exception {
        hotline.stop();
        sipp.phone("6001", "phone-ring", 1);
        sipp.phone("6002", "phone-answer", 1);
        sipp.phone("6003", "phone-ring", 1);
        assertTrue(Sipp.finished(sipp.caller("suite-caller-fallback"), CALL.toSeconds()));
        Cdr cdr = asterisk.awaitCdr("the fallback call's CDR", c -> c.channel().startsWith("PJSIP/hotline-trunk-")
                && c.dstChannel().startsWith("PJSIP/6002-") && "ANSWERED".equals(c.disposition()));

        hotline.start();
        Contact contact = RealHotline.await("the fallback call imported as a contact", Duration.ofSeconds(20),
                () -> hotline.contactByUniqueId(cdr.uniqueId()).orElse(null));
        assertEquals(Optional.of(Disposition.FALLBACK), contact.disposition());
        assertEquals("13800138000", contact.callerNumber());
        assertEquals(Optional.of(hotline.counselorId("li.wei")), contact.answeredBy());
    }

    @Test
    void afterAnAsteriskRestartTheServerReconnectsAndRecordsTheNextCall() throws Exception {
        int connects = hotline.app().ami().status().connects();
        asterisk.restart();
        RealHotline.await("AMI logged in again", Duration.ofSeconds(30), () ->
                hotline.app().ami().status().connects() > connects
                        && "CONNECTED".equals(hotline.app().ami().status().state()));
        allPhonesAnswer();
        Thread.sleep(1000); // device states re-read after the login
        assertTrue(Sipp.finished(sipp.caller("suite-caller-key1"), CALL.toSeconds()));

        Cdr cdr = answeredHotlineCdr();
        Contact contact = contactFor(cdr);
        assertEquals(Optional.of(Disposition.ANSWERED), contact.disposition());
        assertEquals(Optional.of(counselorOn(cdr.dstChannel())), contact.answeredBy());
    }

    // ---- helpers ----

    private void allPhonesAnswer() throws Exception {
        for (String ext : List.of("6001", "6002", "6003")) {
            sipp.phone(ext, "phone-answer", 5);
        }
    }

    private Cdr answeredHotlineCdr() {
        return asterisk.awaitCdr("an answered hotline call's CDR", c -> c.channel().startsWith("PJSIP/hotline-trunk-")
                && c.dstChannel().startsWith("PJSIP/60") && "ANSWERED".equals(c.disposition()));
    }


    private Contact contactFor(Cdr cdr) {
        return RealHotline.await("a contact with uniqueid " + cdr.uniqueId(), Duration.ofSeconds(10), () -> {
            Optional<Contact> c = hotline.contactByUniqueId(cdr.uniqueId());
            return c.filter(x -> x.endedAt().isPresent()).orElse(null);
        });
    }

    /** The demo counselor whose phone made this channel ({@code PJSIP/6002-0000000a}). */
    private String counselorOn(String channel) {
        String ext = channel.substring("PJSIP/".length(), "PJSIP/".length() + 4);
        String login = switch (ext) {
            case "6001" -> "wang.fang";
            case "6002" -> "li.wei";
            case "6003" -> "chen.jing";
            default -> "zhao.lawyer";
        };
        return hotline.counselorId(login);
    }

    /**
     * The CDR has one line for the caller's channel, answered by the AGI script: its billsec runs from that
     * answer, menu and ringing included (recorded in transcripts/call-answered.cdr.csv), so the contact's
     * talk time must fit inside it and the call must end when the CDR says it ended.
     */
    private static void assertTalkTimeMatches(Cdr cdr, Contact contact) {
        long talk = contact.talkSeconds().orElseThrow(() -> new AssertionError("no talk time: " + contact));
        assertTrue(talk > 0 && talk <= cdr.billsec() + 1, "talk " + talk + " s, CDR billsec " + cdr.billsec() + ": " + cdr);
        java.time.Instant cdrEnd = java.time.LocalDateTime.parse(cdr.end().replace(' ', 'T'))
                .toInstant(java.time.ZoneOffset.UTC);
        java.time.Instant ended = contact.endedAt().orElseThrow();
        assertFalse(Math.abs(Duration.between(cdrEnd, ended).toSeconds()) > 2,
                "contact ended " + ended + ", CDR end " + cdrEnd);
    }
}
