package org.accord.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Mails and webhook events waiting to go out. A message is written in the transaction of the change it announces;
 * a delivery job claims due messages for a lease, so two nodes never send the same one, and a crash mid-delivery
 * only delays it until the lease ends.
 */
public final class Outbox {

    /** How many times a message is tried before it is marked failed. */
    public static final int MAX_ATTEMPTS = 12;
    private static final String COLUMNS = "id, channel, kind, original_id, party_id, recipient, subject, body, link, state, "
            + "attempts, next_attempt_at, last_error, created_at, sent_at";

    private final Database db;

    public Outbox(Database db) {
        this.db = db;
    }

    /** Where a message stands. */
    public enum State {
        PENDING, SENDING, SENT, FAILED, HANDED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A file a mail carries. */
    public record Attachment(String fileName, String contentType, byte[] bytes) {
    }

    /**
     * A message to write: {@code channel} mail (recipient an address, may be empty when none is known) or webhook
     * (recipient a URL); {@code kind} says what it announces; {@code link} the personal link it carries and
     * {@code redacted} the body to keep once it is delivered (both null for a message without a link).
     */
    public record NewMessage(String channel, String kind, String partyId, String recipient, String subject, String body,
                             String link, String redacted, List<Attachment> attachments) {

        public NewMessage {
            attachments = List.copyOf(attachments);
            recipient = recipient == null ? "" : recipient;
        }
    }

    /** A stored message; {@code link} is its personal link until it is delivered or handed over. */
    public record Message(String id, String channel, String kind, String originalId, String partyId, String recipient,
                          String subject, String body, String link, State state, int attempts, Instant nextAttemptAt,
                          String lastError, Instant createdAt, Instant sentAt) {
    }

    static void insert(Connection c, String originalId, NewMessage m, Instant now) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (" + COLUMNS + ", redacted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, 0, ?, NULL, ?, NULL, ?)")) {
            s.setString(1, id);
            s.setString(2, m.channel());
            s.setString(3, m.kind());
            s.setString(4, originalId);
            s.setString(5, m.partyId());
            s.setString(6, m.recipient());
            s.setString(7, m.subject());
            s.setBytes(8, m.body().getBytes(StandardCharsets.UTF_8));
            s.setString(9, m.link());
            s.setString(10, State.PENDING.code());
            Rows.time(s, 11, now);
            Rows.time(s, 12, now);
            s.setBytes(13, m.redacted() == null ? null : m.redacted().getBytes(StandardCharsets.UTF_8));
            s.executeUpdate();
        }
        int position = 0;
        for (Attachment a : m.attachments()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox_attachments (message_id, position, file_name, "
                    + "content_type, bytes) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setInt(2, position++);
                s.setString(3, a.fileName());
                s.setString(4, a.contentType());
                s.setBytes(5, a.bytes());
                s.executeUpdate();
            }
        }
    }

    /**
     * Claims up to {@code limit} due messages of {@code channel} for {@code lease}: each is claimed by one
     * statement that only succeeds while it is still due, so concurrent claimers never share a message.
     */
    public List<Message> claim(String channel, Instant now, Duration lease, int limit) {
        List<Message> due = db.read(c -> list(c, "channel = ? AND state IN ('pending', 'sending') AND next_attempt_at <= ? "
                + "AND recipient <> '' ORDER BY next_attempt_at, created_at FETCH FIRST " + limit + " ROWS ONLY", channel, now));
        List<Message> claimed = new ArrayList<>();
        for (Message m : due) {
            boolean won = db.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET state = 'sending', next_attempt_at = ?, "
                        + "attempts = attempts + 1 WHERE id = ? AND state = ? AND next_attempt_at = ? AND attempts = ?")) {
                    Rows.time(s, 1, now.plus(lease));
                    s.setString(2, m.id());
                    s.setString(3, m.state().code());
                    Rows.time(s, 4, m.nextAttemptAt());
                    s.setInt(5, m.attempts());
                    return s.executeUpdate() == 1;
                }
            });
            if (won) {
                claimed.add(new Message(m.id(), m.channel(), m.kind(), m.originalId(), m.partyId(), m.recipient(), m.subject(),
                        m.body(), m.link(), State.SENDING, m.attempts() + 1, now.plus(lease), m.lastError(), m.createdAt(), m.sentAt()));
            }
        }
        return claimed;
    }

    /** The files a mail carries, in order. */
    public List<Attachment> attachments(String messageId) {
        return db.read(c -> {
            List<Attachment> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT file_name, content_type, bytes FROM outbox_attachments "
                    + "WHERE message_id = ? ORDER BY position")) {
                s.setString(1, messageId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        all.add(new Attachment(r.getString(1), r.getString(2), r.getBytes(3)));
                    }
                }
            }
            return all;
        });
    }

    /** Marks a claimed message delivered; its body loses the signing link it carried. */
    public void sent(String id, Instant at) {
        db.transaction(c -> {
            finish(c, id, State.SENT, at, null);
            return null;
        });
    }

    /** How many messages wait to be delivered (pending or being sent), on every channel: the outbox backlog. */
    public long backlog() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** Marks a pending message given over by hand (no mail server, or no address); its link is no longer shown. */
    public boolean handedOver(String id, String actor) {
        return db.transaction(c -> {
            Optional<Message> m = list(c, "id = ?", id).stream().findFirst();
            if (m.isEmpty() || m.get().state() != State.PENDING) {
                return false;
            }
            finish(c, id, State.HANDED, Rows.now(), null);
            AuditTrail.append(c, actor, "message.handed-over", "message:" + id, null, m.get().kind() + " for "
                    + (m.get().partyId() == null ? "the secretariat" : m.get().partyId()));
            return true;
        });
    }

    /** Records a failed attempt: tried again at {@code retryAt}, or marked failed after {@link #MAX_ATTEMPTS}. */
    public void failed(String id, String error, Instant retryAt) {
        db.transaction(c -> {
            Message m = list(c, "id = ?", id).get(0);
            String clipped = error.length() > 500 ? error.substring(0, 499) + "…" : error;
            if (m.attempts() >= MAX_ATTEMPTS) {
                finish(c, id, State.FAILED, null, clipped);
                AuditTrail.append(c, "system", "message.failed", "message:" + id, null, m.kind() + " to " + m.recipient()
                        + " after " + m.attempts() + " attempts: " + clipped);
                return null;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ? "
                    + "WHERE id = ?")) {
                Rows.time(s, 1, retryAt);
                s.setString(2, clipped);
                s.setString(3, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static void finish(Connection c, String id, State state, Instant at, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET state = ?, sent_at = ?, last_error = ?, "
                + "body = COALESCE(redacted, body), redacted = NULL, link = NULL WHERE id = ?")) {
            s.setString(1, state.code());
            Rows.time(s, 2, at);
            s.setString(3, error);
            s.setString(4, id);
            s.executeUpdate();
        }
    }

    /** The messages of an original, oldest first. */
    public List<Message> ofOriginal(String originalId) {
        return db.read(c -> list(c, "original_id = ? ORDER BY created_at, id", originalId));
    }

    /** The newest {@code limit} messages. */
    public List<Message> recent(int limit) {
        return db.read(c -> list(c, "1 = 1 ORDER BY created_at DESC, id FETCH FIRST " + limit + " ROWS ONLY"));
    }

    /** The message with this id. */
    public Optional<Message> find(String id) {
        return db.read(c -> list(c, "id = ?", id).stream().findFirst());
    }

    private static List<Message> list(Connection c, String where, Object... values) throws SQLException {
        List<Message> all = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE " + where)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Instant t) {
                    Rows.time(s, i + 1, t);
                } else {
                    s.setString(i + 1, (String) values[i]);
                }
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(new Message(r.getString("id"), r.getString("channel"), r.getString("kind"), r.getString("original_id"),
                            r.getString("party_id"), r.getString("recipient"), r.getString("subject"),
                            new String(r.getBytes("body"), StandardCharsets.UTF_8), r.getString("link"), State.of(r.getString("state")),
                            r.getInt("attempts"), Rows.time(r, "next_attempt_at"), r.getString("last_error"),
                            Rows.time(r, "created_at"), Rows.time(r, "sent_at")));
                }
            }
        }
        return all;
    }
}
