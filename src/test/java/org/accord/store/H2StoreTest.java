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
    void a_database_with_agreements_sharing_a_title_migrates_and_the_oldest_keeps_the_title(@TempDir Path older) throws Exception {
        String url = Database.h2Url(older);
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("3").load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
             java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO agreements (id, data_id, title_en, title_ru, source, "
                     + "source_sha256, created_by, created_at) VALUES (?, 'x', ?, 'П', X'00', ?, 'secretariat', ?)")) {
            int minute = 0;
            for (String[] row : new String[][] {{"a-newer", "Protocol"}, {"a-oldest", "Protocol"}, {"a-other", "Agreement"}}) {
                s.setString(1, row[0]);
                s.setString(2, row[1]);
                s.setString(3, "0".repeat(64));
                s.setObject(4, java.time.OffsetDateTime.parse("2026-01-01T10:0" + (row[0].equals("a-oldest") ? 0 : ++minute) + ":00Z"));
                s.executeUpdate();
            }
        }
        try (Database migrated = Database.open(url, "sa", "", 2)) {
            Agreements agreements = new Agreements(migrated);
            assertEquals(3, agreements.list().size(), "nothing lost");
            DuplicateTitleException e = org.junit.jupiter.api.Assertions.assertThrows(DuplicateTitleException.class,
                    () -> agreements.create("x", "protocol", "П", new byte[] {1}, "secretariat"));
            assertEquals("a-oldest", e.existingId());
            assertEquals("a-other", org.junit.jupiter.api.Assertions.assertThrows(DuplicateTitleException.class,
                    () -> agreements.create("x", "Agreement", "С", new byte[] {1}, "secretariat")).existingId());
        }
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
