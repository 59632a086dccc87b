package org.accord.verify;

import java.time.Duration;
import java.util.Objects;

/**
 * What a document may be before validation starts, how long one validation may take in all, and how many run at
 * once ({@code threads}; four times as many may wait, beyond which the verifier answers busy).
 */
public record Limits(long maxBytes, int maxPages, int maxObjects, Duration timeout, int threads) {

    /** 50 MiB, 1,000 pages, 200,000 objects, 60 seconds, one verification per core. */
    public static final Limits DEFAULT = new Limits(50L * 1024 * 1024, 1_000, 200_000, Duration.ofSeconds(60),
            Runtime.getRuntime().availableProcessors());

    public Limits {
        Objects.requireNonNull(timeout, "timeout cannot be null");
        if (maxBytes < 1 || maxPages < 1 || maxObjects < 1 || timeout.isNegative() || timeout.isZero() || threads < 1) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }

    /** As {@link #DEFAULT}'s pool, with these bounds. */
    public Limits(long maxBytes, int maxPages, int maxObjects, Duration timeout) {
        this(maxBytes, maxPages, maxObjects, timeout, Runtime.getRuntime().availableProcessors());
    }
}
