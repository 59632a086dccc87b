package org.accord.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code accord bench-serve}: the service under load on loopback. Renders (previews), signatures (server-held key
 * through signing links) and verifications per second, with p50/p99 latency and peak heap, at one client and at
 * {@code --clients}; and the cold start of {@code accord serve} from the packaged jar.
 */
@Command(name = "bench-serve", mixinStandardHelpOptions = true,
        description = {"Starts the service in-process on a free loopback port with a fresh H2 database and drives it with",
                "HTTP clients: previews, signatures through links, verifications. Then times the cold start of the jar."})
final class ServiceBenchCommand implements Callable<Integer> {

    @Option(names = "--requests", defaultValue = "60", paramLabel = "N", description = "Measured requests per kind and concurrency. Default: ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--warmup", defaultValue = "20", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--clients", defaultValue = "2", paramLabel = "N", description = "Concurrent clients. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--pki", defaultValue = "keystores-sample", paramLabel = "DIR", description = "Default: ${DEFAULT-VALUE}.")
    Path pki;

    @Option(names = "--cold-starts", defaultValue = "3", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int coldStarts;

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("secretariat:accord-demo".getBytes(StandardCharsets.UTF_8));
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("accord-bench");
        Config config = Config.load(null, Map.of(), Map.of("server.port", "0", "data.dir", data.toString(), "pki.dir", pki.toString()));
        try (Service service = Service.start(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            String base = service.url();
            byte[] yaml = Files.readAllBytes(Path.of("templates", "agreements", "cica-sco-rats-2017.yaml"));
            String agreement = JSON.readTree(send(post(base + "/api/agreements", "application/yaml", yaml))).path("id").asText();
            int signatures = (warmup + requests * 2) + 4;
            ConcurrentLinkedQueue<String> links = new ConcurrentLinkedQueue<>();
            System.err.println("accord bench-serve: issuing " + (signatures / 4 + 1) + " agreements for the signatures");
            for (int i = 0; i <= signatures / 4; i++) {
                String id = JSON.readTree(send(post(base + "/api/agreements", "application/yaml", yaml))).path("id").asText();
                for (var o : JSON.readTree(send(post(base + "/api/agreements/" + id + "/originals", "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8)))).path("originals")) {
                    o.path("signingLinks").forEach(l -> links.add(l.asText().replace("/sign/", "/api/sign/")));
                }
            }
            String first = links.poll();
            String second = links.poll();
            form(first, null);
            form(second, null);
            String original = JSON.readTree(send(get(first))).path("pdf").asText();
            byte[] signedPdf = http.send(get(base + original), HttpResponse.BodyHandlers.ofByteArray()).body();

            System.out.printf(Locale.ROOT, "java %s, %d CPUs, heap max %d MiB; H2; B-LT signatures with the sample PKI in-process%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    memory.getHeapMemoryUsage().getMax() >> 20);
            System.out.printf(Locale.ROOT, "%-13s %7s %8s %9s %9s %13s%n", "kind", "clients", "per s", "p50 ms", "p99 ms", "peak heap MiB");
            Map<String, Callable<Void>> kinds = new java.util.LinkedHashMap<>();
            kinds.put("render", () -> {
                check(http.send(get(base + "/api/agreements/" + agreement + "/preview?layout=parallel"),
                        HttpResponse.BodyHandlers.ofByteArray()), 200);
                return null;
            });
            kinds.put("sign", () -> {
                form(links.poll(), null);
                return null;
            });
            kinds.put("verify", () -> {
                form(base + "/api/verify", signedPdf);
                return null;
            });
            for (Map.Entry<String, Callable<Void>> kind : kinds.entrySet()) {
                run(kind.getValue(), warmup, 1);
                for (int c : List.of(1, clients)) {
                    report(kind.getKey(), c, run(kind.getValue(), requests, c));
                }
            }
        }
        coldStart();
        return 0;
    }

    private record Result(List<Double> millis, double seconds, long peakHeap) {
    }

    private Result run(Callable<Void> work, int n, int concurrency) throws Exception {
        System.gc();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    work.call();
                    millis.add((System.nanoTime() - t) / 1e6);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            sampler.interrupt();
        }
        return new Result(millis, (System.nanoTime() - start) / 1e9, peak.get());
    }

    private static void report(String kind, int clients, Result r) {
        List<Double> sorted = new ArrayList<>(r.millis());
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-13s %7d %8.1f %9.1f %9.1f %13d%n", kind, clients, sorted.size() / r.seconds(),
                sorted.get(sorted.size() / 2), sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
                r.peakHeap() >> 20);
    }

    /** Starts the packaged jar until /health answers, {@code coldStarts} times, and prints the median. */
    private void coldStart() throws Exception {
        Path jar = Path.of(ServiceBenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!jar.toString().endsWith(".jar") || coldStarts < 1) {
            System.out.println("cold start: skipped (not running from the packaged jar)");
            return;
        }
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < coldStarts; i++) {
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path data = Files.createTempDirectory("accord-cold");
            long t = System.nanoTime();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                    "serve", "--port", Integer.toString(port), "--data", data.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                while (true) {
                    try {
                        if (http.send(get("http://127.0.0.1:" + port + "/health"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            break;
                        }
                    } catch (java.io.IOException e) {
                        Thread.sleep(20);
                    }
                    if (!p.isAlive()) {
                        throw new IllegalStateException("accord serve exited during the cold start");
                    }
                }
                seconds.add((System.nanoTime() - t) / 1e9);
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
        Collections.sort(seconds);
        System.out.printf(Locale.ROOT, "cold start of `accord serve` to /health 200: median %.2f s of %s%n", seconds.get(seconds.size() / 2),
                seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList());
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH).timeout(Duration.ofSeconds(120)).build();
    }

    private static HttpRequest post(String url, String type, byte[] body) {
        String user = url.endsWith("/api/verify") ? "archivist" : "secretariat";
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).header("Content-Type", type)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":accord-demo").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** A multipart POST: a signature through a link (file null) or a verification (file set). */
    private void form(String url, byte[] file) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (file == null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"place\"\r\n\r\nAstana\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\naccord-demo\r\n").getBytes(StandardCharsets.UTF_8));
        } else {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"o.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        check(http.send(post(url, "multipart/form-data; boundary=" + boundary, out.toByteArray()), HttpResponse.BodyHandlers.ofByteArray()),
                file == null ? 201 : 200);
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        check(r, r.request().method().equals("POST") ? 201 : 200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static void check(HttpResponse<byte[]> r, int expected) {
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
    }
}
