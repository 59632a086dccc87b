package org.accord.store;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * Browser sessions, in the database so that any node serves any request and a restart logs nobody out: the session's
 * CSRF token and user, what a page keeps for the next one (flash), and the verifications kept for their downloads.
 * Only the SHA-256 of a session id is stored; the id itself lives in the browser's cookie alone.
 */
public final class BrowserSessions {

    /** A session not used for this long ends. */
    public static final java.time.Duration IDLE = java.time.Duration.ofHours(8);
    /** How many sessions the purge leaves; beyond it, the visitors' seen longest ago go first. */
    public static final int MAX_SESSIONS = 100_000;

    private final Database db;

    public BrowserSessions(Database db) {
        this.db = db;
    }

    /** A stored session: its CSRF token, its user (null before login) and when it was last seen. */
    public record Stored(String csrf, User user, Instant seenAt) {
    }

    /** A kept verification: the report as its codec froze it, and DSS's ETSI validation report (null when none). */
    public record Kept(byte[] report, byte[] etsiXml) {
    }

    /** Stores a new session for {@code sessionId} with its CSRF token and user (null for a visitor). */
    public void create(String sessionId, String csrf, User user, Instant now) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO browser_sessions (id_sha256, csrf, username, created_at, "
                    + "seen_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, hash(sessionId));
                s.setString(2, csrf);
                s.setString(3, user == null ? null : user.username());
                Rows.time(s, 4, now);
                Rows.time(s, 5, now);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The session {@code sessionId} names, with its user as the users table has it now; empty when there is none. */
    public Optional<Stored> find(String sessionId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT b.csrf, b.seen_at, u.username, u.role FROM browser_sessions b "
                    + "LEFT JOIN users u ON u.username = b.username WHERE b.id_sha256 = ?")) {
                s.setString(1, hash(sessionId));
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Stored>empty();
                    }
                    User user = r.getString("username") == null ? null
                            : new User(r.getString("username"), User.Role.valueOf(r.getString("role")));
                    return Optional.of(new Stored(r.getString("csrf"), user, Rows.time(r, "seen_at")));
                }
            }
        });
    }

    /** Records that the session was used at {@code now}. */
    public void touch(String sessionId, Instant now) {
        update("UPDATE browser_sessions SET seen_at = ? WHERE id_sha256 = ?", now, sessionId);
    }

    /** Ends the session, with what it kept. */
    public void delete(String sessionId) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM browser_sessions WHERE id_sha256 = ?")) {
                s.setString(1, hash(sessionId));
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Keeps {@code json} under {@code name} for the session's next page, unless it keeps {@code max} things already. */
    public void flash(String sessionId, String name, String json, int max) {
        String id = hash(sessionId);
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM session_flash WHERE session_sha256 = ? AND name = ?")) {
                s.setString(1, id);
                s.setString(2, name);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO session_flash (session_sha256, name, value_json) "
                    + "SELECT ?, ?, ? FROM browser_sessions WHERE id_sha256 = ? "
                    + "AND (SELECT COUNT(*) FROM session_flash WHERE session_sha256 = ?) < ?")) {
                s.setString(1, id);
                s.setString(2, name);
                s.setString(3, json);
                s.setString(4, id);
                s.setString(5, id);
                s.setInt(6, max);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** What was kept under {@code name}, removed as it is read; empty when nothing. */
    public Optional<String> take(String sessionId, String name) {
        String id = hash(sessionId);
        return db.transaction(c -> {
            String json = null;
            try (PreparedStatement s = c.prepareStatement("SELECT value_json FROM session_flash WHERE session_sha256 = ? AND name = ? "
                    + "FOR UPDATE")) {
                s.setString(1, id);
                s.setString(2, name);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        json = r.getString(1);
                    }
                }
            }
            if (json != null) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM session_flash WHERE session_sha256 = ? AND name = ?")) {
                    s.setString(1, id);
                    s.setString(2, name);
                    s.executeUpdate();
                }
            }
            return Optional.ofNullable(json);
        });
    }

    /** Keeps a verification for the session's downloads, forgetting all but its {@code keep} latest. */
    public void keep(String sessionId, String reportId, Kept kept, Instant now, int keep) {
        String id = hash(sessionId);
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO kept_reports (id, session_sha256, report, etsi_xml, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, reportId);
                s.setString(2, id);
                s.setBytes(3, kept.report());
                s.setBytes(4, kept.etsiXml());
                Rows.time(s, 5, now);
                s.executeUpdate();
            }
            java.util.List<String> older = new java.util.ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM kept_reports WHERE session_sha256 = ? "
                    + "ORDER BY created_at DESC, id")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    for (int n = 0; r.next(); n++) {
                        if (n >= keep && !r.getString(1).equals(reportId)) {
                            older.add(r.getString(1));
                        }
                    }
                }
            }
            for (String old : older) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM kept_reports WHERE id = ?")) {
                    s.setString(1, old);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /** A verification the session kept, or empty (another session's is never returned). */
    public Optional<Kept> kept(String sessionId, String reportId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT report, etsi_xml FROM kept_reports WHERE id = ? AND session_sha256 = ?")) {
                s.setString(1, reportId);
                s.setString(2, hash(sessionId));
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Kept(r.getBytes(1), r.getBytes(2))) : Optional.<Kept>empty();
                }
            }
        });
    }

    /**
     * Ends the sessions not seen since {@code idleBefore}, then, if more than {@code max} remain, the visitors' (not
     * logged in) that were seen longest ago; how many ended.
     */
    public int purge(Instant idleBefore, int max) {
        return db.transaction(c -> {
            int ended;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM browser_sessions WHERE seen_at < ?")) {
                Rows.time(s, 1, idleBefore);
                ended = s.executeUpdate();
            }
            long count;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM browser_sessions");
                 ResultSet r = s.executeQuery()) {
                r.next();
                count = r.getLong(1);
            }
            if (count > max) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM browser_sessions WHERE id_sha256 IN (SELECT id_sha256 FROM "
                        + "browser_sessions WHERE username IS NULL ORDER BY seen_at LIMIT ?)")) {
                    s.setLong(1, count - max);
                    ended += s.executeUpdate();
                }
            }
            return ended;
        });
    }

    /** How many sessions are stored. */
    public long count() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM browser_sessions"); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private void update(String sql, Instant t, String sessionId) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Rows.time(s, 1, t);
                s.setString(2, hash(sessionId));
                s.executeUpdate();
            }
            return null;
        });
    }

    private static String hash(String sessionId) {
        return Rows.sha256(sessionId.getBytes(StandardCharsets.US_ASCII));
    }
}
