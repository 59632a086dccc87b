package org.accord.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on the embedded H2 file database of the default set-up. */
class H2StoreTest extends StoreContract {

    @TempDir
    static Path dir;

    private static Database db;

    @BeforeAll
    static void open() {
        db = Database.open(Database.h2Url(dir), "sa", "", 4);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    Database database() {
        return db;
    }

    @Test
    void a_reopened_database_keeps_everything() {
        String id = new Agreements(db).create("x", "X", "Х", new byte[] {1, 2, 3}, "secretariat");
        db.close();
        db = Database.open(Database.h2Url(dir), "sa", "", 4);
        assertEquals("Х", new Agreements(db).find(id).orElseThrow().titleRu());
        assertEquals("H2", db.product());
    }
}
