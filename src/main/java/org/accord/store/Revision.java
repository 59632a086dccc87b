package org.accord.store;

import java.time.Instant;

/** A stored revision of an original, without its bytes. Revision 0 is the original as issued. */
public record Revision(String originalId, int number, String kind, String partyId, String signer, Instant signedAt,
                       String level, long size, String sha256, String actor, Instant createdAt) {
}
