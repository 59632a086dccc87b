package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.testing.Http;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service's logs with {@code log.format=json}, after a browser login, wrong passwords (form, Basic and a
 * signing link's), drafting and issuing with a session and its CSRF token, signatures through links and a verification:
 * every line is one JSON object, every request has exactly one request line carrying its request id, and no password,
 * secret, cookie, CSRF token, signing token or Basic credential appears anywhere in what the process wrote.
 */
class LogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> secrets = new ArrayList<>();
    private final List<String> requestIds = new ArrayList<>();
    private String base;

    @Test
    void json_logs_have_one_line_per_request_with_its_id_and_no_secret() throws Exception {
        int port = DurabilityIT.freePort();
        base = "http://127.0.0.1:" + port;
        String dbPassword = "db-secret-" + UUID.randomUUID();
        String smtpPassword = "smtp-secret-" + UUID.randomUUID();
        String webhookSecret = "hook-secret-" + UUID.randomUUID();
        String linkKey = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        secrets.addAll(List.of(Running.PASSWORD, dbPassword, smtpPassword, webhookSecret, linkKey));
        Map<String, String> env = new HashMap<>(Map.of("ACCORD_LOG_FORMAT", "json", "ACCORD_PKI_DIR", TestPki.dir().toString(),
                "ACCORD_DB_PASSWORD", dbPassword, "ACCORD_MAIL_SMTP_PASSWORD", smtpPassword, "ACCORD_SIGNING_LINK_KEY", linkKey,
                "ACCORD_SERVER_TRUSTED_PROXIES", "127.0.0.1", "ACCORD_WEBHOOKS_URL", "http://127.0.0.1:" + DurabilityIT.freePort()
                        + "/hook", "ACCORD_WEBHOOKS_SECRET", webhookSecret, "ACCORD_SCHEDULER_OUTBOX_EVERY", "PT0.5S"));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", Path.of("target", "accord.jar").toAbsolutePath().toString(), "serve", "--port", Integer.toString(port),
                "--data", Files.createDirectories(dir.resolve("data")).toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("ACCORD_"));
        pb.environment().putAll(env);
        Process serve = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            awaitHealthy(serve, err);
            journeys();
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }

        String stdout = Files.readString(out);
        assertTrue(stdout.contains("Accord is running at " + base), stdout);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(err)) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError("not a JSON line: " + line);
            }
            assertTrue(node.isObject() && node.has("level") && node.has("timestamp") && node.has("loggerName"), line);
            lines.add(node);
        }
        Map<String, List<JsonNode>> byRequest = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            if (line.path("loggerName").asText().equals("org.accord.web.RequestLog")) {
                String id = line.path("mdc").path("request").asText();
                assertFalse(id.isEmpty(), "a request line carries its request id: " + line);
                byRequest.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
            }
        }
        for (String id : requestIds) {
            List<JsonNode> mine = byRequest.getOrDefault(id, List.of());
            assertEquals(1, mine.size(), "exactly one line for request " + id + " among " + byRequest.keySet());
        }
        JsonNode signature = byRequest.get("signature-1").get(0);
        Map<String, String> kv = keyValues(signature);
        assertEquals("POST", kv.get("method"), signature.toString());
        assertEquals("/api/sign/{token}", kv.get("route"), signature.toString());
        assertEquals("201", kv.get("status"), signature.toString());
        assertEquals("127.0.0.1", kv.get("client"), signature.toString());
        assertTrue(signature.path("formattedMessage").asText().startsWith("POST /api/sign/{token} 201 "), signature.toString());
        assertTrue(byRequest.size() >= requestIds.size(), "every request has its line");

        String everything = stdout + "\n" + Files.readString(err);
        for (String secret : secrets) {
            assertFalse(everything.contains(secret), "a secret in the logs: " + secret);
        }
    }

    /** What people do, with every secret and every request id noted on the way. */
    private void journeys() throws Exception {
        // a browser: the login page, a wrong password, then the right one; the session drafts and issues with its CSRF token
        HttpResponse<String> page = send("GET", "/login", Map.of(), null, null);
        String visitor = cookie(page);
        String visitorCsrf = csrf(page.body());
        secrets.addAll(List.of(visitor, visitorCsrf));
        String wrong = "wrong-form-" + UUID.randomUUID();
        secrets.add(wrong);
        HttpResponse<String> refused = send("POST", "/login", Map.of("Cookie", "accord_session=" + visitor), "application/x-www-form-urlencoded",
                form("username", "secretariat", "password", wrong, "csrf", visitorCsrf));
        assertTrue(refused.statusCode() != 303 && refused.statusCode() < 500, "a wrong password is refused: " + refused.statusCode());
        HttpResponse<String> in = send("POST", "/login", Map.of("Cookie", "accord_session=" + visitor), "application/x-www-form-urlencoded",
                form("username", "secretariat", "password", Running.PASSWORD, "csrf", visitorCsrf));
        assertEquals(303, in.statusCode(), in.body());
        String session = cookie(in);
        secrets.add(session);
        HttpResponse<String> dashboard = send("GET", "/dashboard", Map.of("Cookie", "accord_session=" + session), null, null);
        assertEquals(200, dashboard.statusCode(), dashboard.body());
        String csrf = csrf(dashboard.body());
        secrets.add(csrf);
        Map<String, String> browser = Map.of("Cookie", "accord_session=" + session, "X-CSRF-Token", csrf, "Origin", base);
        HttpResponse<String> draft = send("POST", "/api/agreements", browser, "application/yaml", Files.readString(Seeds.CICA));
        assertEquals(201, draft.statusCode(), draft.body());
        String id = JSON.readTree(draft.body()).path("id").asText();
        HttpResponse<String> issued = send("POST", "/api/agreements/" + id + "/originals", browser, "application/json", "{}");
        assertEquals(201, issued.statusCode(), issued.body());
        JsonNode original = JSON.readTree(issued.body()).path("originals").get(0);
        List<String> links = new ArrayList<>();
        for (String party : List.of("cica", "sco-rats")) {
            String link = original.path("signingLinks").path(party).asText();
            links.add(link);
            secrets.add(link.substring(link.lastIndexOf('/') + 1));
        }

        // HTTP Basic: a wrong password, then the archivist's right one
        String wrongBasic = "wrong-basic-" + UUID.randomUUID();
        String badCredentials = Base64.getEncoder().encodeToString(("archivist:" + wrongBasic).getBytes(StandardCharsets.UTF_8));
        String credentials = Base64.getEncoder().encodeToString(("archivist:" + Running.PASSWORD).getBytes(StandardCharsets.UTF_8));
        secrets.addAll(List.of(wrongBasic, badCredentials, credentials));
        assertEquals(401, send("GET", "/api/agreements", Map.of("Authorization", "Basic " + badCredentials), null, null).statusCode());

        // the signatories: the page of each link, a wrong key password, then the signatures, one with a proxy's request id
        for (String link : links) {
            String path = link.substring(link.indexOf("/sign/"));
            assertEquals(200, send("GET", path, Map.of(), null, null).statusCode());
        }
        String wrongKey = "wrong-key-" + UUID.randomUUID();
        secrets.add(wrongKey);
        String first = ServiceFlowContract.api(links.get(0).substring(links.get(0).indexOf("/sign/")));
        HttpResponse<String> badKey = send("POST", first, Map.of(), "application/x-www-form-urlencoded",
                form("place", "Astana", "placeRu", "Астане", "password", wrongKey));
        assertTrue(badKey.statusCode() == 403 || badKey.statusCode() == 422, badKey.statusCode() + " " + badKey.body());
        HttpResponse<String> signed = send("POST", first, Map.of("X-Request-Id", "signature-1"), "application/x-www-form-urlencoded",
                form("place", "Astana", "placeRu", "Астане", "password", Running.PASSWORD));
        assertEquals(201, signed.statusCode(), signed.body());
        assertEquals("signature-1", signed.headers().firstValue("X-Request-Id").orElse(null), "a trusted proxy's request id is kept");
        String second = ServiceFlowContract.api(links.get(1).substring(links.get(1).indexOf("/sign/")));
        assertEquals(201, send("POST", second, Map.of(), "application/x-www-form-urlencoded",
                form("place", "Astana", "placeRu", "Астане", "password", Running.PASSWORD)).statusCode());
        assertTrue(send("GET", links.get(0).substring(links.get(0).indexOf("/sign/")), Map.of(), null, null).statusCode() < 500,
                "a used link's page");

        // the archivist verifies the signed original; the secretariat logs out
        HttpResponse<String> pdf = send("GET", "/api/originals/" + original.path("id").asText(), Map.of("Authorization", "Basic " + credentials),
                null, null);
        assertEquals(200, pdf.statusCode(), pdf.body());
        byte[] bytes = new Http(base).as("archivist", Running.PASSWORD).get("/api/originals/" + original.path("id").asText() + "/pdf").body();
        Http.Response verdict = new Http(base).as("archivist", Running.PASSWORD).postForm("/api/verify", Http.form("file", bytes));
        assertEquals(200, verdict.status(), verdict.toString());
        requestIds.add(verdict.header("X-Request-Id"));
        assertEquals(303, send("POST", "/logout", Map.of("Cookie", "accord_session=" + session, "Origin", base),
                "application/x-www-form-urlencoded", form("csrf", csrf)).statusCode());
        Thread.sleep(1500); // the outbox job tries the webhooks at least once, so its lines are in the log too
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        String id = r.headers().firstValue("X-Request-Id").orElseThrow(() -> new AssertionError("no X-Request-Id on " + method + " " + path));
        requestIds.add(id);
        return r;
    }

    private static String form(String... kv) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            s.append(i == 0 ? "" : "&").append(kv[i]).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    private static String cookie(HttpResponse<?> r) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            if (c.startsWith("accord_session=")) {
                return c.substring("accord_session=".length(), c.indexOf(';'));
            }
        }
        throw new AssertionError("no session cookie: " + r.headers().map());
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), "no CSRF token in the page");
        return m.group(1);
    }

    /** The key-value pairs of a JSON line, however the encoder lays them out (an object, or a list of one-key objects). */
    private static Map<String, String> keyValues(JsonNode line) {
        Map<String, String> kv = new HashMap<>();
        JsonNode list = line.path("kvpList");
        if (list.isArray()) {
            for (JsonNode pair : list) {
                pair.fields().forEachRemaining(e -> kv.put(e.getKey(), e.getValue().asText()));
            }
        } else {
            list.fields().forEachRemaining(e -> kv.put(e.getKey(), e.getValue().asText()));
        }
        return kv;
    }

    private void awaitHealthy(Process p, Path err) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            assertTrue(p.isAlive(), "the service exited: " + Files.readString(err));
            assertTrue(Instant.now().isBefore(deadline), "the service did not start within 90 s");
            Thread.sleep(200);
        }
    }
}
