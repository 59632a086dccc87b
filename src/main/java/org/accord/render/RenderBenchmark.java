package org.accord.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.accord.model.Agreement;
import org.accord.model.Article;
import org.accord.model.Language;
import org.accord.measure.Sampler;
import org.accord.measure.Stats;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Times Accord's pipeline (template → FO → FOP → signature fields) against Apache FOP alone on the same FO:
 * warm, in this JVM, on the calling thread, the two sides interleaved so that drift hits both alike.
 */
public final class RenderBenchmark {

    /** The pipeline should cost at most this many times raw FOP (median wall time). */
    public static final double TARGET_RATIO = 1.15;
    /** The length, in pages, the synthetic large agreement is grown to. */
    public static final int LARGE_PAGES = 50;

    private static final List<Language> LANGS = List.of(Language.EN, Language.RU);
    private static final int MAX_SIZING_STEPS = 60;

    private final Renderer renderer;
    private final Consumer<String> progress;

    /** A benchmark of {@code renderer} that tells {@code progress} what it is doing. */
    public RenderBenchmark(Renderer renderer, Consumer<String> progress) {
        this.renderer = Objects.requireNonNull(renderer, "renderer cannot be null");
        this.progress = Objects.requireNonNull(progress, "progress cannot be null");
    }

    /** Warm-up and measured iterations of one case; each iteration renders both sides once. */
    public record Plan(int warmup, int iterations) {

        public Plan {
            if (warmup < 0) {
                throw new IllegalArgumentException("warm-up iterations must be 0 or more, not " + warmup);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("measured iterations must be 1 or more, not " + iterations);
            }
        }
    }

    /** One case: its size, how it was measured, and the figures of the pipeline and of raw FOP. */
    public record CaseResult(String name, int articles, int pages, Plan plan, Stats pipeline, Stats raw) {

        /** Pipeline median time over raw FOP median time. */
        public double timeRatio() {
            return pipeline.timeRatio(raw);
        }

        /** Pipeline median allocation over raw FOP median allocation. */
        public double allocationRatio() {
            return pipeline.allocationRatio(raw);
        }

        /** Whether the pipeline's median time is within {@link #TARGET_RATIO} of raw FOP's. */
        public boolean meetsTarget() {
            return timeRatio() <= TARGET_RATIO;
        }
    }

    /** The agreement as it is, in the parallel layout, original 1 (the CICA protocol: 3 pages). */
    public CaseResult small(Agreement agreement, Plan plan) {
        return measure("small", agreement, plan);
    }

    /** The agreement's articles repeated until the parallel render reaches about {@link #LARGE_PAGES} pages. */
    public CaseResult large(Agreement agreement, Plan plan) {
        return measure("large", grown(agreement, LARGE_PAGES), plan);
    }

    /** Warms both sides up, then measures them alternately: pipeline, raw, pipeline, raw, … */
    CaseResult measure(String name, Agreement agreement, Plan plan) {
        String fo = renderer.fo(agreement, Layout.PARALLEL, 1, LANGS);
        int pages = pages(pipeline(agreement));
        progress.accept(name + ": " + agreement.articles().size() + " articles, " + pages + " pages; warming up ("
                + plan.warmup() + " iterations)");
        for (int i = 0; i < plan.warmup(); i++) {
            pipeline(agreement);
            renderer.rawFop(fo);
        }
        progress.accept(name + ": measuring (" + plan.iterations() + " iterations)");
        Sampler pipeline = new Sampler(plan.iterations());
        Sampler raw = new Sampler(plan.iterations());
        for (int i = 0; i < plan.iterations(); i++) {
            pipeline.sample(() -> pipeline(agreement));
            raw.sample(() -> renderer.rawFop(fo));
        }
        return new CaseResult(name, agreement.articles().size(), pages, plan, pipeline.stats(), raw.stats());
    }

    /** Our pipeline for original 1 in the parallel layout: template → FO → FOP → signature fields. */
    private byte[] pipeline(Agreement agreement) {
        return renderer.pdf(agreement, renderer.fo(agreement, Layout.PARALLEL, 1, LANGS), LANGS);
    }

    /** {@code base} with the fewest repeated articles whose parallel render has {@code targetPages} pages or more. */
    Agreement grown(Agreement base, int targetPages) {
        int own = base.articles().size();
        int ownPages = pages(pipeline(base));
        if (ownPages >= targetPages) {
            return base;
        }
        int probe = own * 10;
        int probePages = pagesWith(base, probe);
        double pagesPerArticle = Math.max(0.01, (double) (probePages - ownPages) / (probe - own));
        int articles = Math.max(own, own + (int) Math.round((targetPages - ownPages) / pagesPerArticle));
        int pages = pagesWith(base, articles);
        for (int step = 0; pages < targetPages; step++) {
            checkSizing(step, targetPages);
            articles++;
            pages = pagesWith(base, articles);
        }
        for (int step = 0; articles > own && pagesWith(base, articles - 1) >= targetPages; step++) {
            checkSizing(step, targetPages);
            articles--;
        }
        return repeated(base, articles);
    }

    private int pagesWith(Agreement base, int articles) {
        int pages = pages(pipeline(repeated(base, articles)));
        progress.accept("large: sizing: " + articles + " articles render to " + pages + " pages");
        return pages;
    }

    private static void checkSizing(int step, int targetPages) {
        if (step >= MAX_SIZING_STEPS) {
            throw new IllegalStateException("no article count found that renders to " + targetPages + " pages");
        }
    }

    /** {@code base} with its articles repeated in order up to {@code count}, renumbered 1..count. */
    static Agreement repeated(Agreement base, int count) {
        List<Article> source = base.articles();
        List<Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Article a = source.get(i % source.size());
            articles.add(new Article(i + 1, a.title(), a.numbered(), a.paragraphs()));
        }
        return new Agreement(base.id(), base.kind(), base.title(), base.shortTitle(), base.titleBlock(),
                base.initials(), base.parties(), base.preamble(), articles, base.finalClause(), base.entryIntoForce());
    }

    static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new RenderException("the rendered PDF cannot be read: " + e.getMessage(), e);
        }
    }
}
