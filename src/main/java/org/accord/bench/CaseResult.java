package org.accord.bench;

import java.util.Locale;

/**
 * One case of {@code accord bench all}: Accord's median beside the baseline's (the raw library doing the same work in
 * the same run), throughput, p99, allocation, and the goal the case is held to.
 */
record CaseResult(String name, double accordMs, double baselineMs, double perS, double p99Ms, double allocMiB,
                  String goal, boolean meets, String note) {

    /** Accord's median over the baseline's. */
    double ratio() {
        return accordMs / baselineMs;
    }

    /** One JSON object, the fields named as the issue of the benchmark asks; NaN figures are null. */
    String json() {
        return String.format(Locale.ROOT, "{\"case\":\"%s\",\"accord_ms\":%s,\"baseline_ms\":%s,\"ratio\":%s,\"per_s\":%s,"
                        + "\"p99_ms\":%s,\"alloc_mib\":%s,\"goal\":\"%s\",\"meets\":%s,\"note\":\"%s\"}",
                name, number(accordMs), number(baselineMs), number(ratio()), number(perS), number(p99Ms), number(allocMiB),
                escaped(goal), meets, escaped(note));
    }

    private static String number(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "null" : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
