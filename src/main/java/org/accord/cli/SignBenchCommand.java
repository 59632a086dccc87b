package org.accord.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.accord.model.Agreement;
import org.accord.model.Party;
import org.accord.pki.KeyEntry;
import org.accord.pki.PkiFiles;
import org.accord.render.Layout;
import org.accord.render.Renderer;
import org.accord.sign.Appearance;
import org.accord.sign.Level;
import org.accord.sign.SignBenchmark;
import org.accord.sign.SignRequest;
import org.accord.sign.Signer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord bench-sign}: signing B-T and B-LTA against raw DSS and the bare JCA signature. */
@Command(name = "bench-sign", mixinStandardHelpOptions = true,
        description = {"Signs the 3-page CICA original for the CICA Secretariat at B-T and B-LTA, warm, with the sample",
                "trust services in-process; prints median time and allocation beside raw DSS and the bare JCA signature."})
final class SignBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--warmup", defaultValue = "40", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--iterations", defaultValue = "40", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Agreement cica = new BenchCommand().agreement();
        byte[] original = new Renderer().render(cica, Layout.PARALLEL).get(0).bytes();
        Party party = cica.parties().get(0);
        KeyEntry key = KeyEntry.read(PkiFiles.party(trust.pkiDir(), party.id()), PkiFiles.DEMO_PASSWORD.toCharArray());
        SignBenchmark bench = new SignBenchmark(new Signer(trust.setup()), m -> {
            err.println("accord bench-sign: " + m);
            err.flush();
        });
        List<SignBenchmark.Result> results = new ArrayList<>();
        for (Level level : List.of(Level.B_T, Level.B_LTA)) {
            SignRequest request = new SignRequest(party.id(), level, "Astana", "Астане",
                    new Appearance(party.signatory().function(), party.shortName()),
                    SignRequest.reasonWords(party.signatureHeading(), party.onBehalf(), party.shortName()), null);
            results.add(bench.measure(original, request, key, warmup, iterations));
        }
        out.printf(Locale.ROOT, "java %s, %d CPUs; 3-page CICA original, ECDSA P-256, trust services in-process%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-6s %10s %8s %6s %8s %11s %8s %8s %9s%n", "level", "accord ms", "dss ms", "ratio",
                "jca ms", "accord MiB", "dss MiB", "ratio", "accord p90");
        for (SignBenchmark.Result r : results) {
            out.printf(Locale.ROOT, "%-6s %10.1f %8.1f %5.2fx %8.2f %11.1f %8.1f %7.2fx %9.1f%n", r.level().code(),
                    r.accord().medianMs(), r.dss().medianMs(), r.timeRatio(), r.jca().medianMs(), r.accord().medianMiB(),
                    r.dss().medianMiB(), r.accord().allocationRatio(r.dss()), r.accord().p90Ms());
        }
        for (SignBenchmark.Result r : results) {
            out.printf(Locale.ROOT, "target: accord <= %.2fx raw DSS at %s: %.2fx %s%n", SignBenchmark.TARGET_RATIO,
                    r.level().code(), r.timeRatio(), r.meetsTarget() ? "meets it" : "MISSES it");
        }
        out.flush();
        return 0;
    }
}
