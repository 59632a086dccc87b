package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 4: one agreement per title. Adds {@code agreements.title_key} ({@link TitleKey}) with a unique index. The
 * key is computed in Java so that both databases agree on it; agreements stored before this version that share a
 * title keep no key (the oldest keeps it), so they stay readable and no new draft can take that title again.
 */
final class V4AgreementTitles implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4");
    }

    @Override
    public String getDescription() {
        return "agreement titles";
    }

    @Override
    public Integer getChecksum() {
        return 4;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE agreements ADD COLUMN title_key CHAR(64)");
        }
        Set<String> taken = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, title_en FROM agreements ORDER BY created_at, id");
             PreparedStatement u = c.prepareStatement("UPDATE agreements SET title_key = ? WHERE id = ?")) {
            while (r.next()) {
                String key = TitleKey.of(r.getString("title_en"));
                if (taken.add(key)) {
                    u.setString(1, key);
                    u.setString(2, r.getString("id"));
                    u.executeUpdate();
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE UNIQUE INDEX agreements_title ON agreements (title_key)");
        }
    }
}
