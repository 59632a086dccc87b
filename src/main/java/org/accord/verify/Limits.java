package org.accord.verify;

import java.time.Duration;
import java.util.Objects;

/** What a document may be before validation starts, and how long validation may take. */
public record Limits(long maxBytes, int maxPages, int maxObjects, Duration timeout) {

    /** 50 MiB, 1,000 pages, 200,000 objects, 60 seconds. */
    public static final Limits DEFAULT = new Limits(50L * 1024 * 1024, 1_000, 200_000, Duration.ofSeconds(60));

    public Limits {
        Objects.requireNonNull(timeout, "timeout cannot be null");
        if (maxBytes < 1 || maxPages < 1 || maxObjects < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }
}
