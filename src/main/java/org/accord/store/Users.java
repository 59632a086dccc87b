package org.accord.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** The service's users and their Argon2id password hashes. */
public final class Users {

    private final Database db;

    public Users(Database db) {
        this.db = db;
    }

    /** Adds {@code username} unless it exists; returns whether it was added. */
    public boolean addIfAbsent(String username, User.Role role, char[] password, String actor) {
        String hash = PasswordHash.hash(password);
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO users (username, role, password_hash, created_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, username);
                s.setString(2, role.name());
                s.setString(3, hash);
                Rows.time(s, 4, Rows.now());
                s.executeUpdate();
            }
            AuditTrail.append(c, actor, "user.created", "user:" + username, null, "role " + role.name().toLowerCase());
            return true;
        });
    }

    /** The user whose password this is; empty for an unknown user or a wrong password (which take equally long). */
    public Optional<User> authenticate(String username, char[] password) {
        Optional<String[]> row = db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT role, password_hash FROM users WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new String[] {r.getString(1), r.getString(2)}) : Optional.<String[]>empty();
                }
            }
        });
        String hash = row.map(r -> r[1]).orElse(DUMMY);
        boolean ok = PasswordHash.matches(password, hash);
        return ok && row.isPresent() ? Optional.of(new User(username, User.Role.valueOf(row.get()[0]))) : Optional.empty();
    }

    /** Verified against when the user is unknown, so that the answer takes as long as for a known one. */
    private static final String DUMMY = PasswordHash.hash("not a password".toCharArray());
}
