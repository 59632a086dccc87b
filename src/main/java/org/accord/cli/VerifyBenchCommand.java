package org.accord.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.accord.measure.Sampler;
import org.accord.measure.Stats;
import org.accord.model.Agreement;
import org.accord.model.Party;
import org.accord.pki.KeyEntry;
import org.accord.pki.LocalTrustDataLoader;
import org.accord.pki.OfflineDataLoader;
import org.accord.pki.PkiFiles;
import org.accord.pki.TrustServices;
import org.accord.render.Layout;
import org.accord.render.Renderer;
import org.accord.sign.Appearance;
import org.accord.sign.Level;
import org.accord.sign.SignRequest;
import org.accord.sign.Signer;
import org.accord.verify.Limits;
import org.accord.verify.TrustAnchor;
import org.accord.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord bench-verify}: validating a 2- and a 5-signature original, Accord against DSS alone. */
@Command(name = "bench-verify", mixinStandardHelpOptions = true,
        description = {"Signs the CICA original twice, and a 5-party variant of it five times (B-LT, sample PKI), then",
                "validates each warm with modification detection on: Accord's verify beside DSS alone (same policy)."})
final class VerifyBenchCommand implements Callable<Integer> {

    /** The goal for five signatures, in milliseconds (median, warm). */
    static final double GOAL_MS = 1000;
    private static final List<String> KEYS = List.of("cica", "sco-rats", "interpol", "impact", "secretariat-seal");

    @Spec
    CommandSpec spec;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--iterations", defaultValue = "15", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Agreement cica = new BenchCommand().agreement();
        Signer signer = new Signer(trust.setup());
        Renderer renderer = new Renderer();
        TrustServices services = TrustServices.load(trust.pkiDir(), Clock.systemUTC());
        Verifier verifier = new Verifier(List.of(new TrustAnchor(services.rootCertificate(), "Accord demo root", true)),
                new LocalTrustDataLoader(services, services.baseUrl(), new OfflineDataLoader()), Limits.DEFAULT);
        out.printf(Locale.ROOT, "java %s, %d CPUs; B-LT signatures, sample PKI; DSS visual comparison off in both (Accord renders only fields filled after signing)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        // Accord validates on a worker thread (for its time limit), so only DSS's allocation is counted here.
        out.printf(Locale.ROOT, "%-10s %5s %10s %8s %6s %8s %11s%n", "signatures", "pages", "accord ms", "dss ms", "ratio",
                "dss MiB", "accord p90");
        List<Stats> fives = new ArrayList<>();
        for (Agreement a : List.of(cica, withFiveParties(cica))) {
            byte[] pdf = renderer.render(a, Layout.PARALLEL).get(0).bytes();
            for (int i = 0; i < a.parties().size(); i++) {
                Party p = a.parties().get(i);
                KeyEntry key = KeyEntry.read(trust.pkiDir().resolve(KEYS.get(i) + ".p12"), PkiFiles.DEMO_PASSWORD.toCharArray());
                pdf = signer.sign(pdf, new SignRequest(p.id(), Level.B_LT, "Astana", "Астане",
                        new Appearance(p.signatory().function(), p.shortName()), SignRequest.reasonWords(p.signatureHeading(), p.onBehalf(), p.shortName()), null), key);
            }
            byte[] signed = pdf;
            if (!verifier.verify("bench.pdf", signed).report().valid()) {
                throw new IllegalStateException("the benchmark's own original does not validate");
            }
            err.println("accord bench-verify: " + a.parties().size() + " signatures: warming up (" + warmup + ")");
            for (int i = 0; i < warmup; i++) {
                verifier.verify("bench.pdf", signed);
                verifier.dssOnly(signed);
            }
            Sampler accord = new Sampler(iterations);
            Sampler dss = new Sampler(iterations);
            for (int i = 0; i < iterations; i++) {
                accord.sample(() -> verifier.verify("bench.pdf", signed));
                dss.sample(() -> verifier.dssOnly(signed));
            }
            Stats ours = accord.stats();
            Stats raw = dss.stats();
            fives.add(ours);
            out.printf(Locale.ROOT, "%-10d %5d %10.1f %8.1f %5.2fx %8.1f %11.1f%n", a.parties().size(),
                    RenderPages.count(signed), ours.medianMs(), raw.medianMs(), ours.timeRatio(raw), raw.medianMiB(), ours.p90Ms());
        }
        double five = fives.get(fives.size() - 1).medianMs();
        out.printf(Locale.ROOT, "goal: 5 signatures under %.0f ms (median, warm): %.1f ms %s%n", GOAL_MS, five,
                five < GOAL_MS ? "meets it" : "MISSES it");
        out.flush();
        return 0;
    }

    /** The CICA protocol with three more parties, copies of the first two under new ids: five signature blocks. */
    static Agreement withFiveParties(Agreement a) {
        List<Party> parties = new ArrayList<>(a.parties());
        for (int i = 3; i <= 5; i++) {
            Party template = a.parties().get(i % 2);
            parties.add(new Party("party-" + i, template.name(), template.shortName(), template.hereinafter(), null,
                    template.custodian(), template.signatureHeading(), template.signatory()));
        }
        return new Agreement(a.id(), a.kind(), a.title(), a.shortTitle(), a.titleBlock(), a.initials(), parties,
                a.preamble(), a.articles(), a.finalClause(), a.entryIntoForce());
    }

    /** Pages of a PDF. */
    static final class RenderPages {
        static int count(byte[] pdf) throws java.io.IOException {
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                return doc.getNumberOfPages();
            }
        }
    }
}
