package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Links that download one revision of an original until they expire; only the SHA-256 of their token is kept. */
public final class Downloads {

    private final Database db;

    public Downloads(Database db) {
        this.db = db;
    }

    /** What a download link gives: a revision of an original, until when. */
    public record Download(String originalId, int revision, Instant expiresAt) {
    }

    static void insert(Connection c, String tokenSha256, String originalId, int revision, Instant expires) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO downloads (token_sha256, original_id, revision, expires_at) "
                + "VALUES (?, ?, ?, ?)")) {
            s.setString(1, tokenSha256);
            s.setString(2, originalId);
            s.setInt(3, revision);
            Rows.time(s, 4, expires);
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
                    return Optional.of(new Download(r.getString("original_id"), r.getInt("revision"), Rows.time(r, "expires_at")));
                }
            }
        });
    }
}
