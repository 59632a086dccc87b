package org.accord.store;

import java.time.Instant;

/** One original of an agreement ("original 1 of 2, kept by …"); its bytes are in its revisions. */
public record StoredOriginal(String id, String agreementId, int number, int ofTotal, String layout, String custodian,
                             Instant createdAt) {
}
