package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.audit.AuditLog;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.CaseWork;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.retention.RetentionSweep;
import org.carehotline.store.CollectionNames;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The retention page over HTTP: administrators only; the dry run lists the case past its period
 * and changes nothing; run now sweeps it, is audited and shows its counts; with retention off in
 * the configuration, run now is refused with the reason.
 */
class RetentionPageTest {

    private static final Instant OPENED = Instant.parse("2020-01-05T02:00:00Z");

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    /** A case opened and closed in January 2020, six years before the test's clock. */
    private static CareCase oldClosedCase(RunningHotline hotline, String phone) {
        CareCase c = new CaseRepository(hotline.app.store(), ZoneId.of("Asia/Shanghai")).open(null, phone, OPENED);
        new CaseWork(hotline.app.store()).close(c.id(), "已解决", "admin", OPENED.plusSeconds(86_400));
        return c;
    }

    private static Document caseDoc(RunningHotline hotline, CareCase c) {
        return hotline.app.store().database().getCollection(CollectionNames.CASES)
                .find(new Document("_id", new ObjectId(c.id()))).first();
    }

    @Test
    void onlyAdministratorsSeeTheRetentionPage() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-12-04T08:00:00Z"), Map.of());
        ConsoleClient supervisor = new ConsoleClient(hotline.httpPort());
        supervisor.signIn("sun.supervisor", AccountBootstrap.DEMO_PASSWORD);

        assertEquals(403, supervisor.get("/admin/retention").statusCode());
        assertEquals(403, supervisor.get("/admin/retention/dry-run").statusCode());
        assertEquals(403, supervisor.post("/admin/retention/run", Map.of("_csrf", supervisor.csrf("/"))).statusCode());
        assertFalse(supervisor.get("/").body().contains("nav-retention"), "not in a supervisor's navigation");
    }

    @Test
    void theDryRunListsWhatWouldGoThenRunNowSweepsItAndSaysSo() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-12-04T08:00:00Z"), Map.of(),
                // 16:00 in Shanghai: the daily sweep's hour (23) has not come, only run now sweeps
                "--retention.enabled=true", "--retention.hour=23", "--retention.cases.action=delete");
        CareCase old = oldClosedCase(hotline, "13800000011");
        CareCase waiting = oldClosedCase(hotline, "13800000012");
        new FollowUpRepository(hotline.app.store()).requestCallback(waiting.id(), "13800000012", null, OPENED);
        ConsoleClient admin = new ConsoleClient(hotline.httpPort());
        admin.signIn("admin", "admin-pw-1");

        String page = admin.get("/admin/retention").body();
        assertTrue(page.contains("id=\"rule-cases\""), page);
        assertTrue(page.contains("1825"), "the period in force");
        assertTrue(page.contains("id=\"retention-never-ran\""));

        HttpResponse<String> dryRun = admin.get("/admin/retention/dry-run");
        assertEquals(200, dryRun.statusCode());
        assertTrue(dryRun.body().contains("<li class=\"case-number\">" + old.number() + "</li>"), dryRun.body());
        assertFalse(dryRun.body().contains(waiting.number()), "a pending follow-up keeps its case off the list");
        assertTrue(dryRun.body().matches("(?s).*data-count=\"cases\">.*?<td class=\"count\">1</td>.*"));
        assertTrue(dryRun.body().matches("(?s).*data-count=\"keptForOpenWork\">.*?<td class=\"count\">1</td>.*"));
        assertEquals("13800000011", caseDoc(hotline, old).getString("phone"), "the dry run changed nothing");

        HttpResponse<String> run = admin.post("/admin/retention/run", Map.of("_csrf", admin.csrf("/admin/retention")));
        assertEquals(303, run.statusCode());
        String after = admin.get("/admin/retention").body();
        assertTrue(after.contains("id=\"flash\""), "says it ran");
        assertTrue(after.matches("(?s).*id=\"last-counts\".*data-count=\"cases\">.*?<td class=\"count\">1</td>.*"),
                after);
        assertEquals(null, caseDoc(hotline, old), "deleted");
        assertEquals("13800000012", caseDoc(hotline, waiting).getString("phone"), "kept");
        assertTrue(new AuditLog(hotline.app.store()).recent(1, 20).stream().anyMatch(e ->
                e.action().equals(RetentionSweep.AUDIT_ACTION) && e.login().equals("admin")
                        && e.detail().startsWith("cases=DELETE@1825d 1 ")), "audited with its counts");
    }

    @Test
    void runNowIsRefusedWhileRetentionIsOff() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-12-04T08:00:00Z"), Map.of());
        CareCase old = oldClosedCase(hotline, "13800000013");
        ConsoleClient admin = new ConsoleClient(hotline.httpPort());
        admin.signIn("admin", "admin-pw-1");
        assertTrue(admin.get("/admin/retention").body().contains("id=\"retention-run\" disabled"));

        HttpResponse<String> refused = admin.post("/admin/retention/run", Map.of("_csrf", admin.csrf("/admin/retention")));

        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("id=\"retention-refused\""), refused.body());
        assertTrue(refused.body().contains("retention.enabled"), "says why");
        assertEquals("13800000013", caseDoc(hotline, old).getString("phone"), "nothing changed");
        assertTrue(admin.get("/admin/retention/dry-run").body().contains(old.number()), "the dry run still works");
    }
}
