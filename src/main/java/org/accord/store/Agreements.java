package org.accord.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Drafted agreements. A stored agreement never changes: a corrected draft is a new agreement. */
public final class Agreements {

    private final Database db;

    public Agreements(Database db) {
        this.db = db;
    }

    /**
     * Stores a draft and records who made it; returns the new agreement's id. A title that another stored agreement
     * has (see {@link TitleKey}) is refused with {@link DuplicateTitleException}, also when two drafts race.
     */
    public String create(String dataId, String titleEn, String titleRu, byte[] source, String actor) {
        String id = UUID.randomUUID().toString();
        String sha = Rows.sha256(source);
        String key = TitleKey.of(titleEn);
        try {
            return db.transaction(c -> {
                Optional<String> existing = withTitle(c, key);
                if (existing.isPresent()) {
                    throw new DuplicateTitleException(titleEn, existing.get());
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO agreements (id, data_id, title_en, title_ru, source, "
                        + "source_sha256, created_by, created_at, title_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, id);
                    s.setString(2, dataId);
                    s.setString(3, titleEn);
                    s.setString(4, titleRu);
                    s.setBytes(5, source);
                    s.setString(6, sha);
                    s.setString(7, actor);
                    Rows.time(s, 8, Rows.now());
                    s.setString(9, key);
                    s.executeUpdate();
                }
                AuditTrail.append(c, actor, "agreement.created", "agreement:" + id, sha, dataId);
                return id;
            });
        } catch (DuplicateTitleException e) {
            throw e;
        } catch (ConflictException e) {
            // a draft with the same title committed between the check and the insert
            Optional<String> winner = db.read(c -> withTitle(c, key));
            if (winner.isPresent()) {
                throw new DuplicateTitleException(titleEn, winner.get());
            }
            throw e;
        }
    }

    private static Optional<String> withTitle(java.sql.Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM agreements WHERE title_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** What deleting a draft came to. */
    public enum Deletion { DELETED, NOT_FOUND, ISSUED }

    /**
     * Deletes a draft, with an audit event, unless its originals were issued (they and the text they froze are kept
     * for good). The check and the delete are one statement, so an issuing that commits first wins.
     */
    public Deletion delete(String id, String actor) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM agreements WHERE id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM originals o WHERE o.agreement_id = ?)")) {
                s.setString(1, id);
                s.setString(2, id);
                if (s.executeUpdate() == 1) {
                    AuditTrail.append(c, actor, "agreement.deleted", "agreement:" + id, null, null);
                    return Deletion.DELETED;
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM agreements WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Deletion.ISSUED : Deletion.NOT_FOUND;
                }
            }
        });
    }

    /** Every agreement, newest first, without its source. */
    public List<StoredAgreement> list() {
        return db.read(c -> {
            List<StoredAgreement> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, data_id, title_en, title_ru, source_sha256, created_by, "
                    + "created_at FROM agreements ORDER BY created_at DESC, id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(row(r, null));
                }
            }
            return all;
        });
    }

    /** The agreement with its source. */
    public Optional<StoredAgreement> find(String id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM agreements WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(row(r, r.getBytes("source"))) : Optional.<StoredAgreement>empty();
                }
            }
        });
    }

    private static StoredAgreement row(ResultSet r, byte[] source) throws SQLException {
        return new StoredAgreement(r.getString("id"), r.getString("data_id"), r.getString("title_en"), r.getString("title_ru"),
                r.getString("source_sha256"), r.getString("created_by"), Rows.time(r, "created_at"), source);
    }
}
