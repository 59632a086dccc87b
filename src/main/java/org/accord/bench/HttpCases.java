package org.accord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.accord.app.Config;
import org.accord.app.Service;

/**
 * The cases seen from outside: signatures through signing links over loopback HTTP (the service in this JVM, embedded
 * H2, trust services in-process), and the cold start of the packaged jar to its first {@code /health} answer.
 */
final class HttpCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = Service.DEMO_PASSWORD;

    private final Material m;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HttpCases(Material m, Consumer<String> progress) {
        this.m = m;
        this.progress = progress;
    }

    /**
     * {@code clients} clients signing through links with the server-held keys (each link a fresh original's first or
     * second signature), {@code requests} measured after a warm-up; the baseline is DSS alone making one B-LT signature.
     */
    CaseResult signHttp(int requests, int clients, Stats rawSignature) throws Exception {
        int warmup = Math.max(2, requests / 4);
        Path data = Files.createTempDirectory("accord-bench");
        Config config = Config.load(null, Map.of(), Map.of("server.port", "0", "data.dir", data.toString(),
                "pki.dir", m.pki.toString(), "log.requests", "false"));
        try (Service service = Service.start(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            String base = service.url();
            int originals = (warmup + requests + 1) / 2 + 1;
            progress.accept("sign-http: issuing " + originals + " originals for " + (warmup + requests) + " signatures");
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (int i = 0; i * 2 < originals; i++) {
                String yaml = new String(m.cicaYaml, StandardCharsets.UTF_8).replaceFirst("en: \"Protocol on ",
                        "en: \"Protocol (benchmark copy " + (i + 1) + ") on ");
                String id = json(send(post(base + "/api/agreements", "secretariat", "application/yaml",
                        yaml.getBytes(StandardCharsets.UTF_8)), 201)).path("id").asText();
                JsonNode issued = json(send(post(base + "/api/agreements/" + id + "/originals", "secretariat", "application/json",
                        "{\"layout\":\"parallel\",\"order\":\"any\"}".getBytes(StandardCharsets.UTF_8)), 201));
                for (JsonNode o : issued.path("originals")) {
                    List<String> links = new ArrayList<>();
                    o.path("signingLinks").forEach(l -> links.add(l.asText().replace("/sign/", "/api/sign/")));
                    first.add(links.get(0));
                    second.add(links.get(1));
                }
            }
            ConcurrentLinkedQueue<String> links = new ConcurrentLinkedQueue<>(first);
            links.addAll(second);
            run(warmup, clients, links);
            progress.accept("sign-http: " + requests + " signatures, " + clients + " clients");
            long start = System.nanoTime();
            double[] millis = run(requests, clients, links);
            double seconds = (System.nanoTime() - start) / 1e9;
            Stats s = Sampler.ofMillis(millis);
            double perS = requests / seconds;
            return new CaseResult("sign-http", s.medianMs(), rawSignature.medianMs(), perS, s.p99Ms(), Double.NaN,
                    ">= 20/s, p99 < 400 ms", perS >= 20 && s.p99Ms() < 400,
                    clients + " clients, server-held keys, B-LT; baseline: DSS alone, one signature in-process");
        }
    }

    private double[] run(int n, int clients, ConcurrentLinkedQueue<String> links) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Double>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    String link = links.poll();
                    if (link == null) {
                        throw new IllegalStateException("the benchmark ran out of signing links");
                    }
                    long t = System.nanoTime();
                    send(signature(link), 201);
                    return (System.nanoTime() - t) / 1e6;
                }));
            }
            double[] millis = new double[n];
            for (int i = 0; i < n; i++) {
                millis[i] = futures.get(i).get();
            }
            return millis;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code accord serve} restarted {@code times} times on the data of a first start, until {@code /health} answers
     * 200: through {@code bin/accord} when this runs from an installation (which maps the classes its first start
     * archived), else {@code java -jar} on the packaged jar; beside the same JVM starting the jar for
     * {@code --version}. The first start (database created, demo users hashed, archive written) is not counted.
     */
    CaseResult coldStart(int times) throws Exception {
        Path jar = Path.of(HttpCases.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!jar.toString().endsWith(".jar")) {
            return new CaseResult("cold-start", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "<= 2000 ms", false,
                    "not run: the benchmark is not running from the packaged jar");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String home = System.getProperty("accord.home");
        Path launcher = home == null ? null : Path.of(home, "bin", "accord");
        List<String> serve = launcher != null && Files.isExecutable(launcher) ? List.of(launcher.toString(), "serve")
                : List.of(java, "-jar", jar.toString(), "serve");
        Path data = Files.createTempDirectory("accord-cold");
        progress.accept("cold-start: first start (not counted)");
        double first = serveUntilHealthy(serve, data);
        double[] restarts = new double[times];
        double[] bare = new double[times];
        for (int i = 0; i < times; i++) {
            progress.accept("cold-start: " + (i + 1) + " of " + times);
            restarts[i] = serveUntilHealthy(serve, data);
            long t = System.nanoTime();
            Process p = new ProcessBuilder(java, "-jar", jar.toString(), "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            bare[i] = (System.nanoTime() - t) / 1e6;
        }
        Stats s = Sampler.ofMillis(restarts);
        Stats b = Sampler.ofMillis(bare);
        return new CaseResult("cold-start", s.medianMs(), b.medianMs(), 1000 / s.medianMs(), s.p99Ms(), Double.NaN, "<= 2000 ms",
                s.medianMs() <= 2000, String.format(Locale.ROOT, "%s serve restarted to /health 200 (first start %.0f ms); "
                        + "baseline: the jar for --version", serve.size() == 2 ? "bin/accord" : "java -jar", first));
    }

    private double serveUntilHealthy(List<String> serve, Path data) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(serve);
        command.addAll(List.of("--port", Integer.toString(port), "--data", data.toString()));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return (System.nanoTime() - t) / 1e6;
                    }
                } catch (IOException e) {
                    Thread.sleep(10);
                }
                if (!p.isAlive()) {
                    throw new IllegalStateException("accord serve exited during its cold start (exit " + p.exitValue() + ")");
                }
            }
            throw new IllegalStateException("accord serve did not answer /health within 60 s");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static HttpRequest post(String url, String user, String type, byte[] body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).header("Content-Type", type)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** A signature through a link with the key the server holds for its party (multipart, as the form sends it). */
    private static HttpRequest signature(String link) {
        String boundary = "b" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"place\"\r\n\r\nAstana\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"placeRu\"\r\n\r\nАстане\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n" + PASSWORD + "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private byte[] send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered " + r.statusCode()
                    + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    private static JsonNode json(byte[] body) throws IOException {
        return JSON.readTree(body);
    }
}
