package org.accord.bench;

/** One side's figures over the measured iterations: median, p90 and p99 wall time, median bytes allocated. */
record Stats(double medianMs, double p90Ms, double p99Ms, double medianMiB) {

    /** This side's median time over another's. */
    double timeRatio(Stats baseline) {
        return medianMs / baseline.medianMs;
    }
}
