package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a step of a signing round writes besides its document, committed in the same transaction: invitations,
 * messages to send, the round's state, reminders, the signing certificate, audit events. Built by the workflow,
 * applied by the store; a round state that changed meanwhile rolls all of it back.
 */
public final class Effects {

    private final List<Op> ops = new ArrayList<>();

    /** Nothing besides the document. */
    public static Effects none() {
        return new Effects();
    }

    /** A new signing link for {@code partyId}, whose earlier open links stop working; the party counts as invited. */
    public Effects invite(String partyId, String invitationId, String tokenSha256, Instant expires, String actor) {
        ops.add((c, original, now) -> {
            Invitations.revokeOpen(c, original, partyId, now, actor, "replaced by a new link");
            Invitations.insert(c, invitationId, original, partyId, tokenSha256, expires, actor);
            Rounds.invited(c, original, partyId, now);
        });
        return this;
    }

    /** A message to send. */
    public Effects send(Outbox.NewMessage message) {
        ops.add((c, original, now) -> Outbox.insert(c, original, message, now));
        return this;
    }

    /** The round moves from {@code from} to {@code to}; if it is no longer in {@code from}, nothing is written. */
    public Effects round(Rounds.State from, Rounds.State to, String endedBy, String reason) {
        ops.add((c, original, now) -> Rounds.move(c, original, from, to, endedBy, reason, now));
        return this;
    }

    /** The round (open, or expired) runs again until {@code deadline}. */
    public Effects reopen(Instant deadline) {
        ops.add((c, original, now) -> Rounds.reopen(c, original, deadline));
        return this;
    }

    /** The party was reminded now. */
    public Effects reminded(String partyId) {
        ops.add((c, original, now) -> Rounds.reminded(c, original, partyId, now));
        return this;
    }

    /** Every open link of the original stops working. */
    public Effects revokeLinks(String actor, String why) {
        ops.add((c, original, now) -> Invitations.revokeOpen(c, original, null, now, actor, why));
        return this;
    }

    /** The original's signing certificate, stored once. */
    public Effects certificate(byte[] pdf) {
        ops.add((c, original, now) -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO signing_certificates (original_id, bytes, sha256, created_at) "
                    + "VALUES (?, ?, ?, ?)")) {
                s.setString(1, original);
                s.setBytes(2, pdf);
                s.setString(3, Rows.sha256(pdf));
                Rows.time(s, 4, now);
                s.executeUpdate();
            }
        });
        return this;
    }

    /** A link that downloads revision {@code revision} until {@code expires}. */
    public Effects download(String tokenSha256, int revision, Instant expires) {
        ops.add((c, original, now) -> Downloads.insert(c, tokenSha256, original, revision, expires));
        return this;
    }

    /** An event for the audit trail. */
    public Effects audit(String actor, String action, String subject, String documentSha256, String detail) {
        ops.add((c, original, now) -> AuditTrail.append(c, actor, action, subject, documentSha256, detail));
        return this;
    }

    void apply(Connection c, String originalId, Instant now) throws SQLException {
        for (Op op : ops) {
            op.apply(c, originalId, now);
        }
    }

    @FunctionalInterface
    private interface Op {
        void apply(Connection c, String originalId, Instant now) throws SQLException;
    }
}
