package org.accord.measure;

/** One side's figures over the measured iterations: median and p90 wall time, median bytes allocated. */
public record Stats(double medianMs, double p90Ms, double medianMiB) {

    /** This side's median time over another's. */
    public double timeRatio(Stats baseline) {
        return medianMs / baseline.medianMs;
    }

    /** This side's median allocation over another's. */
    public double allocationRatio(Stats baseline) {
        return medianMiB / baseline.medianMiB;
    }
}
