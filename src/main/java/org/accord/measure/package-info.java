/** Measuring for the benchmarks: wall time and bytes allocated per call, warm, on the calling thread. */
package org.accord.measure;
