package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reports and the registry import inside the running console: roles and the upload's CSRF check. */
class ReportsAccessTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private RunningHotline hotline;

    @Test
    void reportsAreForSupervisorsAndTheRegistryUploadNeedsTheFormToken() throws Exception {
        hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of());

        ConsoleClient counselor = new ConsoleClient(hotline.httpPort());
        counselor.signIn("wang.fang", "demo1234");
        assertEquals(403, counselor.get("/reports").statusCode(), "counselors do not read the line's reports");
        assertEquals(403, counselor.get("/registry/import").statusCode());
        assertEquals(303, new ConsoleClient(hotline.httpPort()).get("/reports").statusCode(), "signed out: to sign-in");

        ConsoleClient supervisor = new ConsoleClient(hotline.httpPort());
        supervisor.signIn("sun.supervisor", "demo1234");
        assertEquals(200, supervisor.get("/reports").statusCode());
        byte[] csv = "姓名,手机号\n张三,13800001111\n".getBytes(StandardCharsets.UTF_8);

        assertEquals(403, supervisor.postFile("/registry/import", Map.of(), "workers.csv", csv).statusCode(),
                "an upload without the form token is refused");
        String token = supervisor.csrf("/registry/import");
        int accepted = supervisor.postFile("/registry/import", Map.of("_csrf", token), "workers.csv", csv).statusCode();
        assertEquals(303, accepted, "with the token the import starts and the page follows its progress");
        RunningHotline.awaitCondition("worker registered", () -> hotline.app.store().database()
                .getCollection(CollectionNames.CALLERS).countDocuments(new Document("phone", "13800001111")) == 1);
    }
}
