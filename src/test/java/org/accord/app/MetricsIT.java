package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accord.testing.Http;
import org.accord.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics}, scraped as Prometheus would after a draft, an issuing, a signature and a verification. */
class MetricsIT {

    @TempDir
    Path data;

    @Test
    void metrics_count_requests_by_route_and_time_renders_signatures_and_verifications_without_any_token() throws Exception {
        try (Running s = Running.start(data, Map.of())) {
            assertEquals(401, s.anonymous.get("/metrics").status(), "not for the public");
            String id = s.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.CICA)).json()
                    .path("id").asText();
            JsonNode original = s.secretariat.postJson("/api/agreements/" + id + "/originals", Map.of()).json().path("originals").get(0);
            String link = original.path("signingLinks").path("cica").asText();
            String token = link.substring(link.lastIndexOf('/') + 1);
            assertEquals(201, s.anonymous.postForm(ServiceFlowContract.api(link), Http.form("place", "Astana", "placeRu", "Астане",
                    "password", Running.PASSWORD)).status());
            byte[] pdf = s.secretariat.get("/api/originals/" + original.path("id").asText() + "/pdf").body();
            assertEquals(200, s.archivist.postForm("/api/verify", Http.form("file", pdf)).status());
            s.anonymous.get("/no/such/page");

            Http.Response scrape = s.archivist.get("/metrics");
            assertEquals(200, scrape.status());
            assertTrue(scrape.header("Content-Type").startsWith("text/plain; version=0.0.4"), scrape.header("Content-Type"));
            String m = scrape.text();
            for (String expected : List.of(
                    "http_server_requests_seconds_count{method=\"POST\",route=\"/api/sign/{token}\",status=\"201\"} 1",
                    "http_server_requests_seconds_count{method=\"POST\",route=\"/api/agreements\",status=\"201\"} 1",
                    "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}",
                    "accord_step_seconds_count{outcome=\"ok\",step=\"render\"} 1",
                    "accord_step_seconds_count{outcome=\"ok\",step=\"signature\"} 1",
                    "accord_step_seconds_count{outcome=\"ok\",step=\"verification\"} 1",
                    "accord_outbox_backlog ", "hikaricp_connections_active", "jvm_memory_used_bytes", "jvm_threads_live_threads")) {
                assertTrue(m.contains(expected), expected + " in:\n" + m.lines().filter(l -> !l.startsWith("#")
                        && (l.startsWith("http_") || l.startsWith("accord_"))).toList());
            }
            assertFalse(m.contains(token), "no signing token in any label");
            assertFalse(m.contains(Running.PASSWORD), "no password");
        }
    }
}
