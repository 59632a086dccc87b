package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accord.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service flow on a real PostgreSQL server, chosen by db.url as in production. */
class PostgresServiceIT extends ServiceFlowContract {

    @TempDir
    static Path data;
    private static EmbeddedPostgres postgres;
    private static Running running;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        running = Running.start(data, Map.of("db.url", postgres.getJdbcUrl("postgres", "postgres"), "db.user", "postgres",
                "db.password", "postgres"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (running != null) {
            running.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    Running service() {
        return running;
    }

    @Test
    void two_instances_on_one_database_never_lose_a_signature() throws Exception {
        try (Running second = Running.start(data.resolve("second"), Map.of("db.url", postgres.getJdbcUrl("postgres", "postgres"),
                "db.user", "postgres", "db.password", "postgres"))) {
            JsonNode originals = DurabilityIT.issue(running);
            JsonNode original = originals.get(0);
            // warm both instances up on the other original, so that neither is slowed by its first signature
            assertEquals(201, DurabilityIT.sign(second, originals.get(1), "cica", "Astana").status());
            assertEquals(201, DurabilityIT.sign(running, originals.get(1), "sco-rats", "Tashkent").status());
            // each instance has its own locks: only the database's revision key stands between them
            List<Http.Response> both = Race.run(List.of(() -> DurabilityIT.sign(running, original, "cica", "Astana"),
                    () -> DurabilityIT.sign(second, original, "sco-rats", "Tashkent")));
            both.forEach(r -> assertEquals(201, r.status(), r.toString()));
            JsonNode doc = ServiceFlowContract.verify(running, running.archivist.get("/api/originals/" + original.path("id").asText()
                    + "/pdf").body(), "o.pdf").path("documents").get(0);
            assertTrue(doc.path("valid").asBoolean(), doc.toString());
            assertEquals(2, doc.path("signatures").size());
        }
    }
}
