package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.accord.testing.Http;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code accord serve} (the packaged jar) at moments spread over a signature, and once right
 * after a signature was acknowledged: after a restart the database opens, every stored revision still matches
 * its SHA-256, an acknowledged signature is there, an interrupted one left nothing behind, and the link of an
 * interrupted signature still works.
 */
class CrashIT {

    @TempDir
    Path data;

    private Process process;
    private Http http;

    private void start(int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "accord.jar").toString(), "serve", "--port", Integer.toString(port), "--data", data.toString());
        pb.environment().put("ACCORD_PKI_DIR", TestPki.dir().toString());
        pb.redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + "-serve.log").toFile());
        process = pb.start();
        http = new Http("http://127.0.0.1:" + port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                if (http.get("/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            assertTrue(process.isAlive(), "accord serve exited: " + Files.readString(data.resolveSibling(data.getFileName() + "-serve.log")));
            assertTrue(Instant.now().isBefore(deadline), "accord serve did not start within 60 s");
            Thread.sleep(100);
        }
    }

    private void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Test
    void kill_9_during_and_right_after_signing_loses_nothing() throws Exception {
        int port = DurabilityIT.freePort();
        start(port);
        Http secretariat = http.as("secretariat", Running.PASSWORD);
        List<String> links = new ArrayList<>();
        List<String> originals = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = secretariat.post("/api/agreements", "application/yaml", Seeds.titled(Seeds.CICA, i + 1)).json().path("id").asText();
            for (JsonNode o : secretariat.postJson("/api/agreements/" + id + "/originals", Map.of()).json().path("originals")) {
                links.add(ServiceFlowContract.api(o.path("signingLinks").path("cica").asText()));
                originals.add(o.path("id").asText());
            }
        }
        long[] killAfterMillis = {100, 250, 400, -1};
        for (int i = 0; i < killAfterMillis.length; i++) {
            String link = links.get(i);
            CompletableFuture<Http.Response> signing = CompletableFuture.supplyAsync(() ->
                    http.postForm(link, Http.form("place", "Astana", "placeRu", "Астане", "password", Running.PASSWORD)));
            boolean acknowledged;
            if (killAfterMillis[i] < 0) {
                assertEquals(201, signing.get().status(), "the signature to kill after");
                kill();
                acknowledged = true;
            } else {
                Thread.sleep(killAfterMillis[i]);
                kill();
                acknowledged = signing.handle((r, e) -> r != null && r.status() == 201).get();
            }
            start(port);
            secretariat = http.as("secretariat", Running.PASSWORD);
            JsonNode status = secretariat.get("/api/originals/" + originals.get(i)).json();
            JsonNode revisions = status.path("revisions");
            for (JsonNode r : revisions) {
                Http.Response pdf = secretariat.get("/api/originals/" + originals.get(i) + "/revisions/" + r.path("number").asInt() + "/pdf");
                assertEquals(200, pdf.status(), "revision " + r.path("number") + " reads back intact: " + pdf);
            }
            boolean signed = status.path("parties").get(0).path("status").asText().equals("signed");
            System.out.println("CrashIT: kill " + i + (killAfterMillis[i] < 0 ? " right after the answer" : " " + killAfterMillis[i]
                    + " ms into the request") + ": acknowledged " + acknowledged + ", committed " + signed);
            if (acknowledged) {
                assertTrue(signed, "an acknowledged signature survives kill -9 (kill " + i + ")");
            }
            assertEquals(signed ? 2 : 1, revisions.size(), "no half-written revision (kill " + i + "): " + status);
            if (!signed) {
                assertEquals(201, http.postForm(link, Http.form("place", "Astana", "placeRu", "Астане", "password", Running.PASSWORD)).status(),
                        "the link of an interrupted signature still works (kill " + i + ")");
            }
            JsonNode verdict = http.as("archivist", Running.PASSWORD).postForm("/api/verify", Http.form("file",
                    secretariat.get("/api/originals/" + originals.get(i) + "/pdf").body())).json().path("documents").get(0);
            assertTrue(verdict.path("valid").asBoolean(), verdict.toString());
            assertTrue(http.as("archivist", Running.PASSWORD).get("/api/audit").json().path("chainValid").asBoolean());
        }
        kill();
    }

}
