package org.accord.bench;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.accord.model.Agreement;
import org.accord.model.Language;
import org.accord.pki.KeyEntry;
import org.accord.render.Layout;
import org.accord.sign.CheckedRevision;
import org.accord.sign.Level;
import org.accord.sign.SignRequest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/** The cases that run inside this JVM: signing, verification and rendering, each beside the raw library. */
final class InProcessCases {

    private static final List<Language> LANGS = List.of(Language.EN, Language.RU);

    private final Material m;
    private final Plan plan;
    private final Consumer<String> progress;
    private final RawDss raw;
    private Stats rawSignature;
    private double render50Ms = Double.NaN;

    InProcessCases(Material m, Plan plan, Consumer<String> progress) {
        this.m = m;
        this.plan = plan;
        this.progress = progress;
        this.raw = new RawDss(m.trust);
    }

    /** Warm-up and measured iterations per kind of case; {@link #quick()} is one of each, for tests of the command. */
    record Plan(int signWarmup, int sign, int verifyWarmup, int verify, int renderSmall, int renderLarge, int http, boolean once) {

        static Plan standard() {
            return new Plan(10, 20, 4, 10, 60, 6, 60, false);
        }

        static Plan quick() {
            return new Plan(0, 1, 0, 1, 1, 1, 4, true);
        }
    }

    /** The median of raw DSS making one B-LT signature, measured by sign-first (or now, if it did not run). */
    Stats rawSignature() {
        if (rawSignature == null) {
            byte[] original = m.original(m.cica);
            KeyEntry key = m.key(0);
            String field = m.cica.parties().get(0).signatureFieldName();
            rawSignature = measure(plan.signWarmup(), plan.sign(), false, () -> raw.sign(original, field, key), null)[0];
        }
        return rawSignature;
    }

    /** A party's B-LT signature on the fresh CICA original, beside DSS alone making it. */
    CaseResult signFirst() {
        byte[] original = m.original(m.cica);
        KeyEntry key = m.key(0);
        SignRequest request = Material.request(m.cica, 0, Level.B_LT);
        CheckedRevision checked = CheckedRevision.of(original, 0);
        String field = m.cica.parties().get(0).signatureFieldName();
        progress.accept("sign-first: " + plan.sign() + " signatures each side");
        Stats[] s = measure(plan.signWarmup(), plan.sign(), false, () -> m.signer.sign(original, request, key, checked),
                () -> raw.sign(original, field, key));
        rawSignature = s[1];
        return result("sign-first", s[0], s[1], "<= 1.3x DSS alone", s[0].timeRatio(s[1]) <= 1.3, "3-page CICA original, B-LT");
    }

    /** The fifth party's signature over four (each stored as the service stores them), beside the first on the same original. */
    CaseResult signAfterFour() {
        Agreement five = m.withParties(5);
        byte[] original = m.original(five);
        byte[] four = m.signedBy(five, 4);
        CheckedRevision checked = CheckedRevision.of(four, 4);
        SignRequest fifth = Material.request(five, 4, Level.B_LT);
        SignRequest first = Material.request(five, 0, Level.B_LT);
        KeyEntry key4 = m.key(4);
        KeyEntry key0 = m.key(0);
        CheckedRevision blank = CheckedRevision.of(original, 0);
        progress.accept("sign-after-4: " + plan.sign() + " signatures each side");
        Stats[] s = measure(plan.signWarmup(), plan.sign(), false, () -> m.signer.sign(four, fifth, key4, checked),
                () -> m.signer.sign(original, first, key0, blank));
        return result("sign-after-4", s[0], s[1], "<= 1.5x the first signature", s[0].timeRatio(s[1]) <= 1.5,
                "baseline: the first signature on the same 5-party original");
    }

    /** Accord's verification of an original signed by {@code k} parties, beside DSS alone with the same policy. */
    CaseResult verify(int k) {
        byte[] signed = m.signedBy(k <= 2 ? m.cica : m.withParties(k), k);
        org.accord.verify.DocumentReport report = m.verifier.verify("bench.pdf", signed).report();
        if (!report.valid()) {
            throw new IllegalStateException("the benchmark's own " + k + "-signature original does not verify as valid: "
                    + report.findings() + " " + report.signatures().stream().map(r -> r.errors().toString()).toList());
        }
        int iterations = k >= 20 ? Math.max(1, plan.verify() / 2) : plan.verify();
        progress.accept("verify-" + k + ": " + iterations + " verifications each side");
        Stats[] s = measure(plan.verifyWarmup(), iterations, true, () -> m.verifier.verify("bench.pdf", signed),
                () -> m.verifier.dssOnly(signed));
        String goal;
        boolean meets;
        if (k == 5) {
            goal = "<= 0.5x DSS alone, <= 300 MiB";
            meets = s[0].timeRatio(s[1]) <= 0.5 && s[0].medianMiB() <= 300;
        } else if (k == 20) {
            goal = "<= 2000 ms";
            meets = s[0].medianMs() <= 2000;
        } else {
            goal = "(figures only)";
            meets = true;
        }
        return result("verify-" + k, s[0], s[1], goal, meets, k + " B-LT signatures, " + pages(signed) + " pages");
    }

    /**
     * The independent check (OpenPDF) alone on an original signed by {@code k} parties, beside Accord's whole
     * verification, which runs it beside DSS: its share of a verification's work, an upper bound of what it adds.
     */
    CaseResult independent(int k) {
        byte[] signed = m.signedBy(k <= 2 ? m.cica : m.withParties(k), k);
        java.util.Map<String, String> views = m.verifier.independentOnly(signed);
        if (views.size() != k || !views.values().stream().allMatch("intact"::equals)) {
            throw new IllegalStateException("the independent check does not find the benchmark's " + k + " signatures intact: " + views);
        }
        progress.accept("independent-" + k + ": " + plan.verify() + " checks and verifications");
        Stats[] s = measure(plan.verifyWarmup(), plan.verify(), true, () -> m.verifier.independentOnly(signed),
                () -> m.verifier.verify("bench.pdf", signed));
        return result("independent-" + k, s[0], s[1], "<= 0.10x the whole verification", s[0].timeRatio(s[1]) <= 0.10,
                "OpenPDF alone; baseline: Accord's verification, which includes it (on the second core)");
    }

    /** Accord's render of original 1 (template, FOP, fields) of an agreement of about {@code pages} pages, beside FOP alone on its FO. */
    CaseResult render(int pages) {
        Agreement agreement = pages <= 3 ? m.cica : sized(pages);
        String fo = m.renderer.fo(agreement, Layout.PARALLEL, 1, LANGS);
        int actual = pages(m.original(agreement));
        int iterations = pages <= 3 ? plan.renderSmall() : pages <= 50 ? plan.renderLarge() : Math.max(1, plan.renderLarge() / 3);
        int warmup = plan.once() ? 0 : pages <= 3 ? plan.renderSmall() : 1;
        progress.accept("render-" + pages + ": " + agreement.articles().size() + " articles, " + actual + " pages; "
                + iterations + " renders each side");
        Stats[] s = measure(warmup, iterations, false, () -> m.original(agreement), () -> m.renderer.renderFo(fo));
        String goal;
        boolean meets;
        if (pages >= 250) {
            goal = String.format(Locale.ROOT, "<= 3000 ms and <= 5x render-50%s",
                    Double.isNaN(render50Ms) ? "" : String.format(Locale.ROOT, " (%.0f ms)", 5 * render50Ms));
            meets = s[0].medianMs() <= 3000 && (Double.isNaN(render50Ms) || s[0].medianMs() <= 5 * render50Ms);
        } else {
            goal = "<= 1.15x FOP alone";
            meets = s[0].timeRatio(s[1]) <= 1.15;
        }
        if (pages == 50) {
            render50Ms = s[0].medianMs();
        }
        return result("render-" + pages, s[0], s[1], goal, meets, actual + " pages, parallel layout");
    }

    /** The CICA protocol with its articles repeated until original 1 has about {@code pages} pages (sized from a probe). */
    private Agreement sized(int pages) {
        int own = m.cica.articles().size();
        int ownPages = pages(m.original(m.cica));
        int probe = own * 10;
        int probePages = pages(m.original(m.withArticles(probe)));
        double perArticle = Math.max(0.01, (double) (probePages - ownPages) / (probe - own));
        return m.withArticles(Math.max(own, own + (int) Math.round((pages - ownPages) / perArticle)));
    }

    private static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new IllegalStateException("a PDF the benchmark made cannot be read", e);
        }
    }

    /** Warms both sides up, then measures them alternately (Accord, baseline, Accord, …); baseline may be null. */
    private static Stats[] measure(int warmup, int iterations, boolean allThreads, Supplier<?> accord, Supplier<?> baseline) {
        for (int i = 0; i < warmup; i++) {
            accord.get();
            if (baseline != null) {
                baseline.get();
            }
        }
        Sampler a = new Sampler(iterations, allThreads);
        Sampler b = new Sampler(iterations, allThreads);
        for (int i = 0; i < iterations; i++) {
            a.sample(accord);
            if (baseline != null) {
                b.sample(baseline);
            }
        }
        return new Stats[] {a.stats(), baseline == null ? null : b.stats()};
    }

    private static CaseResult result(String name, Stats accord, Stats baseline, String goal, boolean meets, String note) {
        return new CaseResult(name, accord.medianMs(), baseline.medianMs(), 1000 / accord.medianMs(), accord.p99Ms(),
                accord.medianMiB(), goal, meets, note);
    }
}
