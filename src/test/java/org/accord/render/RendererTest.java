package org.accord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.accord.model.Agreement;
import org.accord.model.Article;
import org.accord.model.Language;
import org.accord.model.Paragraph;
import org.accord.model.Party;
import org.accord.model.Recital;
import org.accord.model.Text;
import org.accord.testing.PdfA;
import org.accord.testing.PdfText;
import org.accord.testing.PdfText.Area;
import org.accord.testing.Seeds;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RendererTest {

    static Stream<Arguments> seedsAndLayouts() {
        return Stream.of(Seeds.CICA, Seeds.INTERPOL)
                .flatMap(seed -> Stream.of(Layout.PARALLEL, Layout.SEQUENTIAL).map(layout -> Arguments.of(seed, layout)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedsAndLayouts")
    void one_pdf_per_original_and_per_language_set(Path seed, Layout layout) {
        Agreement a = Seeds.read(seed);
        List<RenderedPdf> pdfs = Originals.of(seed, layout);
        int perOriginal = layout == Layout.SEPARATE ? 2 : 1;
        assertEquals(a.finalClause().originals() * perOriginal, pdfs.size());
        for (RenderedPdf pdf : pdfs) {
            assertTrue(pdf.fileName().startsWith(a.id() + "-original-" + pdf.original() + "-of-2-"), pdf.fileName());
            String all = PdfText.all(pdf.bytes());
            String expected = pdf.languages().contains(Language.EN)
                    ? "Original " + pdf.original() + " of 2 — kept by " + a.custodianOf(pdf.original()).orElseThrow().custodian().en()
                    : "Подлинный экземпляр № " + pdf.original() + " из 2. Хранитель: " + a.custodianOf(pdf.original()).orElseThrow().custodian().ru();
            assertTrue(PdfText.squash(all).contains(PdfText.squash(expected)), pdf.fileName() + " lacks: " + expected);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedsAndLayouts")
    void every_text_of_the_agreement_is_in_the_pdf_in_its_language(Path seed, Layout layout) {
        Agreement a = Seeds.read(seed);
        for (RenderedPdf pdf : Originals.of(seed, layout)) {
            for (Language lang : pdf.languages()) {
                Area area = layout == Layout.PARALLEL ? (lang == Language.EN ? Area.LEFT : Area.RIGHT) : Area.FULL;
                String column = PdfText.squash(PdfText.body(pdf.bytes(), area));
                for (String expected : texts(a, lang)) {
                    assertTrue(column.contains(PdfText.squash(expected)),
                            pdf.fileName() + " (" + area + ") lacks the " + lang + " text: " + expected);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedsAndLayouts")
    void each_party_has_a_signature_block_in_every_language_of_the_pdf(Path seed, Layout layout) {
        Agreement a = Seeds.read(seed);
        for (RenderedPdf pdf : Originals.of(seed, layout)) {
            for (int i = 0; i < a.parties().size(); i++) {
                Party p = a.parties().get(i);
                String column = PdfText.squash(PdfText.body(pdf.bytes(), i % 2 == 0 ? Area.LEFT : Area.RIGHT));
                for (Language lang : pdf.languages()) {
                    List<Text> lines = new ArrayList<>(List.of(p.signatureHeading(), p.signatory().name()));
                    if (p.signatory().function() != null) {
                        lines.add(p.signatory().function());
                    }
                    lines.add(new Text("Place:", "Место: в"));
                    lines.add(new Text("Date:", "Дата:"));
                    for (Text line : lines) {
                        assertTrue(column.contains(PdfText.squash(line.in(lang))),
                                pdf.fileName() + ": the block of " + p.id() + " lacks " + line.in(lang));
                    }
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void originals_are_never_rendered_one_language_per_file() {
        RenderException e = org.junit.jupiter.api.Assertions.assertThrows(RenderException.class,
                () -> Originals.RENDERER.render(Seeds.read(Seeds.CICA), Layout.SEPARATE));
        assertTrue(e.getMessage().contains("the originals hold both texts"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void the_separate_english_draft_has_no_russian_and_the_russian_no_english(Path seed) {
        Agreement a = Seeds.read(seed);
        for (RenderedPdf pdf : Originals.drafts(seed, Layout.SEPARATE)) {
            String all = PdfText.all(pdf.bytes());
            if (pdf.languages().equals(List.of(Language.EN))) {
                assertFalse(all.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC),
                        pdf.fileName() + " contains Cyrillic");
            } else {
                assertFalse(all.contains(a.articles().get(0).paragraphs().get(0).text().en().substring(0, 30)),
                        pdf.fileName() + " contains English article text");
                assertTrue(all.contains("Страница 1 из"), pdf.fileName());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void the_sequential_layout_puts_all_english_before_all_russian(Path seed) {
        Agreement a = Seeds.read(seed);
        String text = PdfText.squash(PdfText.body(Originals.of(seed, Layout.SEQUENTIAL).get(0).bytes(), Area.FULL));
        Article last = a.articles().get(a.articles().size() - 1);
        String lastEnglish = PdfText.squash(last.paragraphs().get(last.paragraphs().size() - 1).text().en());
        String firstRussian = PdfText.squash(a.preamble().agreed().ru());
        assertTrue(text.indexOf(lastEnglish) >= 0 && text.indexOf(lastEnglish) < text.indexOf(firstRussian));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedsAndLayouts")
    void pages_are_numbered_in_both_languages_with_initials_for_every_party(Path seed, Layout layout) throws IOException {
        Agreement a = Seeds.read(seed);
        RenderedPdf pdf = Originals.of(seed, layout).get(0);
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            int pages = doc.getNumberOfPages();
            String all = PdfText.all(pdf.bytes());
            boolean both = pdf.languages().size() == 2;
            String expected = both ? "Page " + pages + " of " + pages + " / Страница " + pages + " из " + pages
                    : "Page " + pages + " of " + pages;
            assertTrue(all.contains(expected), pdf.fileName() + " lacks: " + expected);
            String label = both ? "Initials / Парафы:" : "Initials:";
            List<String> initials = all.lines().filter(line -> line.startsWith(label)).toList();
            assertEquals(pages, initials.size(), "an initials line on every page of " + pdf.fileName());
            for (Party p : a.parties()) {
                String name = p.shortName().en() + (both ? " / " + p.shortName().ru() : "");
                assertTrue(initials.stream().allMatch(line -> line.contains(name)), name + " in every initials line");
            }
            assertTrue(all.replace('\u00A0', ' ').contains(a.shortTitle().en()), "running header");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedsAndLayouts")
    void every_font_is_embedded(Path seed, Layout layout) throws IOException {
        for (RenderedPdf pdf : Originals.of(seed, layout)) {
            try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
                for (PDPage page : doc.getPages()) {
                    PDResources resources = page.getResources();
                    for (COSName name : resources.getFontNames()) {
                        PDFont font = resources.getFont(name);
                        assertTrue(font.isEmbedded(), font.getName() + " is not embedded in " + pdf.fileName());
                        assertTrue(font.getName().contains("LiberationSerif"), font.getName());
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedsAndLayouts")
    void the_first_original_is_pdf_a_3b_according_to_verapdf(Path seed, Layout layout) {
        for (RenderedPdf pdf : Originals.of(seed, layout)) {
            if (pdf.original() == 1) {
                PdfA.assertPdfA3b(pdf.bytes(), pdf.fileName());
            }
        }
    }

    static Stream<Path> seeds() {
        return Stream.of(Seeds.CICA, Seeds.INTERPOL);
    }

    /** Every text of the agreement in one language, placeholders removed (they print as blanks). */
    static List<String> texts(Agreement a, Language lang) {
        List<Text> all = new ArrayList<>(a.titleBlock());
        if (a.preamble().parties() != null) {
            all.add(a.preamble().parties());
        }
        for (Recital r : a.preamble().recitals()) {
            all.add(r.lead() == null ? r.text() : new Text(r.lead().en() + " " + r.text().en(), r.lead().ru() + " " + r.text().ru()));
        }
        all.add(a.preamble().agreed());
        for (Article article : a.articles()) {
            if (article.title() != null) {
                all.add(article.title());
            }
            for (Paragraph p : article.paragraphs()) {
                all.add(p.text());
                if (p.list() != null) {
                    all.addAll(p.list().items());
                }
            }
        }
        all.addAll(a.finalClause().text());
        if (a.preamble().parties() == null) {
            a.parties().forEach(p -> all.add(p.name()));
        }
        TextFiller filler = Renderer.filler(a);
        return all.stream().map(t -> filler.of(t, lang.code()).replace(TextFiller.BLANK, "")).toList();
    }

}
