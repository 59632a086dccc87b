package org.accord.web;

import io.javalin.http.Context;
import io.javalin.security.BasicAuthCredentials;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accord.store.User;
import org.accord.store.Users;

/**
 * Authentication of secretariat and archivist calls by HTTP Basic. Argon2id takes tens of milliseconds by
 * design, so a verified credential is remembered for a minute under a keyed hash (never the password itself).
 */
final class Auth {

    static final String USER = "accord.user";
    private static final Duration REMEMBER = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 1000;

    private final Users users;
    private final Sessions sessions;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final com.github.benmanes.caffeine.cache.Cache<String, Remembered> remembered = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(REMEMBER).build();
    private final LoginThrottle throttle;

    private record Remembered(User user, Instant until) {
    }

    Auth(Users users, Sessions sessions, Clock clock, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
        this.sessions = sessions;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /**
     * Before a matched route: routes with roles need a user holding one of them, from the browser session or HTTP
     * Basic. A page without one sends the browser to the login page; an API call gets 401. A state-changing API
     * call made with the session must carry the session's CSRF token in {@code X-CSRF-Token}.
     */
    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        Sessions.Session session = sessions.find(ctx);
        Optional<User> fromSession = session == null ? Optional.empty() : Optional.ofNullable(session.user);
        // a request that carries the session cookie always needs the session's token, whatever else it carries:
        // another site can make a browser send the cookie (and an Authorization header of its choosing) but not read the token
        if (fromSession.isPresent() && ctx.path().startsWith("/api/") && !ctx.method().name().equals("GET")
                && !session.csrfMatches(ctx.header("X-CSRF-Token"))) {
            throw new Problem(403, "csrf", "CSRF token missing or wrong", "send the page's CSRF token in X-CSRF-Token");
        }
        Optional<User> found = fromSession.isPresent() ? fromSession : user(ctx);
        if (found.isEmpty() && !ctx.path().startsWith("/api/") && !ctx.path().equals("/metrics")) {
            ctx.redirect("/login?next=" + java.net.URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        User user = found.orElseThrow(() -> Problems.fromStatus(401, null));
        if (!roles.contains(Role.of(user.role()))) {
            throw new Problem(403, "forbidden", "Forbidden", "the " + user.role().name().toLowerCase()
                    + " may not do this");
        }
        ctx.attribute(USER, user);
    }

    /** The user who made the request. */
    static User current(Context ctx) {
        return ctx.attribute(USER);
    }

    /**
     * The user these credentials name (same cost whether the user exists or not), from {@code address}. Refused with
     * {@link LoginThrottle.Throttled} before any hashing once the account or the address has used up its failures.
     */
    Optional<User> login(String username, String password, String address) {
        throttle.check(username, address);
        Optional<User> user = Optional.empty();
        if (username != null && password != null && username.length() <= 64 && password.length() <= 256) {
            char[] secret = password.toCharArray();
            try {
                user = users.authenticate(username, secret);
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
        }
        if (user.isEmpty()) {
            throttle.failed(username, address);
        }
        return user;
    }

    private Optional<User> user(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        BasicAuthCredentials credentials;
        try {
            credentials = ctx.basicAuthCredentials();
        } catch (RuntimeException e) {
            throw Problem.badRequest("the Authorization header is not valid Basic credentials");
        }
        if (credentials == null) {
            return Optional.empty();
        }
        String id = keyed(credentials.getUsername() + '\0' + credentials.getPassword());
        Instant now = clock.instant();
        Remembered r = remembered.getIfPresent(id);
        if (r != null && r.until().isAfter(now)) {
            return Optional.of(r.user());
        }
        Optional<User> user;
        try {
            user = login(credentials.getUsername(), credentials.getPassword(), ClientAddress.of(ctx));
        } catch (LoginThrottle.Throttled t) {
            ctx.header("Retry-After", String.valueOf(t.retryAfterSeconds()));
            throw new Problem(429, "too-many-logins", "Too many failed logins", "too many failed logins for this account or from "
                    + "this address; try again in " + t.retryAfterSeconds() + " s", Map.of("retryAfter", t.retryAfterSeconds()), null);
        }
        user.ifPresent(u -> remembered.put(id, new Remembered(u, now.plus(REMEMBER))));
        return user;
    }

    private String keyed(String secret) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
