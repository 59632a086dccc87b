package org.accord.workflow;

import java.util.function.Supplier;

/**
 * Where the journeys report how long their expensive steps take ({@code render}, {@code signature}, {@code verification}),
 * and whether they ended normally; the service turns these into metrics. {@link #NONE} measures nothing.
 */
@FunctionalInterface
public interface Timings {

    Timings NONE = (step, nanos, ok) -> { };

    /** One run of {@code step}: how long it took, and whether it returned (false: it threw). */
    void record(String step, long nanos, boolean ok);

    /** Runs {@code work} as one {@code step}. */
    default <T> T time(String step, Supplier<T> work) {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            T result = work.get();
            ok = true;
            return result;
        } finally {
            record(step, System.nanoTime() - start, ok);
        }
    }
}
