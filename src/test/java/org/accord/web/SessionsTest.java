package org.accord.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.Context;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.accord.store.User;
import org.junit.jupiter.api.Test;

/** Sessions: bounded, with the logged-in kept when anonymous visitors flood in; CSRF tokens compared exactly. */
class SessionsTest {

    /** A request carrying {@code cookies}; cookies the code sets are recorded in {@code set}. */
    private static Context request(Map<String, String> cookies, Map<String, String> set) {
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
                default -> throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    @Test
    void a_flood_of_anonymous_sessions_does_not_log_anyone_out() {
        Sessions sessions = new Sessions(false, Clock.systemUTC(), 10);
        Map<String, String> set = new HashMap<>();
        Sessions.Session staff = sessions.start(request(Map.of(), set));
        staff.user = new User("secretariat", User.Role.SECRETARIAT);
        String staffCookie = set.get(Sessions.COOKIE);
        for (int i = 0; i < 50; i++) {
            sessions.start(request(Map.of(), new HashMap<>()));
        }
        assertTrue(sessions.size() <= 10, "bounded: " + sessions.size());
        Sessions.Session found = sessions.find(request(Map.of(Sessions.COOKIE, staffCookie), new HashMap<>()));
        assertNotNull(found);
        assertEquals("secretariat", found.user.username());
    }

    @Test
    void the_csrf_token_must_match_exactly() {
        Sessions.Session s = new Sessions(false, Clock.systemUTC()).start(request(Map.of(), new HashMap<>()));
        assertTrue(s.csrfMatches(s.csrf));
        assertFalse(s.csrfMatches(s.csrf + "x"));
        assertFalse(s.csrfMatches(null));
        assertFalse(s.csrfMatches(""));
    }
}
