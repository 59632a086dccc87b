package org.accord.store;

import java.time.Instant;

/** A party's invitation to sign one original, reached through a link whose token only its holder knows. */
public record Invitation(String id, String originalId, String partyId, Instant expiresAt, Instant usedAt, Instant revokedAt,
                         int failedAttempts, Instant createdAt) {

    /** Whether the link can still be used at {@code now}. */
    public State state(Instant now) {
        if (usedAt != null) {
            return State.USED;
        }
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.OPEN : State.EXPIRED;
    }

    /** Where a link stands. */
    public enum State {
        OPEN, USED, REVOKED, EXPIRED
    }
}
