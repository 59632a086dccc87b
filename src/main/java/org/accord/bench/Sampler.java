package org.accord.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Records the wall time of each iteration of one side and the bytes allocated meanwhile: by the calling thread, or
 * (for work handed to worker threads, as verification is) by every live thread of the JVM.
 */
final class Sampler {

    private static final double MIB = 1024.0 * 1024.0;
    private static final ThreadMXBean THREADS = allocationCounter();
    private final long[] nanos;
    private final long[] bytes;
    private final boolean allThreads;
    private int count;

    /** A sampler of {@code iterations} that counts the calling thread's allocations. */
    Sampler(int iterations) {
        this(iterations, false);
    }

    Sampler(int iterations, boolean allThreads) {
        this.nanos = new long[iterations];
        this.bytes = new long[iterations];
        this.allThreads = allThreads;
    }

    /** Runs {@code work} once, measured; returns its result so the JIT cannot drop the work. */
    <T> T sample(Supplier<T> work) {
        long allocatedBefore = allocated();
        long start = System.nanoTime();
        T result = work.get();
        nanos[count] = System.nanoTime() - start;
        bytes[count] = allocated() - allocatedBefore;
        count++;
        if (result == null) {
            throw new IllegalStateException("the measured work returned nothing");
        }
        return result;
    }

    /** Median, p90 and p99 time, median allocation, over the iterations sampled so far. */
    Stats stats() {
        long[] t = Arrays.copyOf(nanos, count);
        long[] b = Arrays.copyOf(bytes, count);
        Arrays.sort(t);
        Arrays.sort(b);
        return new Stats(median(t) / 1e6, percentile(t, 0.9) / 1e6, percentile(t, 0.99) / 1e6, median(b) / MIB);
    }

    /** Median and p99 of wall times measured elsewhere (HTTP clients), in milliseconds. */
    static Stats ofMillis(double[] millis) {
        long[] t = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            t[i] = Math.round(millis[i] * 1e6);
        }
        Arrays.sort(t);
        return new Stats(median(t) / 1e6, percentile(t, 0.9) / 1e6, percentile(t, 0.99) / 1e6, Double.NaN);
    }

    private long allocated() {
        if (!allThreads) {
            return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        // threads that end between two readings take their counts with them; the verifier's workers are pooled
        long sum = 0;
        for (long b : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    private static double median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** Nearest-rank percentile. */
    private static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static ThreadMXBean allocationCounter() {
        if (!(ManagementFactory.getThreadMXBean() instanceof ThreadMXBean bean)
                || !bean.isThreadAllocatedMemorySupported()) {
            throw new UnsupportedOperationException("this JVM cannot count the bytes a thread allocates");
        }
        if (!bean.isThreadAllocatedMemoryEnabled()) {
            bean.setThreadAllocatedMemoryEnabled(true);
        }
        return bean;
    }
}
