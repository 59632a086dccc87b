package org.accord.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The full powers attached to a party of an original, before it signs: each file once, never changed, and its
 * SHA-256 in the audit trail (committed with the row).
 */
public final class FullPowers {

    /** An attached file: which party of which original, its name, bytes and digest, who attached it and when. */
    public record Attached(String id, String originalId, String partyId, String fileName, byte[] bytes, long size, String sha256,
                           String actor, Instant at) {
    }

    private final Database db;

    public FullPowers(Database db) {
        this.db = db;
    }

    /** Stores {@code bytes} as {@code fileName} for the party; ConflictException when that name is attached already. */
    public Attached attach(String originalId, String partyId, String fileName, byte[] bytes, String actor) {
        Attached row = new Attached(UUID.randomUUID().toString(), originalId, partyId, fileName, bytes.clone(), bytes.length,
                Rows.sha256(bytes), actor, Rows.now());
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO full_powers (id, original_id, party_id, file_name, bytes, size, "
                    + "sha256, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, row.id());
                s.setString(2, originalId);
                s.setString(3, partyId);
                s.setString(4, fileName);
                s.setBytes(5, row.bytes());
                s.setLong(6, row.size());
                s.setString(7, row.sha256());
                s.setString(8, actor);
                Rows.time(s, 9, row.at());
                s.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new ConflictException("full powers named " + fileName + " are already attached for " + partyId, e);
                }
                throw e;
            }
            AuditTrail.append(c, actor, "fullpowers.attached", "original:" + originalId + "/party:" + partyId, row.sha256(),
                    "full powers " + fileName + " (" + row.size() + " bytes) for " + partyId);
            return row;
        });
    }

    /** What is attached for the party, oldest first. */
    public List<Attached> of(String originalId, String partyId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, file_name, bytes, size, sha256, actor, created_at FROM full_powers "
                    + "WHERE original_id = ? AND party_id = ? ORDER BY created_at, id")) {
                s.setString(1, originalId);
                s.setString(2, partyId);
                List<Attached> found = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        byte[] bytes = r.getBytes("bytes");
                        if (!Rows.sha256(bytes).equals(r.getString("sha256"))) {
                            throw new StoreException("full powers " + r.getString("id") + " do not match their SHA-256");
                        }
                        found.add(new Attached(r.getString("id"), originalId, partyId, r.getString("file_name"), bytes,
                                r.getLong("size"), r.getString("sha256"), r.getString("actor"), Rows.time(r, "created_at")));
                    }
                }
                return found;
            }
        });
    }
}
