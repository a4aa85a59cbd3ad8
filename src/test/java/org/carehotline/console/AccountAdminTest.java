package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carehotline.cases.Category;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.CounselorRepository;
import org.carehotline.routing.CounselorStatus;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Administrators manage accounts; routing gets the new roster at once. */
class AccountAdminTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private RunningHotline hotline;

    @Test
    void anAdministratorCreatesACounselorWhoRoutingKnowsAndWhoCanSignIn() throws Exception {
        hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of());
        ConsoleClient admin = new ConsoleClient(hotline.httpPort());
        admin.signIn("admin", "admin-pw-1");
        String token = admin.csrf("/admin/counselors/new");

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("_csrf", token);
        bad.put("login", "zhou.min");
        bad.put("displayName", "周敏");
        bad.put("endpoint", "6005");
        bad.put("skill.PSYCHOLOGICAL_SUPPORT", "7");
        bad.put("password", "short");
        HttpResponse<String> refused = admin.post("/admin/counselors", bad);
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("id=\"error-account-endpoint\""), "message next to the endpoint");
        assertTrue(refused.body().contains("id=\"error-account-skill.PSYCHOLOGICAL_SUPPORT\""));
        assertTrue(refused.body().contains("id=\"error-account-roles\""));
        assertTrue(new CounselorRepository(hotline.app.store()).findByLogin("zhou.min").isEmpty(), "nothing saved");

        Map<String, String> good = new LinkedHashMap<>(bad);
        good.put("endpoint", "PJSIP/6005");
        good.put("skill.PSYCHOLOGICAL_SUPPORT", "4");
        good.put("dialects", "mandarin, hakka");
        good.put("roles", "COUNSELOR");
        good.put("active", "on");
        good.put("password", "zhou-min-pw");
        assertEquals(303, admin.post("/admin/counselors", good).statusCode());
        Counselor saved = new CounselorRepository(hotline.app.store()).findByLogin("zhou.min").orElseThrow();
        assertEquals(4, saved.skillLevel(Category.PSYCHOLOGICAL_SUPPORT));
        assertEquals(java.util.List.of("mandarin", "hakka"), saved.dialects());
        assertTrue(hotline.app.router().snapshot().stream().map(CounselorStatus::counselor)
                .anyMatch(c -> c.login().equals("zhou.min") && c.endpoint().equals("PJSIP/6005")), "routing knows her");
        assertTrue(admin.get("/admin/counselors").body().contains("周敏"));

        ConsoleClient zhou = new ConsoleClient(hotline.httpPort());
        assertEquals(303, zhou.signIn("zhou.min", "zhou-min-pw").statusCode());
        assertEquals(403, zhou.get("/admin/counselors").statusCode(), "counselors do not manage accounts");

        ConsoleClient supervisor = new ConsoleClient(hotline.httpPort());
        supervisor.signIn("sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
        assertEquals(403, supervisor.post("/admin/counselors", Map.of("_csrf", supervisor.csrf("/"), "login", "x"))
                .statusCode());
    }
}
