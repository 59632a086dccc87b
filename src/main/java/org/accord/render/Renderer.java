package org.accord.render;

import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accord.model.Agreement;
import org.accord.model.Language;

/**
 * Renders an agreement into its originals: one PDF/A-3b per original (two per original in the
 * {@link Layout#SEPARATE separate} layout), each with an empty signature field per party. Thread-safe;
 * make one per process (it holds the FreeMarker configuration and the FOP factory).
 */
public final class Renderer {

    /** The size of every party's signature box, and so of its signature field. */
    public static final SignatureBox BOX = new SignatureBox(75, 20);
    /** The size of each place and date field of a signature block (one per language). */
    public static final SignatureBox FIELD = new SignatureBox(56, 5);
    /** The namespace of Accord's own XMP properties (agreementId, parties, original, originals, layout). */
    public static final String XMP_NAMESPACE = "http://accord.invalid/ns/xmp/1.0/";
    static final String TEMPLATE = "fo/agreement.ftlx";

    private final Configuration templates;
    private final FopEngine fop;

    public Renderer() {
        this(Renderer.class.getClassLoader());
    }

    Renderer(ClassLoader loader) {
        this.templates = freemarker(loader);
        this.fop = new FopEngine(loader);
    }

    /** Every original of {@code agreement} in {@code layout}, rendered in memory. */
    public List<RenderedPdf> render(Agreement agreement, Layout layout) {
        List<RenderedPdf> pdfs = new ArrayList<>();
        int originals = agreement.finalClause().originals();
        for (int n = 1; n <= originals; n++) {
            pdfs.addAll(render(agreement, layout, n));
        }
        return pdfs;
    }

    /** The agreement as the pieces the templates set, in reading order: for pages that show the text itself. */
    public static List<Piece> pieces(Agreement agreement) {
        return Pieces.of(agreement);
    }

    /** What fills the agreement's {@code {date}} and {@code {place}} placeholders (a blank line until signing). */
    public static TextFiller filler(Agreement agreement) {
        return new TextFiller(agreement.finalClause());
    }

    /** Original {@code n} of {@code agreement} in {@code layout} (two files for the separate layout). */
    public List<RenderedPdf> render(Agreement agreement, Layout layout, int n) {
        if (layout == Layout.SEPARATE) {
            // Every original holds both equally authentic texts (the final clause says so): one file per language
            // would be an original that contradicts the clause it prints. Separate files are drafts only.
            throw new RenderException("the originals hold both texts, as their final clause says: render them parallel or "
                    + "sequential (the separate layout is for drafts, to read one language at a time)");
        }
        if (n < 1 || n > agreement.finalClause().originals()) {
            throw new IllegalArgumentException("original " + n + " of " + agreement.finalClause().originals() + " does not exist");
        }
        List<RenderedPdf> pdfs = new ArrayList<>();
        for (List<Language> langs : languageSets(layout)) {
            Fo fo = fo(agreement, layout, n, langs, false);
            byte[] pdf = SignatureFields.add(fop.render(fo.fo(), fo.unbreakable()), agreement.parties(), BOX, FIELD,
                    langs.stream().map(Language::code).toList());
            pdfs.add(new RenderedPdf(fileName(agreement, layout, n, langs), n, layout, langs, pdf));
        }
        return pdfs;
    }

    /**
     * A draft of original 1 in {@code layout} to read before issuing: "DRAFT / ПРОЕКТ" on every page, no signature
     * fields, named {@code draft-<id>-<layout or language>.pdf}; two files for the separate layout.
     */
    public List<RenderedPdf> preview(Agreement agreement, Layout layout) {
        List<RenderedPdf> pdfs = new ArrayList<>();
        for (List<Language> langs : languageSets(layout)) {
            Fo fo = fo(agreement, layout, 1, langs, true);
            byte[] pdf = SignatureFields.draft(fop.render(fo.fo(), fo.unbreakable()));
            String variant = layout == Layout.SEPARATE ? layout.code() + "-" + langs.get(0).code()
                    : layout.code() + "-" + String.join("-", langs.stream().map(Language::code).toList());
            pdfs.add(new RenderedPdf("draft-" + agreement.id() + "-" + variant + ".pdf", 1, layout, langs, pdf));
        }
        return pdfs;
    }

    /** The XSL-FO of original {@code original} in {@code layout} and {@code langs}, as {@link #render} typesets it. */
    public String fo(Agreement agreement, Layout layout, int original, List<Language> langs) {
        return fo(agreement, layout, original, langs, false).fo();
    }

    /** An original's XSL-FO and the words in it that must not be hyphenated (acronyms, the parties' names). */
    record Fo(String fo, Map<String, java.util.Set<String>> unbreakable) {
    }

    private Fo fo(Agreement agreement, Layout layout, int original, List<Language> langs, boolean draft) {
        Map<String, Object> model = new HashMap<>();
        model.put("draft", draft);
        model.put("a", agreement);
        model.put("pieces", Pieces.of(agreement));
        model.put("layout", layout.code());
        model.put("langs", langs.stream().map(Language::code).toList());
        model.put("original", original);
        model.put("originals", agreement.finalClause().originals());
        agreement.custodianOf(original).ifPresent(p -> model.put("custodian", p.custodian()));
        model.put("box", BOX);
        model.put("field", FIELD);
        TextFiller tx = new TextFiller(agreement.finalClause(), agreement.parties());
        model.put("tx", tx);
        model.put("xmpNs", XMP_NAMESPACE);
        return new Fo(process(TEMPLATE, model), tx.unbreakable());
    }

    /** Applies one template under {@code templates/} (e.g. {@code fo/agreement.ftlx}) to a model. */
    String process(String templateName, Map<String, Object> model) {
        try {
            Template template = templates.getTemplate(templateName);
            StringWriter out = new StringWriter(32 * 1024);
            template.process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new RenderException("the template could not be applied: " + e.getMessage(), e);
        }
    }

    /**
     * A document other than an original (a validation report, say) from an XSL-FO template under {@code templates/}:
     * PDF/A-3b, same fonts and safety, no signature fields.
     */
    public byte[] renderDocument(String templateName, Map<String, Object> model) {
        return fop.render(process(templateName, model));
    }

    /** XSL-FO → PDF/A with Accord's FOP set-up (fonts, confined resources) and nothing else: no fields, no hyphenation exceptions. */
    public byte[] renderFo(String fo) {
        return fop.render(fo);
    }

    static List<List<Language>> languageSets(Layout layout) {
        return layout == Layout.SEPARATE
                ? List.of(List.of(Language.EN), List.of(Language.RU))
                : List.of(List.of(Language.EN, Language.RU));
    }

    static String fileName(Agreement agreement, Layout layout, int original, List<Language> langs) {
        String variant = layout == Layout.SEPARATE ? langs.get(0).code() : layout.code();
        return agreement.id() + "-original-" + original + "-of-" + agreement.finalClause().originals()
                + "-" + variant + ".pdf";
    }

    private static Configuration freemarker(ClassLoader loader) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassLoaderForTemplateLoading(loader, "templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setLocale(Locale.ROOT);
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // Templates may not instantiate classes or reach the Java API behind values.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }
}
