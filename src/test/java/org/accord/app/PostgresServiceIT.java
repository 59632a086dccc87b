package org.accord.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
}
