package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hash-chained audit trail: who did what, when, to which document. An event is appended in the same
 * transaction as the change it records, so the trail and the data cannot disagree.
 */
public final class AuditTrail {

    /** The hash before the first event. */
    public static final String GENESIS = "0".repeat(64);

    private final Database db;

    public AuditTrail(Database db) {
        this.db = db;
    }

    /** Appends an event on its own (for events that change nothing else, such as a verification). */
    public AuditEvent record(String actor, String action, String subject, String documentSha256, String detail) {
        return db.transaction(c -> append(c, actor, action, subject, documentSha256, detail));
    }

    /** Appends an event inside the caller's transaction. Appends are serialised by the lock on the chain's head row. */
    static AuditEvent append(Connection c, String actor, String action, String subject, String documentSha256, String detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE audit_head SET seq = seq + 1 WHERE id = 1")) {
            s.executeUpdate();
        }
        long seq;
        String prev;
        try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            r.next();
            seq = r.getLong(1);
            prev = r.getString(2);
        }
        AuditEvent unhashed = new AuditEvent(seq, Rows.now(), actor, action, subject, documentSha256, clip(detail), prev, null);
        AuditEvent event = new AuditEvent(seq, unhashed.at(), actor, action, subject, documentSha256, unhashed.detail(), prev,
                unhashed.expectedHash());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_events (seq, at, actor, action, subject, "
                + "document_sha256, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, seq);
            Rows.time(s, 2, event.at());
            s.setString(3, actor);
            s.setString(4, action);
            s.setString(5, subject);
            s.setString(6, documentSha256);
            s.setString(7, event.detail());
            s.setString(8, prev);
            s.setString(9, event.hash());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE audit_head SET hash = ? WHERE id = 1")) {
            s.setString(1, event.hash());
            s.executeUpdate();
        }
        return event;
    }

    private static String clip(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…";
    }

    /** The whole trail and its head, read in one transaction, with the first place where the chain breaks. */
    public Chain chain() {
        return db.read(c -> {
            List<AuditEvent> events = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM audit_events ORDER BY seq");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new AuditEvent(r.getLong("seq"), Rows.time(r, "at"), r.getString("actor"), r.getString("action"),
                            r.getString("subject"), r.getString("document_sha256"), r.getString("detail"),
                            r.getString("prev_hash"), r.getString("hash")));
                }
            }
            String head;
            try (PreparedStatement s = c.prepareStatement("SELECT hash FROM audit_head WHERE id = 1");
                 ResultSet r = s.executeQuery()) {
                r.next();
                head = r.getString(1);
            }
            return new Chain(List.copyOf(events), head, firstBreak(events, head));
        });
    }

    /** The trail oldest first, the head hash, and where the chain breaks (empty when it holds). */
    public record Chain(List<AuditEvent> events, String head, Optional<String> firstBreak) {
    }

    /** The first place where the chain does not hold: a changed, missing or reordered event. */
    static Optional<String> firstBreak(List<AuditEvent> events, String head) {
        String prev = GENESIS;
        long expectedSeq = 1;
        for (AuditEvent e : events) {
            if (e.seq() != expectedSeq) {
                return Optional.of("event " + expectedSeq + " is missing");
            }
            if (!e.prevHash().equals(prev)) {
                return Optional.of("event " + e.seq() + " does not follow event " + (e.seq() - 1));
            }
            if (!e.hash().equals(e.expectedHash())) {
                return Optional.of("event " + e.seq() + " was changed after it was recorded");
            }
            prev = e.hash();
            expectedSeq++;
        }
        return head.equals(prev) ? Optional.empty() : Optional.of("events after " + (expectedSeq - 1) + " are missing");
    }
}
