package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carehotline.audit.AuditEntry;
import org.carehotline.audit.AuditLog;
import org.carehotline.cases.CareCase;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.CounselorRepository;
import org.carehotline.counselors.PasswordHasher;
import org.carehotline.counselors.Role;
import org.carehotline.emergency.EmergencyContact;
import org.carehotline.emergency.EmergencyContactRepository;
import org.carehotline.emergency.EmergencyParty;
import org.carehotline.emergency.EmergencyResult;
import org.carehotline.onward.NewOnwardReferral;
import org.carehotline.onward.OnwardKind;
import org.carehotline.onward.OnwardReferral;
import org.carehotline.onward.OnwardReferralRepository;
import org.carehotline.onward.OnwardStatus;
import org.carehotline.support.Calls;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The onward referral and emergency record forms over HTTP against the whole server: every bad
 * field comes back next to its field with nothing saved, illegal moves and forms without the
 * CSRF token are refused, roles and case access are checked, and changes are audited.
 */
class CaseCareFormsTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private final MutableClock clock = MutableClock.at("2026-11-22T02:00:00Z");
    private RunningHotline hotline;
    private CareCase careCase;
    private String page;
    private ConsoleClient wang;
    private String token;
    private OnwardReferralRepository referrals;
    private EmergencyContactRepository emergency;

    @BeforeEach
    void aCaseOfWangFang() throws Exception {
        hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE"));
        Calls.answered(hotline, "13600007777");
        careCase = hotline.cases().recent(1).get(0);
        page = "/cases/" + careCase.id();
        wang = new ConsoleClient(hotline.httpPort());
        wang.signIn("wang.fang", AccountBootstrap.DEMO_PASSWORD);
        token = wang.csrf(page);
        referrals = new OnwardReferralRepository(hotline.app.store());
        emergency = new EmergencyContactRepository(hotline.app.store());
    }

    private HttpResponse<String> post(ConsoleClient client, String path, String... fields) throws Exception {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return client.post(path, form);
    }

    private static void assertMessageAt(HttpResponse<String> response, String errorId, String text) {
        assertEquals(422, response.statusCode());
        String body = response.body();
        int at = body.indexOf("id=\"" + errorId + "\"");
        assertTrue(at > 0, errorId + " on the page");
        assertTrue(body.indexOf(text, at) > at && body.indexOf(text, at) < at + 300, text + " next to " + errorId);
    }

    private List<AuditEntry> audit() {
        return new AuditLog(hotline.app.store()).recent(1, 200);
    }

    @Test
    void onwardReferralsAreCheckedFieldByFieldAndMoveOnlyAsTheirStatusAllows() throws Exception {
        assertMessageAt(post(wang, page + "/onward", "_csrf", token, "organisation", "市法律援助中心", "status",
                "SUGGESTED"), "error-onward-kind", "必填");
        HttpResponse<String> other = post(wang, page + "/onward", "_csrf", token, "kind", "OTHER",
                "organisation", "区教育局", "status", "SUGGESTED", "note", "孩子转学");
        assertMessageAt(other, "error-onward-otherKind", "写明种类");
        assertTrue(other.body().contains("孩子转学"), "what was typed comes back");
        assertMessageAt(post(wang, page + "/onward", "_csrf", token, "kind", "MEDICAL", "organisation", "市一院",
                "status", "COMPLETED"), "error-onward-status", "选项无效");
        assertMessageAt(post(wang, page + "/onward", "_csrf", token, "kind", "MEDICAL", "organisation", "",
                "status", "MADE"), "error-onward-organisation", "必填");
        assertEquals(403, post(wang, page + "/onward", "kind", "MEDICAL", "organisation", "市一院", "status", "MADE")
                .statusCode(), "no CSRF token");
        assertTrue(referrals.forCase(careCase.id()).isEmpty(), "nothing saved by any of these");

        assertEquals(303, post(wang, page + "/onward", "_csrf", token, "kind", "LEGAL_AID",
                "organisation", "<script>alert(1)</script>市法律援助中心", "status", "SUGGESTED", "note", "欠薪")
                .statusCode());
        OnwardReferral r = referrals.forCase(careCase.id()).get(0);
        assertEquals(OnwardStatus.SUGGESTED, r.status());
        String shown = wang.get(page).body();
        assertTrue(shown.contains("&lt;script&gt;alert(1)&lt;/script&gt;市法律援助中心"), "markup shown as text");
        assertFalse(shown.contains("<script>alert(1)"));

        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> illegal = post(wang, page + "/onward/move", "_csrf", token, "referral", r.id(),
                "action", "complete", "note", "办完了");
        assertMessageAt(illegal, "error-onward-" + r.id() + "-action", "当前状态不能这样做");
        assertEquals(OnwardStatus.SUGGESTED, referrals.forCase(careCase.id()).get(0).status(), "unchanged");
        assertMessageAt(post(wang, page + "/onward/move", "_csrf", token, "referral", r.id(), "action", "explode"),
                "error-onward-" + r.id() + "-action", "选项无效");
        assertEquals(403, post(wang, page + "/onward/move", "referral", r.id(), "action", "make").statusCode(),
                "no CSRF token");
        assertEquals(1, referrals.forCase(careCase.id()).get(0).history().size(), "no change so far");

        assertEquals(303, post(wang, page + "/onward/move", "_csrf", token, "referral", r.id(), "action", "make",
                "note", "已约周三面谈").statusCode());
        OnwardReferral made = referrals.forCase(careCase.id()).get(0);
        assertEquals(OnwardStatus.MADE, made.status());
        assertEquals("已约周三面谈", made.history().get(1).note());
        assertEquals(clock.instant(), made.history().get(1).at());
        assertTrue(audit().stream().anyMatch(e -> e.action().equals("onward.refer") && e.login().equals("wang.fang")
                && e.target().equals(careCase.number())));
        assertTrue(audit().stream().anyMatch(e -> e.action().equals("onward.make") && e.detail().contains("MADE")));
    }

    @Test
    void onlyThoseWhoMaySeeTheCaseTouchItsReferrals() throws Exception {
        String elsewhere = referrals.refer(new NewOnwardReferral("another-case", OnwardKind.MEDICAL, "", "市一院", "",
                OnwardStatus.SUGGESTED, "x", "某人", clock.instant()));
        assertEquals(404, post(wang, page + "/onward/move", "_csrf", token, "referral", elsewhere, "action", "make")
                .statusCode(), "another case's referral is not reached through this case");
        assertEquals(OnwardStatus.SUGGESTED, referrals.forCase("another-case").get(0).status());

        ConsoleClient liWei = new ConsoleClient(hotline.httpPort());
        liWei.signIn("li.wei", AccountBootstrap.DEMO_PASSWORD);
        assertEquals(403, post(liWei, page + "/onward", "_csrf", liWei.csrf("/"), "kind", "MEDICAL",
                "organisation", "市一院", "status", "MADE").statusCode(), "not li.wei's case");
        new CounselorRepository(hotline.app.store()).save(new Counselor(null, "union.staff", "工会干事",
                Set.of(Role.REFERRER), "", Map.of(), List.of(), true), new PasswordHasher().hash("referrer-pw"));
        ConsoleClient referrer = new ConsoleClient(hotline.httpPort());
        referrer.signIn("union.staff", "referrer-pw");
        String referrerToken = referrer.csrf("/");
        assertEquals(403, post(referrer, page + "/onward", "_csrf", referrerToken, "kind", "MEDICAL",
                "organisation", "市一院", "status", "MADE").statusCode(), "referrers write no case files");
        assertEquals(403, post(referrer, page + "/emergency", "_csrf", referrerToken, "party", "FAMILY",
                "result", "REACHED", "at", "2026-11-22T10:00").statusCode());
        assertTrue(referrals.forCase(careCase.id()).isEmpty());
        assertTrue(emergency.forCase(careCase.id()).isEmpty());
    }

    @Test
    void theEmergencyRecordNeedsAHighRiskAGoodTimeAndTheToken() throws Exception {
        assertFalse(wang.get(page).body().contains("id=\"emergency-form\""), "no record at moderate risk or none");
        assertMessageAt(post(wang, page + "/emergency", "_csrf", token, "party", "POLICE_110", "result", "DISPATCHED",
                "at", "2026-11-22T09:55"), "error-emergency-record", "高或紧急");

        clock.advance(Duration.ofMinutes(3));
        assertEquals(303, post(wang, page + "/risk", "_csrf", token, "thoughts", "on", "plan", "on", "means", "on",
                "timeframe", "TODAY", "level", "IMMINENT").statusCode());
        String withForm = wang.get(page).body();
        assertTrue(withForm.indexOf("id=\"emergency-form\"") < withForm.indexOf("id=\"profile\""),
                "the record is at the top of the case");
        assertTrue(withForm.contains("value=\"2026-11-22 10:03\""), "the time defaults to now in the hotline's zone");

        assertMessageAt(post(wang, page + "/emergency", "_csrf", token, "party", "POLICE_110", "result", "DISPATCHED",
                "at", "昨天晚上"), "error-emergency-at", "年-月-日 时:分");
        assertMessageAt(post(wang, page + "/emergency", "_csrf", token, "party", "POLICE_110", "result", "DISPATCHED",
                "at", "2026-11-22T25:00"), "error-emergency-at", "年-月-日 时:分");
        assertMessageAt(post(wang, page + "/emergency", "_csrf", token, "party", "POLICE_110", "result", "DISPATCHED",
                "at", "2026-11-22T11:00"), "error-emergency-at", "不能晚于现在");
        assertMessageAt(post(wang, page + "/emergency", "_csrf", token, "result", "DISPATCHED",
                "at", "2026-11-22T10:00"), "error-emergency-party", "必填");
        assertMessageAt(post(wang, page + "/emergency", "_csrf", token, "party", "OTHER", "result", "REACHED",
                "at", "2026-11-22T10:00"), "error-emergency-contact", "联系了谁");
        assertMessageAt(post(wang, page + "/emergency", "_csrf", token, "party", "FAMILY", "result", "OTHER",
                "at", "2026-11-22T10:00"), "error-emergency-detail", "写明情况");
        assertEquals(403, post(wang, page + "/emergency", "party", "FAMILY", "result", "REACHED",
                "at", "2026-11-22T10:00").statusCode(), "no CSRF token");
        assertTrue(emergency.forCase(careCase.id()).isEmpty(), "nothing saved by any of these");

        assertEquals(303, post(wang, page + "/emergency", "_csrf", token, "party", "FAMILY", "contact", "妻子 李女士",
                "result", "REACHED", "detail", "她去服务区接他", "at", "2026-11-22T10:01").statusCode());
        assertEquals(303, post(wang, page + "/emergency", "_csrf", token, "party", "POLICE_110",
                "result", "DISPATCHED", "at", "2026-11-22T10:03").statusCode());
        List<EmergencyContact> entries = emergency.forCase(careCase.id());
        assertEquals(2, entries.size());
        assertEquals(new EmergencyContact(entries.get(0).id(), careCase.id(), EmergencyParty.FAMILY, "妻子 李女士",
                EmergencyResult.REACHED, "她去服务区接他", Instant.parse("2026-11-22T02:01:00Z"),
                hotline.counselorId("wang.fang"), "王芳", clock.instant()), entries.get(0), "set back two minutes");
        assertEquals(clock.instant(), entries.get(1).at(), "the offered minute is now");
        assertEquals(2, audit().stream().filter(e -> e.action().equals("emergency.contact")).count());
    }
}
