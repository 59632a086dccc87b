package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** What survives a restart, and what two signatories at the same instant get. */
class DurabilityIT {

    @TempDir
    Path data;

    /** One title per draft: a service stores one agreement per title. */
    private static final java.util.concurrent.atomic.AtomicInteger COPIES = new java.util.concurrent.atomic.AtomicInteger();

    static JsonNode issue(Running s) throws Exception {
        String id = s.secretariat.post("/api/agreements", "application/yaml", Seeds.titled(Seeds.CICA, COPIES.incrementAndGet()))
                .json().path("id").asText();
        Http.Response issued = s.secretariat.postJson("/api/agreements/" + id + "/originals", Map.of());
        assertEquals(201, issued.status(), issued.toString());
        return issued.json().path("originals");
    }

    static Http.Response sign(Running s, JsonNode original, String party, String place) {
        return s.anonymous.postForm(ServiceFlowContract.api(original.path("signingLinks").path(party).asText()),
                Http.form("place", place, "placeRu", place, "password", Running.PASSWORD));
    }

    @Test
    void a_restart_keeps_agreements_originals_revisions_links_and_the_audit_chain() throws Exception {
        JsonNode originals;
        String status;
        String head;
        // the same port both times, as in production: the signing links handed out must keep working
        Map<String, String> settings = Map.of("server.port", Integer.toString(freePort()));
        try (Running s = Running.start(data, settings)) {
            originals = issue(s);
            assertEquals(201, sign(s, originals.get(0), "cica", "Astana").status());
            status = s.secretariat.get("/api/originals/" + originals.get(0).path("id").asText()).text();
            head = s.archivist.get("/api/audit").json().path("head").asText();
        }
        try (Running s = Running.start(data, settings)) {
            assertEquals(status, s.secretariat.get("/api/originals/" + originals.get(0).path("id").asText()).text());
            JsonNode audit = s.archivist.get("/api/audit").json();
            assertTrue(audit.path("chainValid").asBoolean());
            assertEquals(head, audit.path("head").asText(), "a restart adds nothing to the trail");
            assertEquals(410, sign(s, originals.get(0), "cica", "Astana").status(), "a used link stays used");
            assertEquals(201, sign(s, originals.get(0), "sco-rats", "Tashkent").status(), "an open link still works");
            JsonNode verdict = ServiceFlowContract.verify(s, s.archivist.get("/api/originals/" + originals.get(0).path("id").asText()
                    + "/pdf").body(), "o.pdf").path("documents").get(0);
            assertTrue(verdict.path("valid").asBoolean(), verdict.toString());
        }
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void two_parties_signing_one_original_at_the_same_instant_both_end_up_in_the_pdf() throws Exception {
        try (Running s = Running.start(data, Map.of())) {
            JsonNode original = issue(s).get(1);
            List<Http.Response> both = Race.run(List.of(() -> sign(s, original, "cica", "Astana"),
                    () -> sign(s, original, "sco-rats", "Tashkent")));
            both.forEach(r -> assertEquals(201, r.status(), r.toString()));
            assertEquals(3, both.get(0).json().path("revision").asInt() + both.get(1).json().path("revision").asInt(),
                    "revisions 1 and 2, one each");
            JsonNode doc = ServiceFlowContract.verify(s, s.archivist.get("/api/originals/" + original.path("id").asText() + "/pdf")
                    .body(), "o.pdf").path("documents").get(0);
            assertTrue(doc.path("valid").asBoolean(), doc.toString());
            assertEquals(2, doc.path("signatures").size());
        }
    }
}
