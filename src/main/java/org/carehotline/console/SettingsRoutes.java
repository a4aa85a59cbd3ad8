package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.carehotline.console.auth.Access;
import org.carehotline.counselors.Role;
import org.carehotline.settings.Problem;
import org.carehotline.settings.SettingsDraft;
import org.carehotline.settings.SettingsService;
import org.carehotline.settings.SettingsService.SaveResult;

/**
 * The line settings page (administrators only): opening hours per weekday, holidays with names
 * and special hours, what a call gets while the line is closed, the main menu and the dialect
 * menu. A save is all or nothing: any problem brings the form back as typed with the message next
 * to the field. Each save is a new version, in force from the next call, and is audited.
 */
final class SettingsRoutes {

    private final Pages pages;
    private final SettingsService settings;
    private final SettingsPage page;
    private final Audit audit;

    SettingsRoutes(Pages pages, SettingsService settings, ZoneId zone, Audit audit) {
        this.pages = pages;
        this.settings = settings;
        this.page = new SettingsPage(settings, new Formats(zone));
        this.audit = audit;
    }

    void mount(Router router, Access access) {
        router.get("/admin/settings").handler(access.require(Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, this::show));
        router.post("/admin/settings").handler(access.require(Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, this::save));
    }

    private Reply show(Request request) {
        SettingsService.Active active = settings.active();
        return page.view(SettingsDraft.of(active.settings(), active.version().version()), Map.of(), 200)
                .with("saved", request.param("saved"));
    }

    private Reply save(Request request) {
        Map<String, String> fields = new HashMap<>();
        request.params().forEach((name, values) -> fields.put(name, values.isEmpty() ? "" : values.get(0)));
        SettingsDraft draft = SettingsDraft.fromForm(fields);
        SaveResult result = settings.save(draft, request.signedIn().login());
        if (result instanceof SaveResult.Saved saved) {
            audit.record(request, "settings.update", "v" + saved.version().version(), saved.version().changes());
            return new Reply.Redirect("/admin/settings?saved=" + saved.version().version());
        }
        if (result instanceof SaveResult.Invalid invalid) {
            return page.view(draft, invalid.problems(), 422);
        }
        SaveResult.Conflict conflict = (SaveResult.Conflict) result;
        return page.view(draft, Map.of("version", new Problem("settings.error.conflict",
                conflict.current().updatedBy() + " (v" + conflict.current().version() + ")")), 409);
    }
}
