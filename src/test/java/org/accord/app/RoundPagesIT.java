package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.testing.Http;
import org.accord.testing.Seeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages of a signing round with the embedded defaults (no mail server): the outbox shows each invitation as
 * "not sent" with its link until it is handed over; a signatory declines on the page; the archivist lists the stored
 * originals, searches them, reads an original's audit trail and extends it to B-LTA.
 */
class RoundPagesIT {

    @TempDir
    static Path data;
    private static Running s;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        s = Running.start(data, Map.of());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** A browser session of {@code user}: its cookie. */
    private static String login(String user) throws Exception {
        HttpResponse<String> page = get("/login", "");
        String session = cookie(page);
        HttpResponse<String> in = post("/login", session, "csrf=" + csrf(page.body()) + "&username=" + user + "&password=accord-demo");
        assertEquals(303, in.statusCode());
        return cookie(in);
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.service.url() + path));
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.service.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", s.service.url())
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("accord_session=")).findFirst()
                .orElseThrow().split(";")[0];
    }

    private static String csrf(String html) {
        int i = html.indexOf("name=\"csrf\" value=\"");
        return html.substring(i + 19, html.indexOf('"', i + 19));
    }

    @Test
    void without_a_mail_server_the_outbox_holds_the_links_until_handed_over_and_a_signatory_can_decline() throws Exception {
        String id = s.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.CICA)).json().path("id").asText();
        JsonNode originals = s.secretariat.postJson("/api/agreements/" + id + "/originals", Map.of()).json().path("originals");
        String secretariat = login("secretariat");
        HttpResponse<String> outbox = get("/outbox", secretariat);
        assertEquals(200, outbox.statusCode(), outbox.body());
        assertTrue(outbox.body().contains("Not sent: no mail server configured."), outbox.body());
        String link = originals.get(0).path("signingLinks").path("cica").asText();
        assertTrue(outbox.body().contains(link), "the invitation shows its personal link");
        // the data's demo address, shown as the recipient
        assertTrue(outbox.body().contains("cica.secretariat@example.org"), outbox.body());

        // marking it handed over hides the link and returns to the page (Post/Redirect/Get)
        Matcher message = Pattern.compile("data-message=\"([0-9a-f-]{36})\"(?:(?!data-message).)*?" + Pattern.quote(link),
                Pattern.DOTALL).matcher(outbox.body());
        assertTrue(message.find(), "the message that carries the link");
        HttpResponse<String> handed = post("/outbox/" + message.group(1) + "/handed-over", secretariat,
                "csrf=" + csrf(outbox.body()) + "&next=" + URLEncoder.encode("/originals/" + originals.get(0).path("id").asText(),
                        StandardCharsets.UTF_8));
        assertEquals(303, handed.statusCode());
        assertEquals("/originals/" + originals.get(0).path("id").asText() + "#message-" + message.group(1),
                handed.headers().firstValue("Location").orElseThrow(), "back to the page it was marked on, at the mail");
        HttpResponse<String> page = get("/originals/" + originals.get(0).path("id").asText(), secretariat);
        assertEquals(200, page.statusCode(), page.body());
        assertFalse(page.body().contains(link), "a handed-over mail no longer shows its link");
        assertTrue(page.body().contains("handed over") && page.body().contains("Signing round"), page.body());

        // the signatory of original 2 declines on the page; the page says so after the redirect
        String declineLink = originals.get(1).path("signingLinks").path("sco-rats").asText().replace(s.service.url(), "");
        HttpResponse<String> sign = get(declineLink, "");
        assertTrue(sign.body().contains("Decline to sign"), sign.body());
        String visitor = cookie(sign);
        HttpResponse<String> empty = post(declineLink + "/decline", visitor, "csrf=" + csrf(sign.body()) + "&reason=");
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("aria-invalid=\"true\""), "the reason field is marked");
        HttpResponse<String> declined = post(declineLink + "/decline", visitor, "csrf=" + csrf(sign.body()) + "&reason="
                + URLEncoder.encode("Не согласована статья 3", StandardCharsets.UTF_8));
        assertEquals(303, declined.statusCode(), declined.body());
        HttpResponse<String> after = get(declineLink, visitor);
        assertTrue(after.body().contains("You declined to sign this original"), after.body());
        HttpResponse<String> two = get("/originals/" + originals.get(1).path("id").asText(), secretariat);
        assertTrue(two.body().contains("Не согласована статья 3"), "the secretariat reads the reason");
    }

    @Test
    void the_archivist_lists_searches_and_extends_stored_originals() throws Exception {
        String id = s.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.INTERPOL)).json().path("id").asText();
        JsonNode originals = s.secretariat.postJson("/api/agreements/" + id + "/originals", Map.of()).json().path("originals");
        String original = originals.get(0).path("id").asText();
        JsonNode first = originals.get(0).path("signingLinks");
        String party = first.fieldNames().next();
        Http.Response signed = s.anonymous.postForm(ServiceFlowContract.api(first.path(party).asText()),
                Http.form("place", "Lyon", "placeRu", "Лионе", "password", Running.PASSWORD));
        assertEquals(201, signed.status(), signed.toString());

        String archivist = login("archivist");
        HttpResponse<String> list = get("/archive?q=IMPACT", archivist);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("data-original=\"" + original + "\""), list.body());
        assertFalse(get("/archive?q=no-such-agreement-anywhere", archivist).body().contains("data-original=\"" + original + "\""));
        assertFalse(get("/archive?state=declined", archivist).body().contains("data-original=\"" + original + "\""));

        HttpResponse<String> detail = get("/archive/originals/" + original, archivist);
        assertEquals(200, detail.statusCode(), detail.body());
        assertTrue(detail.body().contains("original.issued") && detail.body().contains("original.signed"), "the audit trail");
        HttpResponse<String> extend = post("/archive/originals/" + original + "/extend", archivist, "csrf=" + csrf(detail.body()));
        assertEquals(303, extend.statusCode(), extend.body());
        HttpResponse<String> extended = get("/archive/originals/" + original, archivist);
        assertTrue(extended.body().contains("Extended to B-LTA as revision"), extended.body());
        assertTrue(extended.body().contains("original.extended"), "the extension is in the trail");
        assertEquals("B-LTA", s.archivist.get("/api/originals/" + original).json().path("revisions").get(2).path("level").asText());
    }
}
