package org.accord.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.store.User;

/**
 * Browser sessions, held in memory: a random id in an HttpOnly, SameSite=Lax cookie (Secure behind TLS), a CSRF
 * token per session, and the logged-in user if any. Logging in starts a new session (no fixation); a restart
 * logs everyone out. Idle sessions end after {@link #IDLE}.
 */
final class Sessions {

    static final String COOKIE = "accord_session";
    static final Duration IDLE = Duration.ofHours(8);
    static final int MAX_SESSIONS = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final boolean secure;
    private final Clock clock;
    private final int maxSessions;

    /** One browser's session: its CSRF token and, once logged in, its user. */
    static final class Session {
        final String csrf = random();
        volatile User user;
        volatile Instant seen;

        Session(Instant now) {
            this.seen = now;
        }

        private final java.util.LinkedHashMap<String, org.accord.workflow.Archive.Checked> reports = new java.util.LinkedHashMap<>();

        /** Keeps a verification for its downloads (the last five per session). */
        synchronized void remember(String id, org.accord.workflow.Archive.Checked checked) {
            reports.put(id, checked);
            while (reports.size() > 5) {
                reports.remove(reports.keySet().iterator().next());
            }
        }

        /** A verification this session kept, or null. */
        synchronized org.accord.workflow.Archive.Checked recalled(String id) {
            return reports.get(id);
        }

        private final Map<String, Object> flash = new ConcurrentHashMap<>();

        /** Keeps {@code value} for the next page that asks for {@code key} (Post/Redirect/Get). */
        void flash(String key, Object value) {
            if (flash.size() < 16) {
                flash.put(key, value);
            }
        }

        /** What was kept under {@code key}, once; null when nothing (a reload shows nothing again). */
        Object take(String key) {
            return flash.remove(key);
        }

        /** Whether {@code token} is this session's CSRF token (constant time). */
        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.US_ASCII),
                    token.getBytes(StandardCharsets.US_ASCII));
        }
    }

    Sessions(boolean secure, Clock clock) {
        this(secure, clock, MAX_SESSIONS);
    }

    Sessions(boolean secure, Clock clock, int maxSessions) {
        this.secure = secure;
        this.clock = clock;
        this.maxSessions = maxSessions;
    }

    /** How many sessions are held. */
    int size() {
        return sessions.size();
    }

    /** The request's session, if its cookie names a live one. */
    Session find(Context ctx) {
        String id = ctx.cookie(COOKIE);
        Session s = id == null ? null : sessions.get(id);
        Instant now = clock.instant();
        if (s != null && s.seen.plus(IDLE).isBefore(now)) {
            sessions.remove(id);
            return null;
        }
        if (s != null) {
            s.seen = now;
        }
        return s;
    }

    /** The request's session, started (with its cookie) if it has none. */
    Session get(Context ctx) {
        Session s = find(ctx);
        return s != null ? s : start(ctx);
    }

    /** A new session replacing the request's (on login and logout). */
    Session start(Context ctx) {
        String old = ctx.cookie(COOKIE);
        if (old != null) {
            sessions.remove(old);
        }
        if (sessions.size() >= maxSessions) {
            Instant cutoff = clock.instant().minus(IDLE);
            sessions.values().removeIf(x -> x.seen.isBefore(cutoff));
            if (sessions.size() >= maxSessions) {
                // a flood of anonymous visitors must not push out the people who logged in
                sessions.values().removeIf(x -> x.user == null);
            }
        }
        String id = random();
        Session s = new Session(clock.instant());
        sessions.put(id, s);
        Cookie cookie = new Cookie(COOKIE, id, "/", -1, secure);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        ctx.cookie(cookie);
        return s;
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
