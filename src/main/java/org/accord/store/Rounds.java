package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The signing round of each original: order, deadline, who was invited and reminded when, and how it ended. */
public final class Rounds {

    private final Database db;

    public Rounds(Database db) {
        this.db = db;
    }

    /** Where a round stands: open; signed by every party (certificate under way); completed; declined; expired. */
    public enum State {
        OPEN, SIGNED, COMPLETED, DECLINED, EXPIRED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** A party of a round to be: its id and its signatory's address (may be null). */
    public record NewParty(String partyId, String email) {
    }

    /** A round to start with an original: in the parties' order or any, until {@code deadline}. */
    public record NewRound(boolean ordered, Instant deadline, List<NewParty> parties) {

        public NewRound {
            parties = List.copyOf(parties);
        }
    }

    /** A party of a round. */
    public record Party(String partyId, int position, String email, Instant invitedAt, Instant remindedAt) {
    }

    /** A round as stored. */
    public record Round(String originalId, boolean ordered, Instant deadline, State state, Instant endedAt, String endedBy,
                        String reason, List<Party> parties) {

        public Round {
            parties = List.copyOf(parties);
        }

        /** The party with this id. */
        public Optional<Party> party(String partyId) {
            return parties.stream().filter(p -> p.partyId().equals(partyId)).findFirst();
        }
    }

    static void insert(Connection c, String originalId, NewRound round) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO rounds (original_id, ordered, deadline, state) VALUES (?, ?, ?, 'open')")) {
            s.setString(1, originalId);
            s.setBoolean(2, round.ordered());
            Rows.time(s, 3, round.deadline());
            s.executeUpdate();
        }
        int position = 0;
        for (NewParty p : round.parties()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO round_parties (original_id, party_id, position, email) "
                    + "VALUES (?, ?, ?, ?)")) {
                s.setString(1, originalId);
                s.setString(2, p.partyId());
                s.setInt(3, position++);
                s.setString(4, p.email());
                s.executeUpdate();
            }
        }
    }

    static void move(Connection c, String originalId, State from, State to, String endedBy, String reason, Instant now)
            throws SQLException {
        boolean ends = to != State.OPEN && to != State.SIGNED;
        try (PreparedStatement s = c.prepareStatement("UPDATE rounds SET state = ?, ended_at = COALESCE(?, ended_at), "
                + "ended_by = COALESCE(?, ended_by), reason = COALESCE(?, reason) WHERE original_id = ? AND state = ?")) {
            s.setString(1, to.code());
            Rows.time(s, 2, ends ? now : null);
            s.setString(3, endedBy);
            s.setString(4, reason);
            s.setString(5, originalId);
            s.setString(6, from.code());
            if (s.executeUpdate() != 1) {
                throw new ConflictException("the signing round of original " + originalId + " is no longer " + from.code());
            }
        }
    }

    /** An open or expired round runs again until {@code deadline} (a new link after the old deadline). */
    static void reopen(Connection c, String originalId, Instant deadline) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE rounds SET state = 'open', deadline = ?, ended_at = NULL, "
                + "ended_by = NULL, reason = NULL WHERE original_id = ? AND state IN ('open', 'expired')")) {
            Rows.time(s, 1, deadline);
            s.setString(2, originalId);
            if (s.executeUpdate() != 1) {
                throw new ConflictException("the signing round of original " + originalId + " ended meanwhile");
            }
        }
    }

    static void invited(Connection c, String originalId, String partyId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE round_parties SET invited_at = ?, reminded_at = NULL "
                + "WHERE original_id = ? AND party_id = ?")) {
            Rows.time(s, 1, now);
            s.setString(2, originalId);
            s.setString(3, partyId);
            s.executeUpdate();
        }
    }

    static void reminded(Connection c, String originalId, String partyId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE round_parties SET reminded_at = ? WHERE original_id = ? AND party_id = ?")) {
            Rows.time(s, 1, now);
            s.setString(2, originalId);
            s.setString(3, partyId);
            s.executeUpdate();
        }
    }

    /** Writes {@code effects} for an original in one transaction (a round that moved meanwhile writes nothing). */
    public void apply(String originalId, Effects effects) {
        db.transaction(c -> {
            effects.apply(c, originalId, Rows.now());
            return null;
        });
    }

    /** The round of an original (none for originals issued before rounds existed). */
    public Optional<Round> of(String originalId) {
        return db.read(c -> rounds(c, "original_id = ?", originalId).stream().findFirst());
    }

    /** Every round in {@code state}, by deadline. */
    public List<Round> inState(State state) {
        return db.read(c -> rounds(c, "state = ? ORDER BY deadline, original_id", state.code()));
    }

    private static List<Round> rounds(Connection c, String where, String value) throws SQLException {
        List<Round> all = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM rounds WHERE " + where)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString("original_id");
                    all.add(new Round(id, r.getBoolean("ordered"), Rows.time(r, "deadline"), State.of(r.getString("state")),
                            Rows.time(r, "ended_at"), r.getString("ended_by"), r.getString("reason"), List.of()));
                }
            }
        }
        List<Round> withParties = new ArrayList<>();
        for (Round round : all) {
            List<Party> parties = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM round_parties WHERE original_id = ? ORDER BY position")) {
                s.setString(1, round.originalId());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        parties.add(new Party(r.getString("party_id"), r.getInt("position"), r.getString("email"),
                                Rows.time(r, "invited_at"), Rows.time(r, "reminded_at")));
                    }
                }
            }
            withParties.add(new Round(round.originalId(), round.ordered(), round.deadline(), round.state(), round.endedAt(),
                    round.endedBy(), round.reason(), parties));
        }
        return withParties;
    }

    /** The signing certificate of a completed original. */
    public Optional<byte[]> certificate(String originalId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT bytes, sha256 FROM signing_certificates WHERE original_id = ?")) {
                s.setString(1, originalId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<byte[]>empty();
                    }
                    byte[] bytes = r.getBytes(1);
                    if (!Rows.sha256(bytes).equals(r.getString(2))) {
                        throw new StoreException("the signing certificate of original " + originalId + " was altered");
                    }
                    return Optional.of(bytes);
                }
            }
        });
    }
}
