package org.accord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.accord.model.Agreement;
import org.accord.model.Article;
import org.accord.model.Paragraph;
import org.accord.model.Text;
import org.accord.testing.PdfText;
import org.accord.testing.Seeds;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A paragraph longer than a page breaks across pages with every word of it in the original: nothing runs off the
 * bottom of a page, in either language, in either layout (and were FOP to overflow a page, the render fails).
 */
class LongTextTest {

    /** The CICA protocol whose second article has one paragraph of about three pages per language, with numbered sentences. */
    private static Agreement withLongParagraph() {
        Agreement c = Seeds.read(Seeds.CICA);
        StringBuilder en = new StringBuilder();
        StringBuilder ru = new StringBuilder();
        for (int i = 1; i <= 220; i++) {
            en.append("Sentence ").append(i).append(" of the long paragraph binds the Parties as every other does. ");
            ru.append("Предложение ").append(i).append(" длинного абзаца обязывает Стороны так же, как и остальные. ");
        }
        List<Article> articles = new ArrayList<>(c.articles());
        Article second = articles.get(1);
        List<Paragraph> paragraphs = new ArrayList<>(second.paragraphs());
        paragraphs.add(0, new Paragraph(new Text(en.toString().strip(), ru.toString().strip()), null));
        articles.set(1, new Article(second.number(), second.title(), second.numbered(), paragraphs, second.headed()));
        return new Agreement(c.id(), c.kind(), c.title(), c.shortTitle(), c.titleBlock(), c.initials(), c.parties(),
                c.preamble(), articles, c.finalClause(), c.entryIntoForce());
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"PARALLEL", "SEQUENTIAL"})
    void every_sentence_of_a_paragraph_longer_than_a_page_is_in_the_original(Layout layout) throws Exception {
        Agreement a = withLongParagraph();
        byte[] pdf = Originals.RENDERER.render(a, layout, 1).get(0).bytes();
        // the body of every page, below the running header and above the footer: a sentence may go on overleaf
        boolean parallel = layout == Layout.PARALLEL;
        String english = PdfText.squash(PdfText.body(pdf, parallel ? PdfText.Area.LEFT : PdfText.Area.FULL));
        String russian = PdfText.squash(PdfText.body(pdf, parallel ? PdfText.Area.RIGHT : PdfText.Area.FULL));
        String text = english;
        for (int i = 1; i <= 220; i++) {
            assertTrue(english.contains(PdfText.squash("Sentence " + i + " of the long paragraph")), "English sentence " + i + " is missing");
            assertTrue(russian.contains(PdfText.squash("Предложение " + i + " длинного абзаца")), "Russian sentence " + i + " is missing");
        }
        // and what follows it is there too: the article's next paragraph and the signature blocks
        Paragraph next = a.articles().get(1).paragraphs().get(1);
        assertTrue(text.contains(PdfText.squash(next.text().en().substring(0, 40))), "the paragraph after the long one");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 6, "the long paragraph takes pages of its own: " + doc.getNumberOfPages());
            assertEquals(a.parties().size(), doc.getDocumentCatalog().getAcroForm().getFields().stream()
                    .filter(f -> f instanceof org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField).count());
        }
    }
}
