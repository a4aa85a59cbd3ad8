package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carehotline.cases.Category;
import org.carehotline.console.auth.Access;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.CounselorRepository;
import org.carehotline.counselors.Credentials;
import org.carehotline.counselors.PasswordHasher;
import org.carehotline.counselors.Role;

/**
 * Administration of accounts (administrators only): roles, phone endpoint, dialects, a skill
 * level per category, active flag, password. After every change routing gets the new roster,
 * so a new skill or endpoint counts from the next call.
 */
final class AdminRoutes {

    private static final List<String> ROLES = Arrays.stream(Role.values()).map(Enum::name).toList();
    private static final List<String> CATEGORIES = Arrays.stream(Category.values()).map(Enum::name).toList();

    private final Pages pages;
    private final CounselorRepository counselors;
    private final Credentials credentials;
    private final PasswordHasher hasher;
    private final org.carehotline.routing.Router routing;
    private final Audit audit;
    private final AccountLocks locks;

    AdminRoutes(Pages pages, CounselorRepository counselors, Credentials credentials, PasswordHasher hasher,
                org.carehotline.routing.Router routing, Audit audit, AccountLocks locks) {
        this.pages = pages;
        this.counselors = counselors;
        this.credentials = credentials;
        this.hasher = hasher;
        this.routing = routing;
        this.audit = audit;
        this.locks = locks;
    }

    void mount(Router router, Access access) {
        router.get("/admin/counselors").handler(access.require(Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, this::list));
        router.get("/admin/counselors/:login").handler(access.require(Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, this::edit));
        router.post("/admin/counselors").handler(access.require(Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, this::save));
        locks.mount(router, access);
    }

    private Reply list(Request request) {
        return Reply.view("admin-counselors.ftlh").with("accounts", counselors.findAll().stream().map(a -> Map.of(
                "login", a.login(), "displayName", a.displayName(), "endpoint", a.endpoint(),
                "roles", a.roles().stream().map(Enum::name).sorted().toList(), "dialects", String.join(", ", a.dialects()),
                "skills", a.skills().entrySet().stream().map(e -> Map.of("category", e.getKey().name(),
                        "level", e.getValue())).toList(), "active", a.active(),
                "lockedUntil", locks.lockedUntil(a.login()))).toList());
    }

    private Reply edit(Request request) {
        String login = request.path("login");
        Optional<Counselor> existing = "new".equals(login) ? Optional.empty() : counselors.findByLogin(login);
        if (!"new".equals(login) && existing.isEmpty()) {
            throw new Reply.NotFound(login);
        }
        return form(existing.orElse(null), Map.of(), Map.of(), 200);
    }

    private Reply.View form(Counselor account, Map<String, String> errors, Map<String, String> values, int status) {
        Map<String, String> levels = new java.util.HashMap<>();
        for (Category c : Category.values()) {
            levels.put(c.name(), String.valueOf(account == null ? 0 : account.skillLevel(c)));
        }
        return Reply.view("admin-counselor.ftlh", status).with("account", account).with("errors", errors)
                .with("levels", levels).with("accountRoles", account == null ? List.of()
                        : account.roles().stream().map(Enum::name).toList())
                .with("values", values).with("formName", values.isEmpty() ? "" : "account").with("roles", ROLES)
                .with("categories", CATEGORIES);
    }

    private Reply save(Request request) {
        Form form = new Form(request);
        String login = form.required("login", 40).toLowerCase(Locale.ROOT);
        if (!login.isEmpty() && !login.matches("[a-z0-9._-]{2,40}")) {
            form.error("login", "error.login");
        }
        Optional<Counselor> existing = login.isEmpty() ? Optional.empty() : counselors.findByLogin(login);
        boolean isNew = !"true".equals(request.param("existing"));
        if (isNew && existing.isPresent()) {
            form.error("login", "error.loginTaken");
        }
        String displayName = form.required("displayName", 50);
        String endpoint = form.optional("endpoint", 60);
        if (!endpoint.isEmpty() && !endpoint.matches("(PJSIP|SIP|IAX2)/[A-Za-z0-9._-]+")) {
            form.error("endpoint", "error.endpoint");
        }
        List<String> dialects = Arrays.stream(form.optional("dialects", 200).split("[,，\\s]+"))
                .map(String::strip).filter(d -> !d.isEmpty()).toList();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : request.all("roles")) {
            if (ROLES.contains(r)) {
                roles.add(Role.valueOf(r));
            } else {
                form.error("roles", "error.invalid");
            }
        }
        if (roles.isEmpty()) {
            form.error("roles", "error.required");
        }
        Map<Category, Integer> skills = new EnumMap<>(Category.class);
        for (String c : CATEGORIES) {
            String level = form.optional("skill." + c, 1);
            if (level.isEmpty() || level.equals("0")) {
                continue;
            }
            if (!level.matches("[1-5]")) {
                form.error("skill." + c, "error.skillLevel");
            } else {
                skills.put(Category.valueOf(c), Integer.parseInt(level));
            }
        }
        String password = request.all("password").isEmpty() ? "" : request.all("password").get(0);
        if ((isNew || !password.isEmpty()) && password.length() < 8) {
            form.error("password", "error.password");
        }
        if (!form.ok()) {
            return form(existing.filter(e -> !isNew).orElse(null), form.errors(), form.values(), 422);
        }
        String hash = password.isEmpty()
                ? credentials.find(login).map(Credentials.Stored::passwordHash).orElseThrow()
                : hasher.hash(password);
        counselors.save(new Counselor(null, login, displayName, Set.copyOf(roles), endpoint, Map.copyOf(skills),
                new ArrayList<>(dialects), form.checked("active")), hash);
        routing.setCounselors(counselors.findAll());
        audit.record(request, isNew ? "account.create" : "account.update", login,
                roles + " " + endpoint + (password.isEmpty() ? "" : " password changed"));
        return new Reply.Redirect("/admin/counselors");
    }
}
