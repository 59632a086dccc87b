package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.accord.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages' security and language rules, over plain HTTP: CSRF, login redirects, session cookies, language. */
class PagesIT {

    @TempDir
    static Path data;
    private static Running s;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        s = Running.start(data, Map.of());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(s.service.url() + path));
    }

    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse("");
    }

    private static String csrf(String html) {
        int i = html.indexOf("name=\"csrf\" value=\"");
        return html.substring(i + 19, html.indexOf('"', i + 19));
    }

    private static HttpRequest.BodyPublisher form(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused() throws Exception {
        HttpResponse<String> page = send(at("/login"));
        String session = cookie(page, "accord_session").split(";")[0];
        HttpResponse<String> without = send(at("/login").header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form("username=secretariat&password=accord-demo")));
        assertEquals(403, without.statusCode());
        assertTrue(without.body().contains("The form has expired"), without.body());
        HttpResponse<String> wrong = send(at("/login").header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form("csrf=forged&username=secretariat&password=accord-demo")));
        assertEquals(403, wrong.statusCode());
        HttpResponse<String> right = send(at("/login").header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("csrf=" + csrf(page.body()) + "&username=secretariat&password=accord-demo")));
        assertEquals(303, right.statusCode());
        assertEquals("/dashboard", right.headers().firstValue("Location").orElseThrow());
        String loggedIn = cookie(right, "accord_session");
        assertTrue(loggedIn.contains("HttpOnly") && loggedIn.contains("SameSite=Lax"), loggedIn);
        assertTrue(!loggedIn.startsWith(session), "logging in starts a new session");
        // a session call to the API that changes something needs the token in a header as well
        String newSession = loggedIn.split(";")[0];
        HttpResponse<String> api = send(at("/api/agreements").header("Cookie", newSession).header("Content-Type", "application/yaml")
                .POST(form("id: x")));
        assertEquals(403, api.statusCode(), api.body());
        assertTrue(api.body().contains("/problems/csrf"), api.body());
        // an Authorization header of any kind beside the cookie does not stand in for the token
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("secretariat:accord-demo".getBytes(StandardCharsets.UTF_8));
        for (String authorization : java.util.List.of("Bearer junk", "Basic !!", basic)) {
            HttpResponse<String> with = send(at("/api/agreements").header("Cookie", newSession).header("Authorization", authorization)
                    .header("Content-Type", "application/yaml").POST(form("id: x")));
            assertEquals(403, with.statusCode(), authorization + ": " + with.body());
            assertTrue(with.body().contains("/problems/csrf"), with.body());
        }
    }

    @Test
    void after_logging_in_the_browser_goes_only_to_a_path_of_this_site() throws Exception {
        for (String next : java.util.List.of("//2130706433/", "//evil.example/", "/\\evil.example", "https://evil.example/",
                "/%2F%2Fevil.example", "/dashboard//evil", "javascript:alert(1)", "/..//evil")) {
            HttpResponse<String> page = send(at("/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8)));
            String session = cookie(page, "accord_session").split(";")[0];
            HttpResponse<String> in = send(at("/login").header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(form("csrf=" + csrf(page.body()) + "&username=secretariat&password=accord-demo&next="
                            + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8))));
            assertEquals(303, in.statusCode(), next);
            assertEquals("/dashboard", in.headers().firstValue("Location").orElseThrow(), next + " is not followed");
        }
        HttpResponse<String> page = send(at("/login?next=%2Foutbox"));
        String session = cookie(page, "accord_session").split(";")[0];
        HttpResponse<String> in = send(at("/login").header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("csrf=" + csrf(page.body()) + "&username=secretariat&password=accord-demo&next=%2Foutbox")));
        assertEquals("/outbox", in.headers().firstValue("Location").orElseThrow(), "a path of this site is");
    }

    @Test
    void pages_that_need_a_login_send_the_browser_to_it() throws Exception {
        HttpResponse<String> r = send(at("/dashboard"));
        assertEquals(303, r.statusCode());
        assertEquals("/login?next=%2Fdashboard", r.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> asArchivist = send(at("/dashboard").header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("archivist:accord-demo".getBytes(StandardCharsets.UTF_8))));
        assertEquals(403, asArchivist.statusCode());
        assertTrue(asArchivist.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    }

    @Test
    void the_language_is_asked_for_remembered_and_otherwise_the_browsers() throws Exception {
        HttpResponse<String> ru = send(at("/?lang=ru"));
        assertTrue(ru.body().contains("<html lang=\"ru\">"), "asked for");
        String remembered = cookie(ru, "accord_lang").split(";")[0];
        assertEquals("accord_lang=ru", remembered);
        assertTrue(send(at("/verify-nothing").header("Cookie", remembered)).body().contains("<html lang=\"ru\">"), "remembered");
        assertTrue(send(at("/").header("Accept-Language", "ru-RU,ru;q=0.9")).body().contains("<html lang=\"ru\">"), "the browser's");
        assertTrue(send(at("/")).body().contains("<html lang=\"en\">"), "English otherwise");
    }

    @Test
    void an_unknown_link_gets_a_page_in_the_readers_language_and_an_open_one_the_form() throws Exception {
        HttpResponse<String> unknown = send(at("/sign/" + "A".repeat(43)).header("Accept-Language", "ru"));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("Неизвестная ссылка для подписания"), unknown.body());
        Http.Response created = s.secretariat.post("/api/agreements", "application/yaml",
                java.nio.file.Files.readAllBytes(org.accord.testing.Seeds.CICA));
        String link = s.secretariat.postJson("/api/agreements/" + created.json().path("id").asText() + "/originals", Map.of())
                .json().path("originals").get(0).path("signingLinks").path("cica").asText();
        String path = link.substring(link.indexOf("/sign/"));
        HttpResponse<String> page = send(at(path));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"sign-form\""));
    }
}
