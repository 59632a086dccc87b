package org.accord.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The bytes of a revision to store, and what made it: {@code kind} is issued, certified, signed or extended;
 * {@code partyId}, {@code signer}, {@code signedAt} (the time-stamp's time) and {@code level} describe a signature.
 */
public record NewRevision(String kind, String partyId, String signer, Instant signedAt, String level, byte[] bytes) {

    public NewRevision {
        Objects.requireNonNull(kind, "kind cannot be null");
        Objects.requireNonNull(bytes, "bytes cannot be null");
    }

    /** A revision that records no signature. */
    public static NewRevision of(String kind, byte[] bytes) {
        return new NewRevision(kind, null, null, null, null, bytes);
    }
}
