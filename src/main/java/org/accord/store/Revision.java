package org.accord.store;

import java.time.Instant;

/**
 * A stored revision of an original, without its bytes. Revision 0 is the original as issued. {@code intactSignatures}
 * is the verdict recorded with it: how many signatures were found intact in these bytes (null when none was recorded).
 */
public record Revision(String originalId, int number, String kind, String partyId, String signer, Instant signedAt,
                       String level, long size, String sha256, String actor, Instant createdAt, Integer intactSignatures) {

    /** The original as rendered. */
    public static final String ISSUED = "issued";
    /** Certified with the secretariat's seal. */
    public static final String CERTIFIED = "certified";
    /** Signed for a party. */
    public static final String SIGNED = "signed";
    /** Extended for the archive (validation data, archive time-stamp). */
    public static final String EXTENDED = "extended";

    /** Whether this revision is the signature of {@code partyId}. */
    public boolean signedBy(String partyId) {
        return SIGNED.equals(kind) && partyId.equals(this.partyId);
    }

    /** Whether this revision added a signature (a party's or the seal's). */
    public boolean signature() {
        return SIGNED.equals(kind) || CERTIFIED.equals(kind);
    }
}
