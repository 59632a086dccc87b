package org.accord.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.Context;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accord.store.BrowserSessions;
import org.accord.store.Database;
import org.accord.store.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions in the database: any instance (node) finds them, login starts a new one, idle ones end, CSRF exact. */
class SessionsTest {

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(Database.h2Url(dir), "sa", "", 4);
        new org.accord.store.Users(db).addIfAbsent("secretariat", User.Role.SECRETARIAT, "pw".toCharArray(), "test");
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A request carrying {@code cookies}; cookies the code sets are recorded in {@code set}. */
    private static Context request(Map<String, String> cookies, Map<String, String> set) {
        Map<String, Object> attributes = new HashMap<>();
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "cookie" -> {
                    if (args.length == 1 && args[0] instanceof String name) {
                        return cookies.get(name);
                    }
                    if (args[0] instanceof io.javalin.http.Cookie c) {
                        set.put(c.getName(), c.getValue());
                    }
                    return proxy;
                }
                case "attribute" -> {
                    if (args.length == 1) {
                        return attributes.get((String) args[0]);
                    }
                    attributes.put((String) args[0], args[1]);
                    return null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    @Test
    void a_login_on_one_node_is_known_to_another_and_survives_a_restart() {
        Map<String, String> set = new HashMap<>();
        Sessions.Session visitor = new Sessions(new BrowserSessions(db), false, Clock.systemUTC()).get(request(Map.of(), set));
        String visitorCookie = set.get(Sessions.COOKIE);
        Sessions.Session staff = new Sessions(new BrowserSessions(db), false, Clock.systemUTC())
                .start(request(Map.of(Sessions.COOKIE, visitorCookie), set), new User("secretariat", User.Role.SECRETARIAT));
        String staffCookie = set.get(Sessions.COOKIE);
        assertNotEquals(visitorCookie, staffCookie, "logging in starts a new session (no fixation)");
        assertNotEquals(visitor.csrf, staff.csrf);
        Sessions otherNode = new Sessions(new BrowserSessions(db), false, Clock.systemUTC());
        assertNull(otherNode.find(request(Map.of(Sessions.COOKIE, visitorCookie), new HashMap<>())), "the visitor's session ended");
        Sessions.Session found = otherNode.find(request(Map.of(Sessions.COOKIE, staffCookie), new HashMap<>()));
        assertNotNull(found);
        assertEquals("secretariat", found.user.username());
        assertTrue(found.csrfMatches(staff.csrf), "the same CSRF token on every node");
        found.flash("issued:a", List.of(Map.of("number", 1, "id", "x")));
        Sessions.Session again = new Sessions(new BrowserSessions(db), false, Clock.systemUTC())
                .find(request(Map.of(Sessions.COOKIE, staffCookie), new HashMap<>()));
        assertEquals(List.of(Map.of("number", 1, "id", "x")), again.take("issued:a"));
        assertNull(again.take("issued:a"), "a reload shows nothing again");
    }

    @Test
    void an_idle_session_ends_and_a_forged_cookie_finds_nothing() {
        Map<String, String> set = new HashMap<>();
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        new Sessions(new BrowserSessions(db), false, Clock.fixed(start, ZoneOffset.UTC))
                .start(request(Map.of(), set), new User("secretariat", User.Role.SECRETARIAT));
        String cookie = set.get(Sessions.COOKIE);
        Sessions later = new Sessions(new BrowserSessions(db), false,
                Clock.fixed(start.plus(Sessions.IDLE).plus(Duration.ofMinutes(1)), ZoneOffset.UTC));
        assertNull(later.find(request(Map.of(Sessions.COOKIE, cookie), new HashMap<>())));
        assertNull(later.find(request(Map.of(Sessions.COOKIE, "x".repeat(43)), new HashMap<>())));
        assertNull(later.find(request(Map.of(Sessions.COOKIE, "'; DROP TABLE users; --"), new HashMap<>())));
    }

    @Test
    void the_csrf_token_must_match_exactly() {
        Sessions.Session s = new Sessions(new BrowserSessions(db), false, Clock.systemUTC()).start(request(Map.of(), new HashMap<>()), null);
        assertTrue(s.csrfMatches(s.csrf));
        assertFalse(s.csrfMatches(s.csrf + "x"));
        assertFalse(s.csrfMatches(null));
        assertFalse(s.csrfMatches(""));
    }
}
