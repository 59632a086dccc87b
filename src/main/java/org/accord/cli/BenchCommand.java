package org.accord.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.accord.model.Agreement;
import org.accord.model.AgreementReader;
import org.accord.model.InvalidAgreementException;
import org.accord.render.RenderBenchmark;
import org.accord.render.RenderBenchmark.CaseResult;
import org.accord.render.RenderBenchmark.Plan;
import org.accord.render.RenderException;
import org.accord.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code accord bench}: our render pipeline against Apache FOP alone on the same FO, warm, on one thread. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times Accord's render pipeline against raw Apache FOP on the same XSL-FO.",
                "Both run warm, in one JVM and one thread, alternating; the pipeline is",
                "template, FOP and signature fields. Cases: the CICA protocol (small, 3 pages)",
                "and its articles repeated to about 50 pages (large). Prints one line per",
                "case and whether the pipeline stays within 1.15x raw FOP. Exit 0 whatever",
                "the figures, 2 when the agreement cannot be read or rendered."})
final class BenchCommand implements Callable<Integer> {

    /** Where the CICA protocol is, relative to the working directory and on the class path. */
    static final String CICA = "templates/agreements/cica-sco-rats-2017.yaml";

    /** The cases {@code --only} can pick. */
    enum Case { SMALL, LARGE }

    @Spec
    CommandSpec spec;

    @Option(names = "--agreement", paramLabel = "FILE",
            description = "The agreement to measure. Default: " + CICA + " in the working directory, "
                    + "else the copy bundled in the jar.")
    Path agreementFile;

    @Option(names = "--warmup", defaultValue = "200", paramLabel = "N",
            description = "Warm-up iterations of the small case. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--iterations", defaultValue = "200", paramLabel = "N",
            description = "Measured iterations of the small case. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--large-warmup", defaultValue = "20", paramLabel = "N",
            description = "Warm-up iterations of the large case. Default: ${DEFAULT-VALUE}.")
    int largeWarmup;

    @Option(names = "--large-iterations", defaultValue = "20", paramLabel = "N",
            description = "Measured iterations of the large case. Default: ${DEFAULT-VALUE}.")
    int largeIterations;

    @Option(names = "--only", paramLabel = "CASE", description = "Run one case only: small or large. Default: both.")
    Case only;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Plan small = new Plan(warmup, iterations);
            Plan large = new Plan(largeWarmup, largeIterations);
            Agreement agreement = agreement();
            RenderBenchmark bench = new RenderBenchmark(new Renderer(), message -> {
                err.println("accord bench: " + message);
                err.flush();
            });
            List<CaseResult> results = new ArrayList<>();
            if (only != Case.LARGE) {
                results.add(bench.small(agreement, small));
            }
            if (only != Case.SMALL) {
                results.add(bench.large(agreement, large));
            }
            print(out, results);
            return 0;
        } catch (InvalidAgreementException e) {
            err.println("accord bench: the agreement is not valid:");
            e.problems().forEach(p -> err.println("  " + p));
            return AccordCommand.EXIT_INVALID_INPUT;
        } catch (IllegalArgumentException | RenderException e) {
            err.println("accord bench: " + e.getMessage());
            return AccordCommand.EXIT_INVALID_INPUT;
        } catch (IOException e) {
            err.println("accord bench: the agreement cannot be read: " + e);
            return AccordCommand.EXIT_INVALID_INPUT;
        }
    }

    /** The agreement named by --agreement, else the CICA protocol from the working directory or the class path. */
    Agreement agreement() throws IOException {
        AgreementReader reader = new AgreementReader();
        if (agreementFile != null) {
            return reader.read(agreementFile);
        }
        Path local = Path.of(CICA);
        if (Files.isRegularFile(local)) {
            return reader.read(local);
        }
        try (InputStream in = BenchCommand.class.getClassLoader().getResourceAsStream(CICA)) {
            if (in == null) {
                throw new IOException(CICA + " is neither in the working directory nor on the class path");
            }
            return reader.read(in.readAllBytes());
        }
    }

    static void print(PrintWriter out, List<CaseResult> results) {
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "java %s, %d CPUs, max heap %d MiB; parallel layout, original 1%n",
                System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() / (1024 * 1024));
        out.printf(Locale.ROOT, "%-6s %5s %8s %12s %9s %6s %13s %9s %6s %16s %11s%n", "case", "pages", "articles",
                "pipeline ms", "raw ms", "ratio", "pipeline MiB", "raw MiB", "ratio", "pipeline p90 ms", "raw p90 ms");
        for (CaseResult r : results) {
            out.printf(Locale.ROOT, "%-6s %5d %8d %12.1f %9.1f %5.2fx %13.1f %9.1f %5.2fx %16.1f %11.1f%n",
                    r.name(), r.pages(), r.articles(), r.pipeline().medianMs(), r.raw().medianMs(), r.timeRatio(),
                    r.pipeline().medianMiB(), r.raw().medianMiB(), r.allocationRatio(),
                    r.pipeline().p90Ms(), r.raw().p90Ms());
        }
        String verdicts = results.stream()
                .map(r -> String.format(Locale.ROOT, "%s %.2fx %s", r.name(), r.timeRatio(),
                        r.meetsTarget() ? "meets it" : "MISSES it"))
                .collect(Collectors.joining("; "));
        out.printf(Locale.ROOT, "target: pipeline <= %.2fx raw FOP (median time): %s%n",
                RenderBenchmark.TARGET_RATIO, verdicts);
        out.flush();
    }
}
