package org.carehotline.realpbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.Category;
import org.carehotline.cases.Contact;
import org.carehotline.cases.ContactRepository;
import org.carehotline.cases.Disposition;
import org.carehotline.followups.Attempt;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.followups.Outcome;
import org.carehotline.followups.ScheduleRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow-up calls through a real Asterisk 22: the server originates to the counselor's SIPp phone, the
 * callback script dials the worker's SIPp phone behind the trunk, and the follow-up's outcome must be what
 * chan_pjsip reported for the worker's leg (opt-in like {@link RealPbxTest}).
 */
@EnabledIfEnvironmentVariable(named = AsteriskUnderTest.BINARY_ENV, matches = ".+")
class RealPbxFollowUpTest {

    private static final String WORKER = "13900139000";

    @TempDir
    Path dir;
    private AsteriskUnderTest asterisk;
    private RealHotline hotline;
    private Sipp sipp;

    @BeforeEach
    void start() throws Exception {
        asterisk = AsteriskUnderTest.start(Files.createDirectories(dir.resolve("asterisk")), LoopbackPorts.tcp());
        sipp = new Sipp(asterisk);
        // the calling window covers the whole day, so the wall clock is always inside it
        hotline = new RealHotline(asterisk, Files.createDirectories(dir.resolve("data")), Map.of(
                "followups.enabled", "true", "followups.window", "00:00-24:00", "followups.poll-seconds", "1"));
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
    void followUpAnsweredByTheWorkerIsReachedWithTheCounselorsTalk() throws Exception {
        sipp.phone("6001", "phone-answer", 1);
        Process worker = sipp.worker("phone-answer-bye3000", 1);
        String followUpId = scheduleFor("wang.fang");

        FollowUp done = awaitFinished(followUpId);
        assertTrue(Sipp.finished(worker, 10), "the worker's SIPp phone did not get and end one call");
        Attempt attempt = done.attempts().get(done.attempts().size() - 1);
        assertEquals(FollowUpStatus.DONE, done.status(), done.toString());
        assertEquals(Outcome.REACHED, attempt.outcome(), attempt.toString());
        assertEquals(Optional.of(hotline.counselorId("wang.fang")), attempt.counselorId());

        Cdr workerLeg = asterisk.awaitCdr("the worker leg's CDR", c -> c.dstChannel().startsWith("PJSIP/hotline-trunk-")
                && c.channel().startsWith("PJSIP/6001-"));
        assertEquals("ANSWERED", workerLeg.disposition(), workerLeg.toString());
        Contact contact = contact(attempt.contactId().orElseThrow());
        org.bson.Document stored = hotline.app().store().database().getCollection(
                org.carehotline.store.CollectionNames.CONTACTS).find(new org.bson.Document("_id",
                new org.bson.types.ObjectId(contact.id()))).first();
        assertEquals(workerLeg.uniqueId(), stored.getString("channelUniqueId"),
                "the contact names the counselor leg Asterisk originated, as the CDR does");
        assertEquals(workerLeg.linkedId(), stored.getString("linkedId"));
        assertEquals(Optional.of(Disposition.ANSWERED), contact.disposition());
        assertEquals(Optional.of(hotline.counselorId("wang.fang")), contact.answeredBy());
        long talk = contact.talkSeconds().orElseThrow(() -> new AssertionError("no talk time: " + contact));
        assertTrue(talk >= 2 && talk <= workerLeg.billsec() + 1,
                "talk " + talk + " s against the worker leg's billsec " + workerLeg.billsec() + " (the worker hangs up after 3 s)");
    }

    @Test
    void followUpTheWorkerDeclinesWith603IsDeclinedAndNotRetried() throws Exception {
        sipp.phone("6001", "phone-answer", 1);
        Process worker = sipp.worker("phone-decline", 1);
        String followUpId = scheduleFor("wang.fang");

        FollowUp done = awaitFinished(followUpId);
        assertTrue(Sipp.finished(worker, 10), "the worker's SIPp phone did not decline one call");
        Attempt attempt = done.attempts().get(done.attempts().size() - 1);
        assertEquals(Outcome.DECLINED, attempt.outcome(), "chan_pjsip's 603 (cause 21, CHANUNAVAIL): " + attempt);
        assertEquals(FollowUpStatus.DONE, done.status(), "a decline is final: " + done);
        assertEquals(1, done.attempts().size(), done.attempts().toString());

        Cdr workerLeg = asterisk.awaitCdr("the worker leg's CDR", c -> c.dstChannel().startsWith("PJSIP/hotline-trunk-")
                && c.channel().startsWith("PJSIP/6001-"));
        assertTrue(!"ANSWERED".equals(workerLeg.disposition()), "the worker never answered: " + workerLeg);
        Contact contact = contact(attempt.contactId().orElseThrow());
        assertTrue(contact.talkSeconds().orElse(0L) == 0, "no talk on a declined call: " + contact);
    }

    // ---- helpers ----

    /** A worker's case, and a follow-up on it due now for this counselor. */
    private String scheduleFor(String login) {
        Clock clock = Clock.systemUTC();
        String callerId = new CallerRepository(hotline.app().store()).recordCall(WORKER, clock.instant()).id();
        CaseRepository cases = new CaseRepository(hotline.app().store(), ZoneId.of("Asia/Shanghai"));
        CareCase c = cases.open(callerId, WORKER, clock.instant());
        cases.addCategory(c.id(), Category.PSYCHOLOGICAL_SUPPORT);
        return hotline.app().followUps().schedule(ScheduleRequest.at(c.id(), clock.instant(), "real PBX follow-up")
                .assignedTo(hotline.counselorId(login)));
    }

    private FollowUp awaitFinished(String id) {
        FollowUpRepository followUps = new FollowUpRepository(hotline.app().store());
        return RealHotline.await("follow-up " + id + " finished", Duration.ofSeconds(60), () -> followUps.findById(id)
                .filter(f -> !FollowUpStatus.OPEN.contains(f.status()) || !f.attempts().isEmpty()
                        && f.status().equals(FollowUpStatus.PENDING))
                .orElse(null));
    }

    private Contact contact(String id) {
        ContactRepository contacts = new ContactRepository(hotline.app().store());
        return RealHotline.await("follow-up contact " + id + " ended", Duration.ofSeconds(10),
                () -> contacts.findById(id).filter(c -> c.endedAt().isPresent()).orElse(null));
    }

}
