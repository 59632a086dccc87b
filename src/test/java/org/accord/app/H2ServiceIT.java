package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.accord.testing.Http;
import org.accord.testing.Seeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service flow on the embedded H2 database of the default set-up. */
class H2ServiceIT extends ServiceFlowContract {

    @TempDir
    static Path data;
    private static Running running;

    @BeforeAll
    static void start() throws IOException {
        running = Running.start(data, Map.of());
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Override
    Running service() {
        return running;
    }

    @Test
    void originals_certified_by_the_seal_take_the_parties_signatures_and_stay_valid() throws Exception {
        String id = running.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.INTERPOL))
                .json().path("id").asText();
        Http.Response issued = running.secretariat.postJson("/api/agreements/" + id + "/originals",
                Map.of("layout", "sequential", "certify", true, "sealPassword", Running.PASSWORD));
        assertEquals(201, issued.status(), issued.toString());
        JsonNode original = issued.json().path("originals").get(0);
        JsonNode revisions = running.secretariat.get("/api/originals/" + original.path("id").asText()).json().path("revisions");
        assertEquals(List.of("issued", "certified"), List.of(revisions.get(0).path("kind").asText(), revisions.get(1).path("kind").asText()));
        Http.Response signed = running.anonymous.postForm(ServiceFlowContract.api(original.path("signingLinks").path("interpol").asText()),
                Http.form("place", "Lyon", "placeRu", "Лионе", "password", Running.PASSWORD));
        assertEquals(201, signed.status(), signed.toString());
        assertEquals(2, signed.json().path("revision").asInt());
        JsonNode doc = ServiceFlowContract.verify(running, running.archivist.get("/api/originals/" + original.path("id").asText()
                + "/pdf").body(), "certified.pdf").path("documents").get(0);
        assertTrue(doc.path("valid").asBoolean(), doc.toString());
        assertEquals(2, doc.path("signatures").size(), "the certification and the party's signature");
    }
}
