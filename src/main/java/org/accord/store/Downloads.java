package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Links that download one file of an original until they expire; only the SHA-256 of their token is kept. */
public final class Downloads {

    private final Database db;

    public Downloads(Database db) {
        this.db = db;
    }

    /** What a download link gives: a revision of an original, or its signing certificate ({@code revision} null). */
    public record Download(String originalId, String what, Integer revision, Instant expiresAt) {
    }

    static void insert(Connection c, String tokenSha256, String originalId, String what, Integer revision, Instant expires)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO downloads (token_sha256, original_id, what, revision, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, tokenSha256);
            s.setString(2, originalId);
            s.setString(3, what);
            if (revision == null) {
                s.setNull(4, java.sql.Types.INTEGER);
            } else {
                s.setInt(4, revision);
            }
            Rows.time(s, 5, expires);
            s.executeUpdate();
        }
    }

    /** The download whose token has this SHA-256. */
    public Optional<Download> byTokenHash(String tokenSha256) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM downloads WHERE token_sha256 = ?")) {
                s.setString(1, tokenSha256);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Download>empty();
                    }
                    int revision = r.getInt("revision");
                    return Optional.of(new Download(r.getString("original_id"), r.getString("what"), r.wasNull() ? null : revision,
                            Rows.time(r, "expires_at")));
                }
            }
        });
    }
}
