package org.accord.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.accord.pki.Home;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code accord bench all}: every case, one table (or one JSON object per case). */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = {"Runs every benchmark case in this JVM and prints one table: Accord's median beside the raw",
                "library doing the same work in the same run (DSS, FOP, a bare start of the jar), the ratio,",
                "throughput, p99, allocation and each case's goal. Cases: " + AllCommand.CASES_TEXT + ".",
                "Exit 0 whatever the figures; 2 for a bad option."})
final class AllCommand implements Callable<Integer> {

    static final List<String> CASES = List.of("sign-first", "sign-after-4", "sign-http", "verify-2", "verify-5", "verify-20",
            "independent-5", "render-3", "render-50", "render-250", "cold-start");
    static final String CASES_TEXT = "sign-first, sign-after-4, sign-http, verify-2, verify-5, verify-20, independent-5, render-3, render-50, "
            + "render-250, cold-start";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per case instead of the table.")
    boolean json;

    @Option(names = "--cases", split = ",", paramLabel = "CASE", description = "Only these cases (comma-separated). Default: all.")
    List<String> cases;

    @Option(names = "--quick", description = "One iteration of each case: checks the benchmark runs, measures nothing.")
    boolean quick;

    @Option(names = "--clients", defaultValue = "2", paramLabel = "N", description = "Clients of sign-http. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--pki", paramLabel = "DIR", description = "The sample PKI. Default: the installation's keystores-sample.")
    Path pki;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> chosen = new LinkedHashSet<>(cases == null ? CASES : cases);
        for (String c : chosen) {
            if (!CASES.contains(c)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no case " + c + "; the cases are " + CASES_TEXT);
            }
        }
        if (clients < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--clients must be 1 or more");
        }
        // the libraries' warnings about the sample PKI's revocation data would drown the table
        // (and the service's line per request would, in sign-http)
        for (Logger logger : ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).getLoggerList()) {
            if (logger.getLevel() != null || org.slf4j.Logger.ROOT_LOGGER_NAME.equals(logger.getName())) {
                logger.setLevel(Level.ERROR);
            }
        }
        Material material = new Material(pki != null ? pki : Home.samplePki());
        InProcessCases.Plan plan = quick ? InProcessCases.Plan.quick() : InProcessCases.Plan.standard();
        InProcessCases local = new InProcessCases(material, plan, m -> {
            err.println("accord bench: " + m);
            err.flush();
        });
        HttpCases remote = new HttpCases(material, m -> {
            err.println("accord bench: " + m);
            err.flush();
        });
        if (!json) {
            Runtime rt = Runtime.getRuntime();
            out.printf(Locale.ROOT, "java %s, %d CPUs, max heap %d MiB%s%n", System.getProperty("java.version"),
                    rt.availableProcessors(), rt.maxMemory() >> 20, quick ? "; --quick: one iteration, figures mean nothing" : "");
            out.printf(Locale.ROOT, "%-13s %10s %11s %7s %8s %9s %9s  %-34s %s%n", "case", "accord ms", "baseline ms", "ratio",
                    "per s", "p99 ms", "alloc MiB", "goal", "met");
            out.flush();
        }
        List<CaseResult> results = new ArrayList<>();
        for (String c : CASES) {
            if (!chosen.contains(c)) {
                continue;
            }
            CaseResult r = switch (c) {
                case "sign-first" -> local.signFirst();
                case "sign-after-4" -> local.signAfterFour();
                case "sign-http" -> remote.signHttp(plan.http(), clients, local.rawSignature());
                case "verify-2" -> local.verify(2);
                case "verify-5" -> local.verify(5);
                case "verify-20" -> local.verify(20);
                case "independent-5" -> local.independent(5);
                case "render-3" -> local.render(3);
                case "render-50" -> local.render(50);
                case "render-250" -> local.render(250);
                case "cold-start" -> remote.coldStart(quick ? 1 : 5);
                default -> throw new IllegalStateException(c);
            };
            results.add(r);
            if (json) {
                out.println(r.json());
            } else {
                out.printf(Locale.ROOT, "%-13s %10s %11s %7s %8s %9s %9s  %-34s %s%n", r.name(), f(r.accordMs()), f(r.baselineMs()),
                        Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", r.ratio()), f(r.perS()), f(r.p99Ms()),
                        f(r.allocMiB()), r.goal(), (r.meets() ? "yes" : "NO") + "  " + r.note());
            }
            out.flush();
        }
        if (!json) {
            long met = results.stream().filter(CaseResult::meets).count();
            out.printf(Locale.ROOT, "goals met: %d of %d%n", met, results.size());
        }
        out.flush();
        return 0;
    }

    private static String f(double d) {
        return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.1f", d);
    }
}
