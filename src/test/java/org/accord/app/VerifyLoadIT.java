package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.accord.sign.Level;
import org.accord.sign.SignerFixtures;
import org.accord.testing.Hostile;
import org.accord.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile uploads four at a time against the running service, bounded in count (three rounds) and time, while
 * an archivist verifies a genuine original: /health and the genuine verification keep answering, every hostile
 * upload gets its 422 or its not-valid verdict, and a saturated verifier answers 503 with Retry-After.
 */
class VerifyLoadIT {

    @TempDir
    Path data;

    @Test
    void hostile_uploads_four_at_a_time_leave_health_and_a_normal_verification_answering() throws Exception {
        byte[] genuine = SignerFixtures.cicaSignedByBoth(Level.B_LT);
        List<byte[]> hostile = List.of(Hostile.heavyContent(genuine), Hostile.flateBomb(genuine), Hostile.imageBomb(genuine),
                Hostile.appendPages(genuine, 20_000), Hostile.deepNesting(100_000), Hostile.manyObjects(200_001));
        try (Running s = Running.start(data, Map.of("verify.threads", "2", "verify.timeoutSeconds", "20"))) {
            long alone = timedVerify(s.archivist, genuine);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                long slowestHostile = 0;
                long slowestGenuine = 0;
                for (int round = 0; round < 3; round++) {
                    List<Future<long[]>> attacks = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        byte[] pdf = hostile.get((round * 4 + i) % hostile.size());
                        attacks.add(clients.submit(() -> {
                            long start = System.nanoTime();
                            Http.Response r = s.archivist.postForm("/api/verify", Map.of("file", pdf));
                            assertTrue(r.status() == 422 || (r.status() == 200 && !r.json().path("documents").get(0).path("valid").asBoolean()),
                                    r.toString());
                            return new long[] {(System.nanoTime() - start) / 1_000_000};
                        }));
                    }
                    Http.Response health = s.anonymous.get("/health");
                    assertEquals(200, health.status(), health.toString());
                    assertTrue(health.json().path("verifications").has("running"), health.toString());
                    slowestGenuine = Math.max(slowestGenuine, timedVerify(s.archivist, genuine));
                    for (Future<long[]> a : attacks) {
                        slowestHostile = Math.max(slowestHostile, a.get(60, TimeUnit.SECONDS)[0]);
                    }
                }
                System.err.println("LOAD genuine alone " + alone + " ms; under hostile load at most " + slowestGenuine
                        + " ms; slowest hostile upload " + slowestHostile + " ms");
                assertTrue(slowestHostile < 20_000 + 5_000, "every hostile upload within the deadline: " + slowestHostile);
            } finally {
                clients.shutdownNow();
            }
            JsonNode health = s.anonymous.get("/health").json().path("verifications");
            assertEquals(0, health.path("abandoned").asInt(), health.toString());
        }
    }

    @Test
    void a_saturated_verifier_answers_503_with_retry_after() throws Exception {
        byte[] heavy = Hostile.heavyContent(SignerFixtures.cicaSignedByBoth(Level.B_LT));
        try (Running s = Running.start(data, Map.of("verify.threads", "1"))) {
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<Http.Response>> all = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    all.add(clients.submit(() -> s.archivist.postForm("/api/verify", Map.of("file", heavy))));
                }
                int busy = 0;
                for (Future<Http.Response> f : all) {
                    Http.Response r = f.get(120, TimeUnit.SECONDS);
                    if (r.status() == 503) {
                        busy++;
                        assertEquals("application/problem+json", r.header("Content-Type"), r.toString());
                        assertTrue(Integer.parseInt(r.header("Retry-After")) >= 1, r.toString());
                    } else {
                        assertEquals(200, r.status(), r.toString());
                    }
                }
                assertTrue(busy >= 1, "one thread and four places in the queue cannot take eight at once");
            } finally {
                clients.shutdownNow();
            }
        }
    }

    private static long timedVerify(Http archivist, byte[] pdf) {
        long start = System.nanoTime();
        Http.Response r = archivist.postForm("/api/verify", Map.of("file", pdf));
        assertEquals(200, r.status(), r.toString());
        assertEquals("valid", r.json().path("documents").get(0).path("verdict").asText(), r.toString());
        return (System.nanoTime() - start) / 1_000_000;
    }
}
