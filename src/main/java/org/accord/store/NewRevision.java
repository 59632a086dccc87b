package org.accord.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The bytes of a revision to store, and what made it: {@code kind} is issued, certified, signed or extended;
 * {@code partyId}, {@code signer}, {@code signedAt} (the time-stamp's time) and {@code level} describe a signature;
 * {@code intactSignatures} is the verdict to record with it (how many signatures are known intact in it; null: unknown).
 */
public record NewRevision(String kind, String partyId, String signer, Instant signedAt, String level, byte[] bytes,
                          Integer intactSignatures) {

    public NewRevision {
        Objects.requireNonNull(kind, "kind cannot be null");
        Objects.requireNonNull(bytes, "bytes cannot be null");
        if (intactSignatures != null && intactSignatures < 0) {
            throw new IllegalArgumentException("intactSignatures cannot be negative");
        }
    }

    /** A revision whose verdict is not recorded. */
    public NewRevision(String kind, String partyId, String signer, Instant signedAt, String level, byte[] bytes) {
        this(kind, partyId, signer, signedAt, level, bytes, null);
    }

    /** A revision that records no signature, with no verdict recorded. */
    public static NewRevision of(String kind, byte[] bytes) {
        return new NewRevision(kind, null, null, null, null, bytes);
    }

    /** A revision that records no signature, with {@code intactSignatures} known intact in it. */
    public static NewRevision of(String kind, byte[] bytes, int intactSignatures) {
        return new NewRevision(kind, null, null, null, null, bytes, intactSignatures);
    }
}
