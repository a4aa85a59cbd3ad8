package org.carehotline.reports;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.carehotline.registry.ImportJobs;

/**
 * The registry import: a form to upload the union's CSV, a progress bar while a background job
 * merges it, then the result with every rejected row and its reason.
 */
final class ImportPage {

    /** Largest file accepted: about 500,000 rows of six short columns. */
    private static final long MAX_BYTES = 50L * 1024 * 1024;

    private final ImportJobs jobs;
    private final ReportTexts texts;
    private final BiFunction<Map<String, Object>, String, Future<Buffer>> render;

    ImportPage(ImportJobs jobs, ReportTexts texts, BiFunction<Map<String, Object>, String, Future<Buffer>> render) {
        this.jobs = jobs;
        this.texts = texts;
        this.render = render;
    }

    private FormGuards guards = FormGuards.NONE;

    void mount(Router router, FormGuards formGuards) {
        this.guards = formGuards;
        router.get("/registry/import").handler(this::page);
        router.get("/registry/import/progress").handler(this::progress);
        // uploads go to the system temp folder (not ./file-uploads) and are deleted after the request
        router.post("/registry/import").handler(BodyHandler.create().setBodyLimit(MAX_BYTES)
                .setUploadsDirectory(System.getProperty("java.io.tmpdir") + "/hotline-uploads")
                .setDeleteUploadedFilesOnEnd(true)).handler(formGuards.afterBody()).handler(this::upload);
    }

    private void page(RoutingContext ctx) {
        String lang = guards.language(ctx);
        Map<String, Object> model = new HashMap<>(guards.frame().apply(ctx));
        model.put("t", texts.forLanguage(lang));
        model.put("lang", lang);
        model.put("csrf", guards.formToken().apply(ctx));
        model.put("problem", Optional.ofNullable(ctx.request().getParam("problem")).orElse(""));
        jobs.progress(ctx.request().getParam("job")).ifPresent(p -> {
            model.put("job", Map.of("id", p.id(), "fileName", p.fileName(), "total", String.valueOf(p.totalRows()),
                    "done", String.valueOf(p.doneRows()), "finished", p.finished(), "error", p.error()));
            p.result().ifPresent(r -> {
                model.put("result", Map.of("rows", String.valueOf(r.rows()), "added", String.valueOf(r.added()),
                        "merged", String.valueOf(r.merged()), "unchanged", String.valueOf(r.unchanged()),
                        "rejectedCount", String.valueOf(r.rejectedRows()), "fileProblem", r.fileProblem()));
                model.put("rejected", r.rejected().stream().map(x -> Map.of("line", String.valueOf(x.line()),
                        "reason", x.reason(), "detail", x.detail())).toList());
            });
        });
        render.apply(model, "registry-import.ftlh")
                .onComplete(result -> ReportRoutes.send(ctx, result, "text/html; charset=utf-8", "Import page"));
    }

    private void progress(RoutingContext ctx) {
        Optional<ImportJobs.Progress> progress = jobs.progress(ctx.request().getParam("job"));
        JsonObject body = progress.map(p -> new JsonObject().put("total", p.totalRows()).put("done", p.doneRows())
                .put("finished", p.finished())).orElse(new JsonObject().put("unknown", true));
        ctx.response().setStatusCode(progress.isPresent() ? 200 : 404)
                .putHeader("content-type", "application/json; charset=utf-8").end(body.encode());
    }

    private void upload(RoutingContext ctx) {
        String lang = ReportTexts.pick(ctx.request().getParam("lang"));
        List<FileUpload> uploads = ctx.fileUploads();
        if (uploads.isEmpty() || uploads.get(0).size() == 0) {
            ctx.redirect("/registry/import?lang=" + lang + "&problem=file.missing");
            return;
        }
        FileUpload upload = uploads.get(0);
        ctx.vertx().fileSystem().readFile(upload.uploadedFileName()).onComplete(read -> {
            if (read.failed()) {
                ReportRoutes.send(ctx, Future.failedFuture(read.cause()), "", "Import upload");
                return;
            }
            String id = jobs.start(upload.fileName(), read.result().getBytes());
            // 303: the browser follows with a GET, so a reload does not post the file again
            ctx.response().setStatusCode(303).putHeader("location", "/registry/import?lang=" + lang + "&job="
                    + URLEncoder.encode(id, StandardCharsets.UTF_8)).end();
        });
    }
}
