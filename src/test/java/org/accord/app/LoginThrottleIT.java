package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing, over HTTP against two nodes on one PostgreSQL: failures counted on one node count on the other, for
 * the form and for Basic; once an account's failures are used up even its right password gets 429 with Retry-After;
 * the client address has its own limit across accounts; every failure and refusal is in the audit trail.
 */
class LoginThrottleIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void failed_logins_are_limited_per_account_and_per_address_across_nodes() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> settings = new HashMap<>();
            settings.put("db.url", postgres.getJdbcUrl("postgres", "postgres"));
            settings.put("db.user", "postgres");
            settings.put("db.password", "postgres");
            settings.put("login.maxFailures", "4");
            settings.put("login.maxFailuresPerAddress", "9");
            settings.put("login.window", "PT1H");
            settings.put("scheduler.enabled", "false");
            try (Running a = Running.start(data.resolve("a"), settings); Running b = Running.start(data.resolve("b"), settings)) {
                // four wrong Basic passwords for the archivist, alternately on each node
                long slowest = 0;
                for (int i = 0; i < 4; i++) {
                    Running node = i % 2 == 0 ? a : b;
                    long t0 = System.nanoTime();
                    Http.Response wrong = node.anonymous.as("archivist", "guess-" + i).get("/api/agreements");
                    slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
                    assertEquals(401, wrong.status(), "attempt " + i + ": " + wrong);
                }
                assertTrue(slowest >= 250, "the later failures are answered more slowly: " + slowest + " ms");
                // the fifth, on either node, is refused before the password is looked at, even the right one
                for (Running node : List.of(a, b)) {
                    Http.Response refused = node.anonymous.as("archivist", Running.PASSWORD).get("/api/agreements");
                    assertEquals(429, refused.status(), refused.toString());
                    assertEquals("application/problem+json", refused.header("Content-Type"));
                    assertTrue(refused.json().path("type").asText().endsWith("/too-many-logins"), refused.toString());
                    long retry = Long.parseLong(refused.header("Retry-After"));
                    assertTrue(retry > 0 && retry <= 3600, "Retry-After " + retry);
                }
                // the form says so too, in the reader's language, with Retry-After
                HttpResponse<String> form = formLogin(b, "archivist", Running.PASSWORD, "ru");
                assertEquals(429, form.statusCode(), form.body());
                assertTrue(form.headers().firstValue("Retry-After").isPresent());
                assertTrue(form.body().contains("Слишком много неудачных попыток входа"), form.body());
                // another account from the same address still logs in
                assertEquals(200, a.secretariat.get("/api/agreements").status());

                // the address: wrong passwords for accounts that do not exist use up its own limit
                int failures = 4; // the archivist's four count for the address as well
                for (int i = 0; failures < 9; i++, failures++) {
                    HttpResponse<String> wrong = formLogin(i % 2 == 0 ? a : b, "nobody-" + i, "guess", "en");
                    assertEquals(401, wrong.statusCode(), "failure " + failures);
                }
                HttpResponse<String> fromHere = formLogin(a, "secretariat-typo", "guess", "en");
                assertEquals(429, fromHere.statusCode(), "the address is used up: " + fromHere.body());
                assertTrue(fromHere.body().contains("Too many failed logins"), fromHere.body());

                // the audit trail holds each failure and the refusals
                List<String> actions = auditActions(postgres);
                long failed = actions.stream().filter("login.failed"::equals).count();
                long throttled = actions.stream().filter("login.throttled"::equals).count();
                assertEquals(9, failed, "every failure once, from either node");
                assertTrue(throttled >= 2, "the refusals: " + throttled);
            }
        }
    }

    /** The audit events' actions, in order, read over SQL (the archivist's own login is refused from this address now). */
    private static List<String> auditActions(EmbeddedPostgres postgres) throws Exception {
        List<String> all = new java.util.ArrayList<>();
        try (java.sql.Connection conn = postgres.getPostgresDatabase().getConnection();
             java.sql.Statement s = conn.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT action FROM audit_events ORDER BY seq")) {
            while (r.next()) {
                all.add(r.getString(1));
            }
        }
        return all;
    }

    private static HttpResponse<String> formLogin(Running node, String user, String password, String lang) throws Exception {
        String base = node.service.url();
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/login?lang=" + lang)).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).toList());
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(csrf.find(), page.body());
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1) + "&username=" + user + "&password=" + password))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
