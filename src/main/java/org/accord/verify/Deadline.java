package org.accord.verify;

import java.time.Duration;

/** The one deadline of a verification: every step checks it, and what passes it stops with {@link Exceeded}. */
final class Deadline {

    /** Thrown where a step finds the deadline passed. */
    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super("the deadline of the verification has passed", null, false, false);
        }
    }

    private final long until;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.until = System.nanoTime() + budget.toNanos();
    }

    static Deadline in(Duration budget) {
        return new Deadline(budget);
    }

    Duration budget() {
        return budget;
    }

    long remainingMillis() {
        return Math.max(0, (until - System.nanoTime()) / 1_000_000);
    }

    boolean passed() {
        return System.nanoTime() - until > 0 || Thread.currentThread().isInterrupted();
    }

    /** Throws {@link Exceeded} once the deadline has passed or the thread was interrupted. */
    void check() {
        if (passed()) {
            throw new Exceeded();
        }
    }
}
