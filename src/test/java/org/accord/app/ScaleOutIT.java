package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.pki.KeyEntry;
import org.accord.testing.ExternalTool;
import org.accord.testing.Http;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code accord serve} nodes (the packaged jar, each its own process) on one real PostgreSQL behind Debian's nginx,
 * round-robin with no sticky sessions. The secretariat logs in through nginx and drafts and issues; the signatories
 * sign through nginx, so their requests land on both nodes; a two-step signature is prepared on one node and
 * completed on the other; one node is killed with {@code kill -9} in the middle of a bounded load. Afterwards every
 * acknowledged signature is in its original, every stored revision matches its hash and its predecessor's bytes, the
 * audit chain is valid, and the secretariat is still logged in — also on the killed node once it is restarted.
 */
class ScaleOutIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final int AGREEMENTS = 3;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(150);

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A browser's session through nginx: its cookie and CSRF token. */
    private record Browser(String cookie, String csrf) {
    }

    @Test
    void two_nodes_behind_nginx_lose_nothing_when_one_is_killed_mid_load() throws Exception {
        Path nginx = nginx();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String jdbc = postgres.getJdbcUrl("postgres", "postgres");
            int front = DurabilityIT.freePort();
            int[] ports = {DurabilityIT.freePort(), DurabilityIT.freePort()};
            String linkKey = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(dir.toString().getBytes(StandardCharsets.UTF_8)));
            Map<String, String> env = Map.of("ACCORD_DB_URL", jdbc, "ACCORD_DB_USER", "postgres", "ACCORD_DB_PASSWORD", "postgres",
                    "ACCORD_SERVER_PUBLIC_URL", "http://127.0.0.1:" + front, "ACCORD_SIGNING_LINK_KEY", linkKey,
                    "ACCORD_SERVER_TRUSTED_PROXIES", "127.0.0.1", "ACCORD_PKI_DIR", TestPki.dir().toString());
            List<Process> nodes = new ArrayList<>(List.of(node(0, ports[0], env), node(1, ports[1], env)));
            Process proxy = null;
            try {
                for (int i = 0; i < 2; i++) {
                    awaitHealthy(nodes.get(i), ports[i], i);
                }
                proxy = startNginx(nginx, front, ports);
                String base = "http://127.0.0.1:" + front;

                // the secretariat logs in through nginx and drafts and issues
                Browser secretariat = login(base);
                List<String> links = new ArrayList<>();
                Map<String, String> originalOf = new ConcurrentHashMap<>();
                List<String> originals = new ArrayList<>();
                for (int a = 0; a < AGREEMENTS; a++) {
                    HttpResponse<String> draft = send(base, secretariat, "POST", "/api/agreements", "application/yaml",
                            Seeds.titled(Seeds.CICA, 100 + a));
                    assertEquals(201, draft.statusCode(), draft.body());
                    String id = JSON.readTree(draft.body()).path("id").asText();
                    HttpResponse<String> issued = send(base, secretariat, "POST", "/api/agreements/" + id + "/originals",
                            "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                    assertEquals(201, issued.statusCode(), issued.body());
                    for (JsonNode o : JSON.readTree(issued.body()).path("originals")) {
                        originals.add(o.path("id").asText());
                        for (String party : List.of("cica", "sco-rats")) {
                            String link = o.path("signingLinks").path(party).asText();
                            assertTrue(link.startsWith(base + "/sign/"), "links go through the proxy: " + link);
                            links.add(link);
                            originalOf.put(link, o.path("id").asText());
                        }
                    }
                }

                // a two-step signature prepared on one node and completed on the other
                String twoStep = links.remove(0);
                twoStep("http://127.0.0.1:" + ports[0], "http://127.0.0.1:" + ports[1], twoStep);

                // the load: signatories sign through nginx while staff read pages and the API; node 0 dies on the way
                Load load = new Load();
                ConcurrentLinkedQueue<String> toSign = new ConcurrentLinkedQueue<>(links);
                List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>(List.of(twoStep)));
                List<String> unanswered = java.util.Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean signing = new AtomicBoolean(true);
                AtomicInteger signed = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(4);
                Instant started = Instant.now();
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    work.add(pool.submit(() -> {
                        for (String next = toSign.poll(); next != null; next = toSign.poll()) {
                            String link = next;
                            int status = load.record(() -> signWithHeldKey(link));
                            if (status == 201) {
                                acknowledged.add(link);
                                signed.incrementAndGet();
                            } else {
                                unanswered.add(link + " (" + status + ")");
                            }
                        }
                        return null;
                    }));
                }
                for (int t = 0; t < 2; t++) {
                    work.add(pool.submit(() -> {
                        while (signing.get() && Duration.between(started, Instant.now()).compareTo(LOAD_LIMIT) < 0) {
                            int page = load.record(() -> send(base, secretariat, "GET", "/dashboard", null, null).statusCode());
                            int api = load.record(() -> send(base, secretariat, "GET", "/api/agreements", null, null).statusCode());
                            if (page == 401 || page == 303 || api == 401) {
                                load.loggedOut.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                // kill -9 node 0 once a third of the signatures are acknowledged
                Instant killedAt = null;
                while (killedAt == null && Duration.between(started, Instant.now()).compareTo(LOAD_LIMIT) < 0) {
                    if (signed.get() >= links.size() / 3) {
                        load.mark();
                        nodes.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                        killedAt = Instant.now();
                    }
                    Thread.sleep(20);
                }
                assertTrue(killedAt != null, "the load never reached the kill");
                for (int i = 0; i < 2; i++) {
                    work.get(i).get(LOAD_LIMIT.toSeconds(), TimeUnit.SECONDS);
                }
                signing.set(false);
                for (Future<?> f : work) {
                    f.get(30, TimeUnit.SECONDS);
                }
                pool.shutdown();
                Duration took = Duration.between(started, Instant.now());
                System.out.printf("scale-out: %d requests in %.1f s (%.1f req/s), %d signatures acknowledged, statuses %s; "
                                + "after the kill: %d requests, errors %s; unanswered signatures %s%n",
                        load.total.get(), took.toMillis() / 1000.0, load.total.get() * 1000.0 / took.toMillis(), acknowledged.size(),
                        load.statuses, load.afterKill.get(), load.errorsAfterKill, unanswered);
                assertEquals(0, load.loggedOut.get(), "nobody is logged out when a node dies");

                // a signatory whose answer was lost signs again: the link either signs now or says it was used
                for (String entry : new ArrayList<>(unanswered)) {
                    String link = entry.substring(0, entry.indexOf(' '));
                    int status = signWithHeldKey(link);
                    System.out.println("scale-out: the signature whose answer was lost, retried: " + status
                            + (status == 410 ? " (it had been stored)" : " (it had not been stored; now it is)"));
                    assertTrue(status == 201 || status == 410, "retrying " + link + " after the kill: " + status);
                    acknowledged.add(link);
                }

                // afterwards, through the node that lived: every signature is in its original, and nothing is half-written
                Http archivist = new Http("http://127.0.0.1:" + ports[1]).as("archivist", Running.PASSWORD);
                Http staff = new Http("http://127.0.0.1:" + ports[1]).as("secretariat", Running.PASSWORD);
                for (String original : originals) {
                    JsonNode status = staff.get("/api/originals/" + original).json();
                    assertTrue(status.path("complete").asBoolean(), "every signature of every original is in: " + status);
                    byte[] pdf = staff.get("/api/originals/" + original + "/pdf").body();
                    JsonNode report = archivist.postForm("/api/verify", Http.form("file", pdf)).json().path("documents").get(0);
                    assertEquals("valid", report.path("verdict").asText(), report.toString());
                    assertEquals(2, report.path("signatures").size(), report.toString());
                }
                revisionsAreWhole(jdbc, originals.size());
                JsonNode audit = archivist.get("/api/audit").json();
                assertTrue(audit.path("chainValid").asBoolean(), audit.path("firstBreak").toString());

                // the killed node comes back and the same browser session is still logged in, on it and through nginx
                nodes.set(0, node(0, ports[0], env));
                awaitHealthy(nodes.get(0), ports[0], 0);
                HttpResponse<String> again = send("http://127.0.0.1:" + ports[0], secretariat, "GET", "/dashboard", null, null);
                assertEquals(200, again.statusCode(), "a restart logs nobody out");
                assertTrue(again.body().contains("secretariat"), again.body());
                for (int i = 0; i < 4; i++) {
                    assertEquals(200, send(base, secretariat, "GET", "/api/agreements", null, null).statusCode());
                }
                assertFalse(load.statuses.containsKey(500), "no 500 during the load: " + load.statuses);
            } finally {
                if (proxy != null) {
                    proxy.destroy();
                    proxy.waitFor(10, TimeUnit.SECONDS);
                }
                for (Process p : nodes) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Requests counted by status, and the errors seen once a node was killed. */
    private static final class Load {
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> errorsAfterKill = new ConcurrentHashMap<>();
        final AtomicInteger total = new AtomicInteger();
        final AtomicInteger afterKill = new AtomicInteger();
        final AtomicInteger loggedOut = new AtomicInteger();
        volatile boolean killed;

        int record(java.util.concurrent.Callable<Integer> request) {
            int status;
            try {
                status = request.call();
            } catch (Exception e) {
                status = -1;
            }
            total.incrementAndGet();
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (killed) {
                afterKill.incrementAndGet();
                if (status < 0 || status >= 500) {
                    errorsAfterKill.computeIfAbsent(status < 0 ? "no answer" : Integer.toString(status), s -> new AtomicInteger())
                            .incrementAndGet();
                }
            }
            return status;
        }

        void mark() {
            killed = true;
        }
    }

    private int signWithHeldKey(String link) {
        Http.Response r = new Http(link.substring(0, link.indexOf("/sign/"))).postForm(ServiceFlowContract.api(link.substring(
                link.indexOf("/sign/"))), Http.form("place", "Astana", "placeRu", "Астане", "password", Running.PASSWORD));
        return r.status();
    }

    /** Prepares a two-step signature through {@code first} and completes it through {@code second}. */
    private static void twoStep(String first, String second, String link) throws Exception {
        String path = ServiceFlowContract.api(link.substring(link.indexOf("/sign/")));
        KeyEntry key = TestPki.key("cica");
        List<String> chain = new ArrayList<>();
        for (var c : key.chain()) {
            chain.add(Base64.getEncoder().encodeToString(c.getEncoded()));
        }
        Http.Response data = new Http(first).postJson(path + "/data-to-sign", Map.of("place", "Astana", "placeRu", "Астане",
                "certificates", chain));
        assertEquals(200, data.status(), data.toString());
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key.key());
        signature.update(Base64.getDecoder().decode(data.json().path("dataToSign").asText()));
        Http.Response signed = new Http(second).postJson(path + "/signature",
                Map.of("signatureValue", Base64.getEncoder().encodeToString(signature.sign())));
        assertEquals(201, signed.status(), "prepared on one node, completed on the other: " + signed);
    }

    /** Every revision's bytes match its hash, numbers run 0…n without a gap, and each revision starts with the one before. */
    private static void revisionsAreWhole(String jdbc, int originals) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT original_id, number, sha256, bytes FROM revisions ORDER BY original_id, number")) {
            String current = null;
            byte[] previous = null;
            int expected = 0;
            int seen = 0;
            while (r.next()) {
                String original = r.getString(1);
                if (!original.equals(current)) {
                    current = original;
                    expected = 0;
                    previous = null;
                    seen++;
                }
                assertEquals(expected++, r.getInt(2), "revision numbers of " + original + " run without a gap");
                byte[] bytes = r.getBytes(4);
                assertEquals(r.getString(3), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                        "revision " + r.getInt(2) + " of " + original + " matches its hash");
                if (previous != null && r.getInt(2) > 1) {
                    assertTrue(bytes.length > previous.length && java.util.Arrays.equals(previous, 0, previous.length, bytes, 0,
                            previous.length), "revision " + r.getInt(2) + " of " + original + " is an incremental update of the one before");
                }
                previous = bytes;
            }
            assertEquals(originals, seen);
        }
    }

    private Browser login(String base) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String visitor = cookie(page);
        String csrf = csrf(page.body());
        String form = "username=secretariat&password=" + Running.PASSWORD + "&csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> in = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Cookie", "accord_session=" + visitor).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, in.statusCode(), in.body());
        String session = cookie(in);
        HttpResponse<String> dashboard = client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard"))
                .header("Cookie", "accord_session=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, dashboard.statusCode(), dashboard.body());
        return new Browser(session, csrf(dashboard.body()));
    }

    private HttpResponse<String> send(String base, Browser browser, String method, String path, String type, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", "accord_session=" + browser.cookie());
        if (body != null) {
            b.header("Content-Type", type).header("X-CSRF-Token", browser.csrf()).header("Origin", base)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
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

    private Process node(int n, int port, Map<String, String> env) throws IOException {
        Path data = dir.resolve("node" + n);
        Files.createDirectories(data);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", Path.of("target", "accord.jar").toAbsolutePath().toString(), "serve", "--port", Integer.toString(port),
                "--data", data.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node" + n + ".log").toFile()));
        return pb.start();
    }

    private void awaitHealthy(Process p, int port, int n) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Http http = new Http("http://127.0.0.1:" + port);
        while (true) {
            try {
                if (http.get("/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            assertTrue(p.isAlive(), "node " + n + " exited: " + Files.readString(dir.resolve("node" + n + ".log")));
            assertTrue(Instant.now().isBefore(deadline), "node " + n + " did not start within 90 s");
            Thread.sleep(200);
        }
    }

    private static Path nginx() {
        Path sbin = Path.of("/usr/sbin/nginx");
        return Files.isExecutable(sbin) ? sbin : ExternalTool.require("nginx", "nginx");
    }

    /** nginx in front of both nodes, round-robin, no stickiness; a node that does not answer is passed over. */
    private Process startNginx(Path nginx, int front, int[] ports) throws Exception {
        Path prefix = dir.resolve("nginx");
        Files.createDirectories(prefix.resolve("temp"));
        boolean root = "root".equals(System.getProperty("user.name"));
        String conf = (root ? "user root;\n" : "") + """
                worker_processes 1;
                daemon off;
                master_process on;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    client_max_body_size 25m;
                    client_body_buffer_size 1m;
                    upstream accord {
                        server 127.0.0.1:%2$d max_fails=1 fail_timeout=30s;
                        server 127.0.0.1:%3$d max_fails=1 fail_timeout=30s;
                    }
                    server {
                        listen 127.0.0.1:%4$d;
                        location / {
                            proxy_pass http://accord;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_connect_timeout 2s;
                            proxy_read_timeout 120s;
                            proxy_next_upstream error timeout;
                        }
                    }
                }
                """.formatted(prefix, ports[0], ports[1], front);
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process p = new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Http http = new Http("http://127.0.0.1:" + front);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try {
                if (http.get("/health").status() == 200) {
                    return p;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            assertTrue(p.isAlive(), "nginx exited: " + Files.readString(prefix.resolve("stdout.log"))
                    + (Files.exists(prefix.resolve("error.log")) ? Files.readString(prefix.resolve("error.log")) : ""));
            assertTrue(Instant.now().isBefore(deadline), "nginx did not answer within 20 s");
            Thread.sleep(100);
        }
    }
}
