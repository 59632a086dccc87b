package org.accord.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store on a real PostgreSQL server (binaries from Maven Central, started on loopback for this class). */
class PostgresStoreIT extends StoreContract {

    private static EmbeddedPostgres postgres;
    private static Database db;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        db = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4);
    }

    @AfterAll
    static void stop() throws IOException {
        if (db != null) {
            db.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    Database database() {
        return db;
    }

    @Test
    void it_is_postgresql() {
        assertEquals("PostgreSQL", db.product());
    }
}
