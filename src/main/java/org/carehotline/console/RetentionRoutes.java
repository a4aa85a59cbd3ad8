package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carehotline.console.auth.Access;
import org.carehotline.counselors.Role;
import org.carehotline.retention.RetentionKind;
import org.carehotline.retention.RetentionPolicy;
import org.carehotline.retention.RetentionSweep;
import org.carehotline.retention.SweepResult;

/**
 * The retention page (administrators only): the periods and actions in force, the last sweep,
 * a dry run that lists what a sweep would change now (counts per kind and the first case
 * numbers) and "run now". The sweep runs on the page handler's virtual thread; it writes its
 * own audit entry. Run now is refused while retention is off in the configuration, and while
 * another sweep (on any server) holds the lock.
 */
final class RetentionRoutes {

    private final Pages pages;
    private final RetentionSweep sweep;
    private final Formats formats;

    RetentionRoutes(Pages pages, RetentionSweep sweep, Formats formats) {
        this.pages = pages;
        this.sweep = sweep;
        this.formats = formats;
    }

    void mount(Router router, Access access) {
        router.get("/admin/retention").handler(access.require(Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, request -> page(200)));
        router.get("/admin/retention/dry-run").handler(access.require(Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, this::dryRun));
        router.post("/admin/retention/run").handler(access.require(Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, this::runNow));
    }

    private Reply dryRun(Request request) {
        SweepResult result = sweep.dryRun();
        return page(200).with("dryRun", Map.of("at", formats.time(result.at()), "counts", result.counts(),
                "sample", result.cases().sampleNumbers()));
    }

    private Reply runNow(Request request) {
        if (!sweep.policy().enabled()) {
            return page(409).with("refused", "retention.refused.off");
        }
        var user = request.signedIn();
        if (sweep.runNow(user.id(), user.login(), request.remote()).isEmpty()) {
            return page(409).with("refused", "retention.refused.busy");
        }
        return new Reply.Redirect("/admin/retention").flash("retention.ran");
    }

    private Reply.View page(int status) {
        RetentionPolicy policy = sweep.policy();
        List<Map<String, Object>> rules = Arrays.stream(RetentionKind.values()).map(kind -> {
            RetentionPolicy.Rule rule = policy.rule(kind);
            return Map.<String, Object>of("kind", kind.code(), "days", rule.days(), "action", rule.action().code(),
                    "forever", rule.keepsForever());
        }).toList();
        Map<String, Object> last = new LinkedHashMap<>();
        sweep.lastRun().ifPresent(run -> {
            last.put("at", formats.time(run.at()));
            last.put("trigger", run.trigger());
            last.put("login", run.login());
            last.put("counts", run.counts());
            last.put("failed", run.counts().isEmpty());
        });
        return Reply.view("admin-retention.ftlh", status).with("enabled", policy.enabled())
                .with("hour", policy.hour()).with("batchSize", policy.batchSize()).with("rules", rules)
                .with("last", last).with("refused", "");
    }
}
