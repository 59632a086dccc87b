package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Signing invitations, found by the SHA-256 of their token; the token itself is never stored. */
public final class Invitations {

    private final Database db;

    public Invitations(Database db) {
        this.db = db;
    }

    static Invitation insert(Connection c, String id, String originalId, String partyId, String tokenSha256, Instant expires,
                             String actor) throws SQLException {
        Invitation inv = new Invitation(id, originalId, partyId, expires, null, null, 0, Rows.now());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO invitations (id, original_id, party_id, token_sha256, "
                + "expires_at, failed_attempts, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)")) {
            s.setString(1, inv.id());
            s.setString(2, originalId);
            s.setString(3, partyId);
            s.setString(4, tokenSha256);
            Rows.time(s, 5, expires);
            Rows.time(s, 6, inv.createdAt());
            s.executeUpdate();
        }
        AuditTrail.append(c, actor, "invitation.created", "original:" + originalId + "/party:" + partyId, null,
                "link expires " + expires);
        return inv;
    }

    /**
     * Revokes the open links of a party of an original ({@code partyId} null: of every party), each with an audit event
     * ({@code invitation.revoked}, why in its detail), in the caller's transaction.
     */
    static void revokeOpen(Connection c, String originalId, String partyId, Instant now, String actor, String why) throws SQLException {
        List<String[]> open = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, party_id FROM invitations WHERE original_id = ? "
                + (partyId == null ? "" : "AND party_id = ? ") + "AND used_at IS NULL AND revoked_at IS NULL ORDER BY created_at, id")) {
            s.setString(1, originalId);
            if (partyId != null) {
                s.setString(2, partyId);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    open.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        for (String[] inv : open) {
            try (PreparedStatement s = c.prepareStatement("UPDATE invitations SET revoked_at = ? WHERE id = ? AND used_at IS NULL "
                    + "AND revoked_at IS NULL")) {
                Rows.time(s, 1, now);
                s.setString(2, inv[0]);
                if (s.executeUpdate() == 1) {
                    AuditTrail.append(c, actor, "invitation.revoked", "original:" + originalId + "/party:" + inv[1], null,
                            "invitation " + inv[0] + ": " + why);
                }
            }
        }
    }

    /** Marks the invitation used, if it is still open; false if it was used, revoked or expired meanwhile. */
    static boolean use(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE invitations SET used_at = ? WHERE id = ? AND used_at IS NULL "
                + "AND revoked_at IS NULL AND expires_at > ?")) {
            Rows.time(s, 1, now);
            s.setString(2, id);
            Rows.time(s, 3, now);
            return s.executeUpdate() == 1;
        }
    }

    /** The invitation whose token has this SHA-256. */
    public Optional<Invitation> byTokenHash(String tokenSha256) {
        return db.read(c -> list(c, "token_sha256 = ?", tokenSha256).stream().findFirst());
    }

    /** The invitations of an original, oldest first. */
    public List<Invitation> ofOriginal(String originalId) {
        return db.read(c -> list(c, "original_id = ? ORDER BY created_at, id", originalId));
    }

    /**
     * Counts a wrong password on this link; at {@code limit} failures the link is revoked. Returns the count.
     */
    public int recordFailure(String id, int limit, String actor) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE invitations SET failed_attempts = failed_attempts + 1 WHERE id = ?")) {
                s.setString(1, id);
                s.executeUpdate();
            }
            Invitation inv = list(c, "id = ?", id).get(0);
            if (inv.failedAttempts() >= limit && inv.revokedAt() == null) {
                try (PreparedStatement s = c.prepareStatement("UPDATE invitations SET revoked_at = ? WHERE id = ?")) {
                    Rows.time(s, 1, Rows.now());
                    s.setString(2, id);
                    s.executeUpdate();
                }
                AuditTrail.append(c, actor, "invitation.revoked", "original:" + inv.originalId() + "/party:" + inv.partyId(), null,
                        inv.failedAttempts() + " wrong passwords");
            }
            return inv.failedAttempts();
        });
    }

    private static List<Invitation> list(Connection c, String where, String value) throws SQLException {
        List<Invitation> all = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM invitations WHERE " + where)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(new Invitation(r.getString("id"), r.getString("original_id"), r.getString("party_id"),
                            Rows.time(r, "expires_at"), Rows.time(r, "used_at"), Rows.time(r, "revoked_at"),
                            r.getInt("failed_attempts"), Rows.time(r, "created_at")));
                }
            }
        }
        return all;
    }
}
