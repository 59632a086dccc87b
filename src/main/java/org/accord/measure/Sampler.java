package org.accord.measure;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;

/** Records the wall time and the bytes the calling thread allocates for each iteration of one side. */
public final class Sampler {

    private static final double MIB = 1024.0 * 1024.0;
    private final ThreadMXBean threads = allocationCounter();
    private final long[] nanos;
    private final long[] bytes;
    private int count;

    public Sampler(int iterations) {
        this.nanos = new long[iterations];
        this.bytes = new long[iterations];
    }

    /** Runs {@code work} once, measured; returns its result so the JIT cannot drop the work. */
    public <T> T sample(Supplier<T> work) {
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        T result = work.get();
        nanos[count] = System.nanoTime() - start;
        bytes[count] = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        count++;
        if (result == null) {
            throw new IllegalStateException("the measured work returned nothing");
        }
        return result;
    }

    /** Median and p90 time, median allocation, over the iterations sampled so far. */
    public Stats stats() {
        long[] t = Arrays.copyOf(nanos, count);
        long[] b = Arrays.copyOf(bytes, count);
        Arrays.sort(t);
        Arrays.sort(b);
        return new Stats(median(t) / 1e6, percentile(t, 0.9) / 1e6, median(b) / MIB);
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
