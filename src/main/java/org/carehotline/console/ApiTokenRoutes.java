package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carehotline.api.ApiToken;
import org.carehotline.api.ApiTokens;
import org.carehotline.api.Scope;
import org.carehotline.console.auth.Access;
import org.carehotline.counselors.Role;

/**
 * The integration API's tokens (administrators only): the list with name, scopes, created and
 * last used; a form to create one, whose secret the answer shows this once (the store keeps only
 * its hash); revoking one, which refuses it from the next request on. Audited.
 */
final class ApiTokenRoutes {

    private static final String PAGE = "/admin/api-tokens";
    private static final int NAME_MAX = 60;
    private static final List<String> SCOPES = Arrays.stream(Scope.values()).map(Scope::code).toList();

    private final Pages pages;
    private final ApiTokens tokens;
    private final Formats formats;
    private final Audit audit;

    ApiTokenRoutes(Pages pages, ApiTokens tokens, Formats formats, Audit audit) {
        this.pages = pages;
        this.tokens = tokens;
        this.formats = formats;
        this.audit = audit;
    }

    void mount(Router router, Access access) {
        router.get(PAGE).handler(access.require(Role.ADMINISTRATOR)).handler(ctx -> pages.handle(ctx, this::list));
        router.post(PAGE).handler(access.require(Role.ADMINISTRATOR)).handler(ctx -> pages.handle(ctx, this::create));
        router.post(PAGE + "/:id/revoke").handler(access.require(Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, this::revoke));
    }

    private Reply list(Request request) {
        return page(Map.of(), Map.of(), 200);
    }

    private Reply create(Request request) {
        Form form = new Form(request);
        String name = form.required("name", NAME_MAX);
        if (!name.isEmpty() && tokens.all().stream().anyMatch(t -> !t.revoked() && t.name().equals(name))) {
            form.error("name", "apiTokens.nameTaken");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String code : request.all("scopes")) {
            Scope.ofCode(code).ifPresentOrElse(scopes::add, () -> form.error("scopes", "error.invalid"));
        }
        if (scopes.isEmpty()) {
            form.error("scopes", "error.required");
        }
        if (!form.ok()) {
            return page(form.errors(), form.values(), 422);
        }
        ApiTokens.Issued issued = tokens.create(name, scopes, request.signedIn().login());
        audit.record(request, "apitoken.create", name, scopes.stream().map(Scope::code).sorted().toList().toString());
        // shown in this answer only: the page is not cached (Pages sends no-store) and nothing keeps the secret
        return page(Map.of(), Map.of(), 201).with("issued", Map.of("name", name, "secret", issued.secret()));
    }

    private Reply revoke(Request request) {
        String id = request.path("id");
        ApiToken token = tokens.all().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new Reply.NotFound(id));
        if (tokens.revoke(id)) {
            audit.record(request, "apitoken.revoke", token.name(), "");
        }
        return new Reply.Redirect(PAGE).flash("apiTokens.revoked");
    }

    private Reply.View page(Map<String, String> errors, Map<String, String> values, int status) {
        List<Map<String, Object>> rows = tokens.all().stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", t.id());
            row.put("name", t.name());
            row.put("scopes", t.scopes().stream().map(Scope::code).sorted().toList());
            row.put("created", formats.time(t.createdAt()));
            row.put("createdBy", t.createdBy());
            row.put("lastUsed", t.lastUsedAt().map(formats::time).orElse(""));
            row.put("revoked", t.revokedAt().map(formats::time).orElse(""));
            return row;
        }).toList();
        return Reply.view("admin-api-tokens.ftlh", status).with("tokens", rows).with("scopes", SCOPES)
                .with("errors", errors).with("values", values).with("formName", values.isEmpty() ? "" : "token");
    }
}
