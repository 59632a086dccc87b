package org.accord.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.store.User;

/** The home page, logging in and out, and the check of every form's CSRF token. */
final class PublicPages {

    private final Pages pages;
    private final Sessions sessions;
    private final Auth auth;

    PublicPages(Pages pages, Sessions sessions, Auth auth) {
        this.pages = pages;
        this.sessions = sessions;
        this.auth = auth;
    }

    List<Route> routes() {
        return List.of(
                Route.open(HandlerType.GET, "/", ctx -> pages.render(ctx, "home.ftlh", Map.of())),
                Route.open(HandlerType.GET, "/login", ctx -> login(ctx, null)),
                Route.open(HandlerType.POST, "/login", this::logIn),
                Route.open(HandlerType.POST, "/logout", ctx -> {
                    sessions.start(ctx, null);
                    ctx.redirect("/", HttpStatus.SEE_OTHER);
                }));
    }

    private void login(Context ctx, String error) {
        pages.render(ctx, "login.ftlh", error == null ? Map.of("next", next(ctx)) : Map.of("next", next(ctx), "error", error));
    }

    private void logIn(Context ctx) {
        Optional<User> user;
        try {
            user = auth.login(ctx.formParam("username"), ctx.formParam("password"), ClientAddress.of(ctx));
        } catch (LoginThrottle.Throttled t) {
            ctx.status(429).header("Retry-After", String.valueOf(t.retryAfterSeconds()));
            long minutes = Math.max(1, (t.retryAfterSeconds() + 59) / 60);
            login(ctx, pages.text(Pages.lang(ctx)).get("login.throttled").replace("{0}", String.valueOf(minutes)));
            return;
        }
        if (user.isEmpty()) {
            ctx.status(401);
            login(ctx, pages.text(Pages.lang(ctx)).get("login.wrong"));
            return;
        }
        sessions.start(ctx, user.get());
        String next = next(ctx);
        ctx.redirect(!next.isEmpty() ? next : user.get().role() == User.Role.SECRETARIAT ? "/dashboard" : "/verify",
                HttpStatus.SEE_OTHER);
    }

    /** Where to go after logging in: a path on this site only (never another host). */
    private static String next(Context ctx) {
        String next = ctx.formParam("next") != null ? ctx.formParam("next") : ctx.queryParam("next");
        // a path of this site only: "/" then segments; "//host" or "/\\host" would leave it
        return next != null && next.matches("/([A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*/?)?") ? next : "";
    }

    /** Before every page POST: the form must carry its session's CSRF token. */
    static void checkCsrf(Context ctx, Sessions sessions) {
        if (!ctx.method().name().equals("POST") || !Problems.page(ctx)) {
            return;
        }
        Sessions.Session session = sessions.find(ctx);
        String token;
        try {
            token = ctx.formParam("csrf");
        } catch (RuntimeException e) {
            token = null;
        }
        if (session == null || !session.csrfMatches(token)) {
            throw new Problem(403, "csrf", "Form expired or forged", "the form's CSRF token is missing or wrong; reload the page");
        }
    }
}
