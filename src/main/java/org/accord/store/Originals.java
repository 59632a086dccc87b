package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Originals and their revisions. A revision is written once and never changed; a new signature is revision
 * n+1, committed with its bytes, the use of the signing link and the audit event in one transaction.
 */
public final class Originals {

    private static final String REVISION_COLUMNS = "original_id, number, kind, party_id, signer, signed_at, level, size, "
            + "sha256, actor, created_at, intact_signatures";

    private final Database db;

    public Originals(Database db) {
        this.db = db;
    }

    /**
     * Issues the originals of an agreement, each with its first revisions and a signing invitation per party, in
     * one transaction. Throws {@link ConflictException} when the agreement's originals were issued before.
     */
    public List<StoredOriginal> issue(String agreementId, List<NewOriginal> originals, String actor) {
        return db.transaction(c -> {
            List<StoredOriginal> issued = new ArrayList<>();
            for (NewOriginal o : originals) {
                StoredOriginal stored = new StoredOriginal(o.id(), agreementId, o.number(), o.ofTotal(),
                        o.layout(), o.custodian(), Rows.now());
                try (PreparedStatement s = c.prepareStatement("INSERT INTO originals (id, agreement_id, number, of_total, layout, "
                        + "custodian, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, stored.id());
                    s.setString(2, agreementId);
                    s.setInt(3, o.number());
                    s.setInt(4, o.ofTotal());
                    s.setString(5, o.layout());
                    s.setString(6, o.custodian());
                    Rows.time(s, 7, stored.createdAt());
                    s.executeUpdate();
                } catch (SQLException e) {
                    if ("23505".equals(e.getSQLState())) {
                        throw new ConflictException("the originals of agreement " + agreementId + " were issued before", e);
                    }
                    throw e;
                }
                OriginalLocks.insert(c, stored.id());
                int number = 0;
                for (NewRevision r : o.revisions()) {
                    insertRevision(c, stored.id(), number++, r, actor);
                }
                AuditTrail.append(c, actor, "original.issued", "original:" + stored.id(),
                        Rows.sha256(o.revisions().get(o.revisions().size() - 1).bytes()),
                        "original " + o.number() + " of " + o.ofTotal() + " of agreement " + agreementId);
                Rounds.insert(c, stored.id(), o.round());
                o.effects().apply(c, stored.id(), stored.createdAt());
                issued.add(stored);
            }
            return issued;
        });
    }

    /**
     * Stores revision {@code base + 1}. With an invitation, the link is used up in the same transaction.
     * Throws {@link ConflictException} when another revision {@code base + 1} committed first or the link was used.
     */
    public Revision append(String originalId, int base, NewRevision revision, String invitationId, String actor, String action) {
        return append(originalId, base, revision, invitationId, actor, action, Effects.none());
    }

    /** Stores revision {@code base + 1} with what goes with it ({@code effects}), in one transaction. */
    public Revision append(String originalId, int base, NewRevision revision, String invitationId, String actor, String action,
                           Effects effects) {
        return db.transaction(c -> {
            Revision stored;
            try {
                stored = insertRevision(c, originalId, base + 1, revision, actor);
            } catch (SQLException e) {
                throw Database.translate(e);
            }
            if (invitationId != null && !Invitations.use(c, invitationId, stored.createdAt())) {
                throw new ConflictException("the signing link was used, revoked or expired meanwhile");
            }
            AuditTrail.append(c, actor, action, "original:" + originalId + "/revision:" + stored.number(), stored.sha256(),
                    revision.partyId() == null ? revision.kind() : revision.kind() + " for " + revision.partyId()
                            + (revision.level() == null ? "" : " at " + revision.level()));
            effects.apply(c, originalId, stored.createdAt());
            return stored;
        });
    }

    private static Revision insertRevision(Connection c, String originalId, int number, NewRevision r, String actor)
            throws SQLException {
        Revision row = new Revision(originalId, number, r.kind(), r.partyId(), r.signer(), r.signedAt(), r.level(),
                r.bytes().length, Rows.sha256(r.bytes()), actor, Rows.now(), r.intactSignatures());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO revisions (" + REVISION_COLUMNS + ", bytes) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, originalId);
            s.setInt(2, number);
            s.setString(3, r.kind());
            s.setString(4, r.partyId());
            s.setString(5, r.signer());
            Rows.time(s, 6, r.signedAt());
            s.setString(7, r.level());
            s.setLong(8, row.size());
            s.setString(9, row.sha256());
            s.setString(10, actor);
            Rows.time(s, 11, row.createdAt());
            if (r.intactSignatures() == null) {
                s.setNull(12, java.sql.Types.INTEGER);
            } else {
                s.setInt(12, r.intactSignatures());
            }
            s.setBytes(13, r.bytes());
            s.executeUpdate();
        }
        return row;
    }

    /** The original with this id. */
    public Optional<StoredOriginal> find(String id) {
        return db.read(c -> {
            List<StoredOriginal> found = originals(c, "id", id);
            return found.stream().findFirst();
        });
    }

    /** The originals of an agreement, by number. */
    public List<StoredOriginal> ofAgreement(String agreementId) {
        return db.read(c -> originals(c, "agreement_id", agreementId));
    }

    private static List<StoredOriginal> originals(Connection c, String column, String value) throws SQLException {
        List<StoredOriginal> all = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM originals WHERE " + column + " = ? ORDER BY number")) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(new StoredOriginal(r.getString("id"), r.getString("agreement_id"), r.getInt("number"),
                            r.getInt("of_total"), r.getString("layout"), r.getString("custodian"), Rows.time(r, "created_at")));
                }
            }
        }
        return all;
    }

    /** The revisions of an original, oldest first. */
    public List<Revision> revisions(String originalId) {
        return db.read(c -> revisions(c, "original_id = ? ORDER BY number", originalId));
    }

    /** The latest revision of an original (it has at least revision 0 once issued). */
    public Revision latest(String originalId) {
        return db.read(c -> {
            List<Revision> last = revisions(c, "original_id = ? AND number = (SELECT MAX(number) FROM revisions WHERE original_id = ?)",
                    originalId, originalId);
            if (last.isEmpty()) {
                throw new StoreException("original " + originalId + " has no revision");
            }
            return last.get(0);
        });
    }

    /** The latest revision of every original whose latest revision is at {@code level}. */
    public List<Revision> latestAtLevel(String level) {
        return db.read(c -> revisions(c, "level = ? AND number = (SELECT MAX(x.number) FROM revisions x WHERE "
                + "x.original_id = revisions.original_id) ORDER BY original_id", level));
    }

    /** Every original, newest first. */
    public List<StoredOriginal> all() {
        return db.read(c -> {
            List<StoredOriginal> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM originals ORDER BY created_at DESC, number");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(new StoredOriginal(r.getString("id"), r.getString("agreement_id"), r.getInt("number"),
                            r.getInt("of_total"), r.getString("layout"), r.getString("custodian"), Rows.time(r, "created_at")));
                }
            }
            return all;
        });
    }

    /** Every stored revision with these bytes (by SHA-256). */
    public List<Revision> withHash(String sha256) {
        return db.read(c -> revisions(c, "sha256 = ? ORDER BY original_id, number", sha256));
    }

    private static List<Revision> revisions(Connection c, String where, String... values) throws SQLException {
        List<Revision> all = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + REVISION_COLUMNS + " FROM revisions WHERE " + where)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(new Revision(r.getString("original_id"), r.getInt("number"), r.getString("kind"),
                            r.getString("party_id"), r.getString("signer"), Rows.time(r, "signed_at"), r.getString("level"),
                            r.getLong("size"), r.getString("sha256"), r.getString("actor"), Rows.time(r, "created_at"),
                            r.getObject("intact_signatures", Integer.class)));
                }
            }
        }
        return all;
    }

    /** The bytes of revision {@code number}, checked against the SHA-256 recorded with them. */
    public Optional<byte[]> bytes(String originalId, int number) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT bytes, sha256 FROM revisions WHERE original_id = ? AND number = ?")) {
                s.setString(1, originalId);
                s.setInt(2, number);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<byte[]>empty();
                    }
                    byte[] bytes = r.getBytes(1);
                    if (!Rows.sha256(bytes).equals(r.getString(2))) {
                        throw new StoreException("revision " + number + " of original " + originalId
                                + " does not match its recorded SHA-256: the stored bytes were altered");
                    }
                    return Optional.of(bytes);
                }
            }
        });
    }
}
