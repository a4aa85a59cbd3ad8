package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carehotline.backup.BackupFile;
import org.carehotline.backup.BackupPolicy;
import org.carehotline.backup.StoreBackups;
import org.carehotline.counselors.Role;
import org.carehotline.console.auth.Access;

/**
 * The backups page (administrators only): the schedule in force, the backups in the folder and
 * "back up now". The backup runs on the page handler's virtual thread and writes its own audit
 * entry. On a real MongoDB the page says to use MongoDB's own tools, and offers no button.
 */
final class BackupRoutes {

    private final Pages pages;
    private final StoreBackups backups;
    private final Formats formats;

    BackupRoutes(Pages pages, StoreBackups backups, Formats formats) {
        this.pages = pages;
        this.backups = backups;
        this.formats = formats;
    }

    void mount(Router router, Access access) {
        router.get("/admin/backups").handler(access.require(Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, request -> page(200, "")));
        router.post("/admin/backups/run").handler(access.require(Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, this::runNow));
    }

    private Reply runNow(Request request) {
        if (!backups.available()) {
            return page(409, "backup.refused.mongo");
        }
        var user = request.signedIn();
        var run = backups.runNow(StoreBackups.TRIGGER_REQUEST, user.id(), user.login(), request.remote());
        if (run.isEmpty()) {
            return page(409, "backup.refused.busy");
        }
        return run.get().succeeded() ? new Reply.Redirect("/admin/backups").flash("backup.made")
                : page(500, "backup.failed");
    }

    private Reply.View page(int status, String refused) {
        BackupPolicy policy = backups.policy();
        List<Map<String, Object>> files = backups.list().stream().map(this::row).toList();
        Map<String, Object> last = new LinkedHashMap<>();
        backups.lastRun().ifPresent(run -> {
            last.put("at", formats.time(run.at()));
            last.put("trigger", run.trigger());
            last.put("login", run.login());
            last.put("ok", run.succeeded());
            last.put("problem", run.problem().orElse(""));
            last.put("maps", run.maps());
            last.put("entries", run.entries());
            last.put("millis", run.millis());
        });
        return Reply.view("admin-backups.ftlh", status).with("available", backups.available())
                .with("enabled", policy.enabled()).with("hour", policy.hour()).with("keep", policy.keep())
                .with("folder", policy.folder().toAbsolutePath().normalize().toString()).with("files", files)
                .with("last", last).with("refused", refused);
    }

    private Map<String, Object> row(BackupFile file) {
        return Map.of("name", file.name(), "at", formats.time(file.madeAt()), "size", size(file.bytes()));
    }

    private static String size(long bytes) {
        return bytes < 1_048_576 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
