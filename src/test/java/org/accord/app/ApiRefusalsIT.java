package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accord.testing.Http;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad request gets its 4xx as RFC 9457 problem+json, never a stack trace, and stores nothing. */
class ApiRefusalsIT {

    @TempDir
    static Path data;
    private static Running s;
    private static String agreement;
    private static JsonNode originals;

    @BeforeAll
    static void start() throws IOException {
        s = Running.start(data, Map.of("server.maxUploadMib", "1", "signing.maxPasswordFailures", "3"));
        agreement = s.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.CICA)).json().path("id").asText();
        originals = s.secretariat.postJson("/api/agreements/" + agreement + "/originals", Map.of()).json().path("originals");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static String link(int original, String party) {
        return ServiceFlowContract.api(originals.get(original).path("signingLinks").path(party).asText());
    }

    /** Asserts a problem+json answer with this status and type, and returns its body. */
    private static JsonNode problem(Http.Response r, int status, String type) {
        assertEquals(status, r.status(), r.toString());
        assertEquals("application/problem+json", r.header("Content-Type"), r.toString());
        JsonNode body = r.json();
        assertEquals("https://accord.invalid/problems/" + type, body.path("type").asText(), r.toString());
        assertEquals(status, body.path("status").asInt());
        assertFalse(body.path("title").asText().isBlank());
        assertFalse(r.text().contains("Exception") || r.text().contains("\tat "), "no stack trace: " + r.text());
        return body;
    }

    private static int stored() {
        return s.secretariat.get("/api/agreements").json().path("agreements").size();
    }

    @Test
    void staff_calls_need_the_right_user_and_role() {
        Http.Response none = s.anonymous.get("/api/agreements");
        problem(none, 401, "unauthorized");
        assertTrue(none.header("WWW-Authenticate").startsWith("Basic realm=\"Accord\""));
        problem(s.anonymous.as("secretariat", "wrong").get("/api/agreements"), 401, "unauthorized");
        problem(s.anonymous.as("nobody", Running.PASSWORD).get("/api/agreements"), 401, "unauthorized");
        problem(s.archivist.post("/api/agreements", "application/yaml", "id: x".getBytes(StandardCharsets.UTF_8)), 403, "forbidden");
        problem(s.secretariat.post("/api/originals/" + originals.get(0).path("id").asText() + "/extend", null, new byte[0]),
                403, "forbidden");
        problem(s.archivist.get("/api/agreements/" + agreement + "/preview"), 403, "forbidden");
    }

    @Test
    void bad_agreements_are_refused_with_their_problems_and_not_stored() throws IOException {
        int before = stored();
        problem(s.secretariat.post("/api/agreements", "text/plain", "id: x".getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported-media-type");
        JsonNode invalid = problem(s.secretariat.post("/api/agreements", "application/yaml",
                Seeds.text(Seeds.CICA).replaceFirst("ru: \"Протокол\"", "ru: \"\"").getBytes(StandardCharsets.UTF_8)),
                422, "invalid-agreement");
        assertTrue(invalid.path("problems").isArray() && invalid.path("problems").size() > 0, invalid.toString());
        problem(s.secretariat.post("/api/agreements", "application/yaml", "{{{ not yaml".getBytes(StandardCharsets.UTF_8)), 422,
                "invalid-agreement");
        problem(s.secretariat.post("/api/agreements", "application/json", "{\"id\": 1}".getBytes(StandardCharsets.UTF_8)), 422,
                "invalid-agreement");
        // characters the originals cannot show as the data says: refused at drafting with their path, never a 500 later
        for (String[] bad : new String[][] {{"Protocol \\U0001F600", "fonts cannot show"}, {"Proto\\0col", "control character"},
                {"Proto\\u2067col", "bidirectional control"}, {"Proto\\uE000col", "private-use"}, {"Proto\\u200Bcol", "invisible"},
                {"\\u0421ICA protocol", "mixes Latin and Cyrillic"}}) {
            String yaml = Seeds.text(Seeds.CICA).replaceFirst("kind: \\{en: \"Protocol\"", java.util.regex.Matcher.quoteReplacement("kind: {en: \"" + bad[0] + "\""));
            JsonNode refused = problem(s.secretariat.post("/api/agreements", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8)),
                    422, "invalid-agreement");
            assertTrue(refused.path("problems").toString().contains("kind.en: ") && refused.path("problems").toString().contains(bad[1]),
                    bad[1] + ": " + refused);
        }
        assertEquals(before, stored());
    }

    @Test
    void the_same_title_again_is_refused_with_the_agreement_that_has_it() throws IOException {
        int before = stored();
        String yaml = Seeds.text(Seeds.CICA);
        String shouting = yaml.replaceFirst("en: \"Protocol on Cooperation between", "en: \"PROTOCOL  on cooperation between");
        for (String again : List.of(yaml, shouting)) {
            JsonNode body = problem(s.secretariat.post("/api/agreements", "application/yaml", again.getBytes(StandardCharsets.UTF_8)),
                    409, "duplicate-title");
            assertEquals(agreement, body.path("existing").asText(), body.toString());
            assertTrue(body.path("detail").asText().contains("is already drafted"), body.toString());
        }
        assertEquals(before, stored(), "nothing stored");
    }

    @Test
    void a_draft_can_be_deleted_until_its_originals_are_issued() throws IOException {
        String draft = s.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.INTERPOL)).json()
                .path("id").asText();
        problem(s.anonymous.delete("/api/agreements/" + draft), 401, "unauthorized");
        problem(s.archivist.delete("/api/agreements/" + draft), 403, "forbidden");
        assertEquals(204, s.secretariat.delete("/api/agreements/" + draft).status());
        problem(s.secretariat.get("/api/agreements/" + draft), 404, "not-found");
        problem(s.secretariat.delete("/api/agreements/" + draft), 404, "not-found");
        problem(s.secretariat.delete("/api/agreements/" + agreement), 409, "conflict");
        assertEquals(200, s.secretariat.get("/api/agreements/" + agreement).status(), "an issued agreement is kept");
        JsonNode audit = s.archivist.get("/api/audit").json();
        assertTrue(audit.path("chainValid").asBoolean(), audit.path("firstBreak").toString());
        boolean recorded = false;
        for (JsonNode e : audit.path("events")) {
            recorded |= "agreement.deleted".equals(e.path("action").asText()) && ("agreement:" + draft).equals(e.path("subject").asText())
                    && "secretariat".equals(e.path("actor").asText());
        }
        assertTrue(recorded, "the deletion is in the audit trail");
    }

    @Test
    void pages_name_their_icon_and_static_files_are_only_the_pages_own() {
        Http.Response icon = s.anonymous.get("/static/favicon.svg");
        assertEquals(200, icon.status());
        assertEquals("image/svg+xml", icon.header("Content-Type"));
        assertTrue(new String(icon.body(), StandardCharsets.UTF_8).startsWith("<svg"));
        assertTrue(s.anonymous.get("/").text().contains("<link rel=\"icon\" href=\"/static/favicon.svg\""));
        assertEquals(404, s.anonymous.get("/static/..%2Fweb%2Flayout.ftlh").status());
        assertEquals(404, s.anonymous.get("/static/favicon.png").status());
    }

    @Test
    void unknown_things_are_404_and_bad_parameters_400() {
        problem(s.secretariat.get("/api/agreements/no-such-id"), 404, "not-found");
        problem(s.secretariat.get("/api/originals/no-such-id"), 404, "not-found");
        problem(s.secretariat.get("/api/no-such-route"), 404, "not-found");
        problem(s.secretariat.get("/api/originals/" + originals.get(0).path("id").asText() + "/revisions/9/pdf"), 404, "not-found");
        problem(s.secretariat.get("/api/originals/" + originals.get(0).path("id").asText() + "/revisions/x/pdf"), 400, "bad-request");
        problem(s.secretariat.get("/api/agreements/" + agreement + "/preview?layout=diagonal"), 400, "bad-request");
        problem(s.archivist.post("/api/originals/" + originals.get(0).path("id").asText() + "/extend?level=B-B", null, new byte[0]),
                400, "bad-request");
        problem(s.secretariat.postJson("/api/agreements/" + agreement + "/originals", "[1,2]"), 400, "bad-request");
    }

    @Test
    void originals_are_issued_once_and_only_as_one_pdf_each() {
        problem(s.secretariat.postJson("/api/agreements/" + agreement + "/originals", Map.of()), 409, "conflict");
        String other = s.secretariat.post("/api/agreements", "application/yaml", Seeds.titled(Seeds.CICA, 2))
                .json().path("id").asText();
        problem(s.secretariat.postJson("/api/agreements/" + other + "/originals", Map.of("layout", "separate")), 422, "invalid");
        problem(s.secretariat.postJson("/api/agreements/" + other + "/originals", Map.of("certify", true)), 400, "bad-request");
        problem(s.secretariat.postJson("/api/agreements/" + other + "/originals", Map.of("certify", true, "sealPassword", "wrong")),
                403, "wrong-password");
        assertEquals(0, s.secretariat.get("/api/agreements/" + other).json().path("originals").size(), "nothing issued");
    }

    @Test
    void signing_links_refuse_what_they_must() {
        String link = link(1, "sco-rats");
        problem(s.anonymous.postForm(link.replaceAll("/sign/.*", "/sign/" + "A".repeat(43)), Http.form("place", "X", "placeRu", "Икс", "password", "y")),
                404, "not-found");
        problem(s.anonymous.get(link.replaceAll("/sign/.*", "/sign/short")), 404, "not-found");
        problem(s.anonymous.postForm(link, Http.form("password", Running.PASSWORD)), 400, "bad-request");
        problem(s.anonymous.postForm(link, Http.form("place", "Tashkent", "placeRu", "Ташкенте")), 400, "bad-request");
        problem(s.anonymous.postJson(link, Map.of("place", "Tashkent", "placeRu", "Ташкенте")), 415, "unsupported-media-type");
        problem(s.anonymous.postForm(link, Http.form("place", "Tashkent", "placeRu", "Ташкенте", "password", Running.PASSWORD,
                "keystore", "not a keystore".getBytes(StandardCharsets.US_ASCII))), 422, "invalid");
        problem(s.anonymous.postJson(link + "/signature", Map.of("signatureValue", "AAAA")), 409, "conflict");
        problem(s.anonymous.postJson(link + "/data-to-sign", Map.of("place", "Tashkent", "placeRu", "Ташкенте", "certificates", List.of("bm90IGEgY2VydA=="))),
                400, "bad-request");
        JsonNode status = s.secretariat.get("/api/originals/" + originals.get(1).path("id").asText()).json();
        assertEquals(1, status.path("revisions").size(), "nothing was signed: " + status);
    }

    @Test
    void a_garbage_signature_value_is_refused_and_nothing_stored() throws Exception {
        String link = link(1, "cica");
        List<String> chain = new java.util.ArrayList<>();
        for (var c : TestPki.key("cica").chain()) {
            chain.add(java.util.Base64.getEncoder().encodeToString(c.getEncoded()));
        }
        Http.Response prepared = s.anonymous.postJson(link + "/data-to-sign", Map.of("place", "Astana", "placeRu", "Астане", "certificates", chain));
        assertEquals(200, prepared.status(), prepared.toString());
        byte[] wrong = new byte[64];
        wrong[5] = 1;
        problem(s.anonymous.postJson(link + "/signature", Map.of("signatureValue", java.util.Base64.getEncoder().encodeToString(wrong))),
                422, "signing-refused");
        assertEquals(1, s.secretariat.get("/api/originals/" + originals.get(1).path("id").asText()).json().path("revisions").size());
    }

    @Test
    void wrong_passwords_count_and_then_withdraw_the_link() {
        String link = link(0, "sco-rats");
        JsonNode first = problem(s.anonymous.postForm(link, Http.form("place", "Tashkent", "placeRu", "Ташкенте", "password", "guess-1")), 403, "wrong-password");
        assertTrue(first.path("detail").asText().contains("2 attempts left"), first.toString());
        problem(s.anonymous.postForm(link, Http.form("place", "Tashkent", "placeRu", "Ташкенте", "password", "guess-2")), 403, "wrong-password");
        problem(s.anonymous.postForm(link, Http.form("place", "Tashkent", "placeRu", "Ташкенте", "password", "guess-3")), 410, "link-gone");
        problem(s.anonymous.postForm(link, Http.form("place", "Tashkent", "placeRu", "Ташкенте", "password", Running.PASSWORD)), 410, "link-gone");
        Http.Response fresh = s.secretariat.post("/api/originals/" + originals.get(0).path("id").asText() + "/links/sco-rats", null,
                new byte[0]);
        assertEquals(201, fresh.status(), fresh.toString());
        String newLink = ServiceFlowContract.api(fresh.json().path("signingLink").asText());
        assertEquals(201, s.anonymous.postForm(newLink, Http.form("place", "Tashkent", "placeRu", "Ташкенте", "password", Running.PASSWORD)).status());
        problem(s.anonymous.postForm(newLink, Http.form("place", "Tashkent", "placeRu", "Ташкенте", "password", Running.PASSWORD)), 410, "link-gone");
        problem(s.secretariat.post("/api/originals/" + originals.get(0).path("id").asText() + "/links/sco-rats", null, new byte[0]),
                409, "conflict");
        assertEquals(200, s.anonymous.get(newLink + "/pdf").status(), "a used link still downloads what was signed");
    }

    @Test
    void uploads_over_the_bound_are_413_before_they_are_read() {
        byte[] big = new byte[1024 * 1024 + 10];
        // refused on the announced length alone: the client has sent nothing of the body yet
        problem(s.archivist.postHeadOnly("/api/verify", "multipart/form-data; boundary=x", 1024L * 1024 * 1024), 413, "too-large");
        problem(s.secretariat.postHeadOnly("/api/agreements", "application/yaml", 1024L * 1024 + 10), 413, "too-large");
        // without a Content-Length the bound is met while the body streams in
        problem(answered(() -> s.secretariat.postStreamed("/api/agreements", "application/yaml", big)), 413, "too-large");
        byte[] multipart = ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] streamed = java.util.Arrays.copyOf(multipart, multipart.length + big.length);
        problem(answered(() -> s.archivist.postStreamed("/api/verify", "multipart/form-data; boundary=x", streamed)), 413, "too-large");
        problem(s.archivist.post("/api/verify", "multipart/form-data; boundary=x", multipart), 400, "bad-request");
    }

    /**
     * The answer to a streamed upload the server refuses mid-stream. The server answers and closes while the client
     * may still be sending, so the client sometimes sees the connection reset before it reads the answer; it tries
     * again (at most five times) until it reads one.
     */
    private static Http.Response answered(java.util.function.Supplier<Http.Response> request) {
        java.io.UncheckedIOException last = null;
        for (int i = 0; i < 5; i++) {
            try {
                return request.get();
            } catch (java.io.UncheckedIOException e) {
                last = e;
            }
        }
        throw last;
    }

    @Test
    void a_browser_request_from_another_site_cannot_borrow_credentials() {
        String path = "/api/originals/" + originals.get(0).path("id").asText() + "/links/cica";
        problem(s.secretariat.post(path, "text/plain", new byte[0], "Sec-Fetch-Site", "cross-site"), 403, "cross-site");
        problem(s.secretariat.post(path, "text/plain", new byte[0], "Origin", "https://evil.example"), 403, "cross-site");
        problem(s.archivist.post("/api/verify", "multipart/form-data; boundary=x", new byte[0], "Sec-Fetch-Site", "same-site"),
                403, "cross-site");
        Http.Response sameOrigin = s.secretariat.post("/api/agreements", "application/yaml", "{".getBytes(StandardCharsets.UTF_8),
                "Origin", s.service.url(), "Sec-Fetch-Site", "same-origin");
        assertEquals(422, sameOrigin.status(), "a same-origin request goes through: " + sameOrigin);
    }

    @Test
    void a_file_that_is_not_a_pdf_is_an_unusable_document() {
        problem(s.archivist.postForm("/api/verify", Http.form("file", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))),
                422, "unusable-document");
        problem(s.archivist.postForm("/api/verify", Http.form("other", "x")), 400, "bad-request");
    }

    @Test
    void every_answer_carries_the_security_headers() {
        for (Http.Response r : List.of(s.anonymous.get("/health"), s.anonymous.get("/api/agreements"),
                s.secretariat.get("/api/originals/" + originals.get(0).path("id").asText() + "/pdf"))) {
            String csp = r.header("Content-Security-Policy");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
            assertEquals("nosniff", r.header("X-Content-Type-Options"));
            assertEquals("no-referrer", r.header("Referrer-Policy"));
        }
        Http.Response pdf = s.secretariat.get("/api/originals/" + originals.get(0).path("id").asText() + "/pdf");
        assertEquals("application/pdf", pdf.header("Content-Type"));
        assertTrue(pdf.header("Content-Disposition").startsWith("attachment; filename="));
        assertEquals("no-store", pdf.header("Cache-Control"));
    }

    @Test
    void a_request_jetty_refuses_itself_still_gets_problem_json_with_the_security_headers() {
        Http.Response r = s.anonymous.post("/api/verify", "text/plain", new byte[] {1}, "X-Padding", "a".repeat(16 * 1024));
        assertEquals(431, r.status(), r.toString());
        assertEquals("application/problem+json", r.header("Content-Type"), r.toString());
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"), r.toString());
        assertTrue(r.json().path("detail").asText().contains("headers are larger"), r.toString());
    }

    @Test
    void a_parameter_that_does_not_parse_is_refused_in_our_words_not_the_parsers() {
        String original = originals.get(0).path("id").asText();
        for (String path : List.of("/api/originals/" + original + "/revisions/99999999999/pdf", "/api/originals/" + original
                + "/revisions/-1/pdf", "/api/originals/" + original + "/revisions/x/pdf")) {
            JsonNode body = problem(s.secretariat.get(path), 400, "bad-request");
            assertEquals("the revision number must be a whole number from 0", body.path("detail").asText(), path);
        }
        JsonNode lang = problem(s.secretariat.get("/api/agreements/" + agreement + "/preview?lang=xx"), 400, "bad-request");
        assertEquals("lang must be en or ru", lang.path("detail").asText());
        JsonNode layout = problem(s.secretariat.get("/api/agreements/" + agreement + "/preview?layout=diagonal"), 400, "bad-request");
        assertEquals("layout must be parallel, sequential or separate", layout.path("detail").asText());
    }
}
