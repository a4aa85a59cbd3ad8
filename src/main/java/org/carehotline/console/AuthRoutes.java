package org.carehotline.console;

import io.vertx.ext.web.Router;
import org.carehotline.console.auth.Access;
import org.carehotline.console.auth.SignIn;
import org.carehotline.console.auth.Sessions;
import org.carehotline.console.auth.User;

/** Sign-in and sign-out. Every attempt, good or bad, is audited. */
final class AuthRoutes {

    private final Pages pages;
    private final SignIn signIn;
    private final Audit audit;
    private final org.carehotline.routing.Router routing;

    private final ConsoleSignIns signIns;

    AuthRoutes(Pages pages, SignIn signIn, Audit audit, org.carehotline.routing.Router routing,
               ConsoleSignIns signIns) {
        this.signIns = signIns;
        this.pages = pages;
        this.signIn = signIn;
        this.audit = audit;
        this.routing = routing;
    }

    void mount(Router router, Access access) {
        router.get("/login").handler(ctx -> pages.handle(ctx, this::form));
        router.post("/login").handler(ctx -> pages.handle(ctx, this::attempt));
        router.post("/logout").handler(access.require()).handler(ctx -> pages.handle(ctx, this::signOut));
    }

    private Reply form(Request request) {
        if (request.user().isPresent()) {
            return new Reply.Redirect("/");
        }
        return Reply.view("login.ftlh").with("login", "").with("next", safeNext(request.param("next")));
    }

    private Reply attempt(Request request) {
        String login = request.param("login");
        String password = request.all("password").isEmpty() ? "" : request.all("password").get(0);
        String next = safeNext(request.param("next"));
        if (login.isEmpty() || password.isEmpty() || login.length() > 100 || password.length() > 200) {
            return Reply.view("login.ftlh", 400).with("login", login).with("next", next).with("error", "login.missing");
        }
        SignIn.Result result = signIn.attempt(login, password);
        if (result instanceof SignIn.Result.Accepted accepted) {
            User user = accepted.user();
            audit.record(new Request(java.util.Optional.of(user), request.remote(), request.lang(), request.pathParams(),
                    java.util.Map.of()), "signin", login, "");
            signIns.signedIn(user.id());
            return new Reply.Redirect(next, ctx -> Sessions.signIn(ctx, user));
        }
        boolean locked = result instanceof SignIn.Result.Locked;
        audit.recordAnonymous(request, login, locked ? "signin.locked" : "signin.failed");
        return Reply.view("login.ftlh", locked ? 423 : 401).with("login", login).with("next", next)
                .with("error", locked ? "login.locked" : "login.wrong");
    }

    private Reply signOut(Request request) {
        User user = request.signedIn();
        if (user.takesCalls()) {
            // leaving the console means not taking calls, even if the desk phone stays registered
            routing.signOut(user.id());
        }
        signIns.signedOut(user.id());
        audit.record(request, "signout", user.login(), "");
        return new Reply.Redirect("/login", Sessions::signOut);
    }

    /** Only a local path: never redirect to another site after sign-in. */
    private static String safeNext(String next) {
        return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
    }
}
