package org.carehotline.telephony;

import static java.time.DayOfWeek.SUNDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.audit.AuditEntry;
import org.carehotline.audit.AuditLog;
import org.carehotline.cases.Category;
import org.carehotline.cases.Contact;
import org.carehotline.cases.Disposition;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.routing.PresenceState;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.support.SettingsForm;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hours and menu saved by an administrator on the console page apply to the very next call
 * over FastAGI, without a restart: open by the keys' 24/7 hours first, then closed on Sundays
 * with a call-back request, then closed with the on-call number, and a menu key moved.
 */
class LineSettingsCallTest {

    private static final String WANG_FANG = "PJSIP/6001";

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z"); // a Sunday, 16:00 in Shanghai
    private RunningHotline hotline;

    private static void greeting(FakeAgiCall call, String keys) {
        call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        call.expectAndReply("^SET VARIABLE \"CHANNEL\\(language\\)\"", "200 result=1");
        call.expectAndReply("^STREAM FILE \"hotline/welcome\" \"" + keys + "\"", AgiReplies.streamCompleted());
    }

    private static void finish(FakeAgiCall call) {
        call.expectAndReply("^SET VARIABLE \"HOTLINE_RESULT\" \"done\"", "200 result=1");
        call.expectAndReply("^SET VARIABLE \"AJ_AGISTATUS\"", "200 result=1");
        assertTrue(call.awaitClosedByServer(RunningHotline.WAIT));
    }

    private Contact contactOf(String phone) {
        return hotline.lastContact(phone);
    }

    private HttpResponse<String> save(ConsoleClient admin, SettingsForm form) throws Exception {
        return admin.post("/admin/settings", form.fields(admin.csrf("/admin/settings")));
    }

    @Test
    void hoursAndKeysSavedOnTheConsoleApplyToTheNextCall() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE"), "--oncall.number=13911112222");

        // before any save: the keys' 24/7 hours, the usual menu; the caller reaches a counselor
        FakeAgiCall before = hotline.call("13900000041");
        greeting(before, "0123");
        before.expectAndReply("^STREAM FILE \"hotline/option-psychological-support\" \"0123\"",
                AgiReplies.streamInterruptedBy('1'));
        before.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
        before.expectAndReply("^EXEC \"Dial\" \"" + WANG_FANG + ",20,m\\(hotline-connecting\\)U\\(hotline-answered\\)\"", AgiReplies.SUCCESS);
        before.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("ANSWER"));
        before.expectAndReply("^GET VARIABLE \"HOTLINE_ANSWERED_AT\"", AgiReplies.answeredAt(clock.instant().minusSeconds(60)));
        finish(before);

        // the administrator closes Sundays, wants call-back requests while closed, moves legal advice to key 4
        ConsoleClient admin = new ConsoleClient(hotline.httpPort());
        admin.signIn("admin", "admin-pw-1");
        HttpResponse<String> saved = save(admin, new SettingsForm().day(SUNDAY, "").closed("callback")
                .menu('1', "PSYCHOLOGICAL_SUPPORT").menu('4', "LEGAL_ADVICE").menu('3', "HARDSHIP_ASSISTANCE")
                .menu('0', "CRISIS_INTERVENTION"));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("/admin/settings?saved=1", saved.headers().firstValue("location").orElse(""));

        FakeAgiCall closed = hotline.call("13900000042");
        greeting(closed, "0134");
        closed.expectAndReply("^STREAM FILE \"hotline/option-psychological-support\" \"0134\"",
                AgiReplies.streamCompleted());
        closed.expectAndReply("^STREAM FILE \"hotline/press-1\" \"0134\"", AgiReplies.streamCompleted());
        closed.expectAndReply("^STREAM FILE \"hotline/option-legal-advice\" \"0134\"", AgiReplies.streamInterruptedBy('4'));
        closed.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
        closed.expectAndReply("^STREAM FILE \"hotline/closed\"", AgiReplies.streamCompleted());
        closed.expectAndReply("^STREAM FILE \"hotline/callback-confirmed\"", AgiReplies.streamCompleted());
        closed.expectAndReply("^STREAM FILE \"hotline/goodbye\"", AgiReplies.streamCompleted());
        finish(closed);

        Contact callback = contactOf("13900000042");
        assertEquals(Optional.of(Disposition.CALLBACK_REQUESTED), callback.disposition());
        assertEquals(Optional.of(Category.LEGAL_ADVICE), callback.category(), "key 4 is legal advice now");
        assertEquals(Optional.of("4"), callback.menuKey());
        assertTrue(callback.log().stream().anyMatch(e -> e.entry().startsWith("outside opening hours (settings v1: ")),
                callback.log().toString());
        assertEquals(PresenceState.WRAP_UP, hotline.app.router().states().get(hotline.counselorId("wang.fang")),
                "nobody was rung: wang.fang is still finishing the first call");

        // closed calls now go to the on-call number
        clock.advance(Duration.ofMinutes(1));
        assertEquals(303, save(admin, new SettingsForm().version(1).day(SUNDAY, "").closed("oncall").usualMenu())
                .statusCode());
        FakeAgiCall oncall = hotline.call("13900000043");
        greeting(oncall, "0123");
        oncall.expectAndReply("^STREAM FILE \"hotline/option-psychological-support\"", AgiReplies.streamInterruptedBy('3'));
        oncall.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
        oncall.expectAndReply("^STREAM FILE \"hotline/closed\"", AgiReplies.streamCompleted());
        oncall.expectAndReply("^EXEC \"Dial\" \"PJSIP/13911112222@hotline-trunk,45,m\\(hotline-connecting\\)U\\(hotline-answered\\)\"", AgiReplies.SUCCESS);
        oncall.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("ANSWER"));
        oncall.expectAndReply("^GET VARIABLE \"HOTLINE_ANSWERED_AT\"", AgiReplies.answeredAt(clock.instant().minusSeconds(90)));
        finish(oncall);
        assertEquals(Optional.of("oncall"), contactOf("13900000043").answeredBy());
        assertEquals(Optional.of(Category.HARDSHIP_ASSISTANCE), contactOf("13900000043").category());

        List<AuditEntry> audit = new AuditLog(hotline.app.store()).recent(1, 50).stream()
                .filter(e -> e.action().equals("settings.update")).toList();
        assertEquals(List.of("v2", "v1"), audit.stream().map(AuditEntry::target).toList());
        assertTrue(audit.get(0).detail().contains("closed action: callback → oncall"), audit.get(0).detail());
        assertEquals("admin", audit.get(1).login());
    }

    @Test
    void onlyAdministratorsSeeOrChangeTheSettings() throws Exception {
        hotline = servers.start(clock, Map.of());
        for (String login : List.of("wang.fang", "sun.supervisor")) {
            ConsoleClient someone = new ConsoleClient(hotline.httpPort());
            someone.signIn(login, AccountBootstrap.DEMO_PASSWORD);
            assertEquals(403, someone.get("/admin/settings").statusCode(), login);
            assertEquals(403, someone.post("/admin/settings", new SettingsForm().usualMenu().closed("callback")
                    .fields(someone.csrf("/"))).statusCode(), login);
        }
        assertEquals(0, hotline.app.settings().active().version().version(), "nothing saved");
        ConsoleClient anonymous = new ConsoleClient(hotline.httpPort());
        assertEquals(303, anonymous.get("/admin/settings").statusCode(), "to the sign-in page");
    }
}
