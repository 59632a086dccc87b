package org.accord.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.accord.store.BrowserSessions;
import org.accord.store.User;

/**
 * Browser sessions, kept in the database so that any node serves any request and a restart logs nobody out: a random
 * id in an HttpOnly, SameSite=Lax cookie (Secure behind TLS), a CSRF token per session, and the logged-in user if any.
 * Logging in starts a new session (no fixation). Idle sessions end after {@link #IDLE}.
 */
final class Sessions {

    static final String COOKIE = "accord_session";
    static final Duration IDLE = BrowserSessions.IDLE;
    /** A session's last use is written at most this often. */
    static final Duration TOUCH = Duration.ofMinutes(1);
    static final int MAX_FLASH = 16;
    static final int KEPT_REPORTS = 5;
    private static final String ATTRIBUTE = "accord.session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BrowserSessions store;
    private final boolean secure;
    private final Clock clock;

    /** One browser's session: its CSRF token and, once logged in, its user. */
    static final class Session {
        final String csrf;
        final User user;
        private final String id;
        private final BrowserSessions store;

        private Session(String id, String csrf, User user, BrowserSessions store) {
            this.id = id;
            this.csrf = csrf;
            this.user = user;
            this.store = store;
        }

        /** Keeps a verification for its downloads (the last few per session). */
        void remember(String reportId, BrowserSessions.Kept kept, Instant now) {
            store.keep(id, reportId, kept, now, KEPT_REPORTS);
        }

        /** A verification this session kept, if it still does. */
        Optional<BrowserSessions.Kept> recalled(String reportId) {
            return store.kept(id, reportId);
        }

        /** Keeps {@code value} (strings, numbers, booleans, lists and maps of them) for the next page that asks for {@code key}. */
        void flash(String key, Object value) {
            try {
                store.flash(id, key, Json.MAPPER.writeValueAsString(value), MAX_FLASH);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a page kept what cannot be written as JSON under " + key, e);
            }
        }

        /** What was kept under {@code key}, once; null when nothing (a reload shows nothing again). */
        Object take(String key) {
            return store.take(id, key).map(json -> {
                try {
                    return Json.MAPPER.readValue(json, Object.class);
                } catch (JsonProcessingException e) {
                    return null;
                }
            }).orElse(null);
        }

        /** Whether {@code token} is this session's CSRF token (constant time). */
        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.US_ASCII),
                    token.getBytes(StandardCharsets.US_ASCII));
        }
    }

    Sessions(BrowserSessions store, boolean secure, Clock clock) {
        this.store = store;
        this.secure = secure;
        this.clock = clock;
    }

    /** The request's session, if its cookie names a live one (looked up once per request). */
    Session find(Context ctx) {
        Session known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String id = ctx.cookie(COOKIE);
        if (id == null || id.length() != 43 || !id.matches("[A-Za-z0-9_-]+")) {
            return null;
        }
        Optional<BrowserSessions.Stored> stored = store.find(id);
        Instant now = clock.instant();
        if (stored.isEmpty()) {
            return null;
        }
        if (stored.get().seenAt().plus(IDLE).isBefore(now)) {
            store.delete(id);
            return null;
        }
        if (stored.get().seenAt().plus(TOUCH).isBefore(now)) {
            store.touch(id, now);
        }
        Session s = new Session(id, stored.get().csrf(), stored.get().user(), store);
        ctx.attribute(ATTRIBUTE, s);
        return s;
    }

    /** The request's session, started (with its cookie) if it has none. */
    Session get(Context ctx) {
        Session s = find(ctx);
        return s != null ? s : start(ctx, null);
    }

    /** A new session replacing the request's (on login with its user, on logout with none). */
    Session start(Context ctx, User user) {
        String old = ctx.cookie(COOKIE);
        if (old != null && old.length() == 43) {
            store.delete(old);
        }
        String id = random();
        Session s = new Session(id, random(), user, store);
        store.create(id, s.csrf, user, clock.instant());
        Cookie cookie = new Cookie(COOKIE, id, "/", -1, secure);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        ctx.cookie(cookie);
        ctx.attribute(ATTRIBUTE, s);
        return s;
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
