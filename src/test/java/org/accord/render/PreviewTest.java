package org.accord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.accord.testing.Fixtures;
import org.accord.testing.PdfA;
import org.accord.testing.Seeds;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A preview can never pass for an original: "DRAFT" / «ПРОЕКТ» on every page, in the file's languages, no signature field, a draft's name. */
class PreviewTest {

    private static final Renderer RENDERER = new Renderer();

    @Test
    void every_page_of_every_layout_of_a_preview_says_draft_in_its_languages_and_it_cannot_be_signed() throws IOException {
        for (Layout layout : Layout.values()) {
            List<RenderedPdf> drafts = RENDERER.preview(Seeds.read(Seeds.INTERPOL), layout);
            assertEquals(layout == Layout.SEPARATE ? 2 : 1, drafts.size());
            for (RenderedPdf draft : drafts) {
                assertTrue(draft.fileName().startsWith("draft-interpol-impact-2012-" + layout.code() + "-"), draft.fileName());
                try (PDDocument doc = Loader.loadPDF(draft.bytes())) {
                    assertNull(doc.getDocumentCatalog().getAcroForm(null), "a draft has no signature fields: " + draft.fileName());
                    PDFTextStripper text = new PDFTextStripper();
                    for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                        text.setStartPage(page);
                        text.setEndPage(page);
                        String words = text.getText(doc);
                        boolean en = draft.languages().contains(org.accord.model.Language.EN);
                        boolean ru = draft.languages().contains(org.accord.model.Language.RU);
                        assertEquals(en, words.contains("DRAFT — NOT AN ORIGINAL"), draft.fileName() + " page " + page);
                        assertEquals(ru, words.contains("ПРОЕКТ — НЕ ЯВЛЯЕТСЯ ПОДЛИННЫМ ЭКЗЕМПЛЯРОМ"), draft.fileName() + " page " + page);
                        assertFalse(words.contains("Original 1 of"), draft.fileName() + " page " + page);
                    }
                }
                PdfA.assertPdfA3b(draft.bytes(), draft.fileName());
            }
        }
    }

    @Test
    void an_original_carries_no_draft_mark() {
        String text = org.accord.testing.PdfText.all(Fixtures.original(Seeds.CICA));
        assertFalse(text.contains("DRAFT") || text.contains("ПРОЕКТ"), "an original is not a draft");
        assertTrue(text.replace('\u00A0', ' ').contains("Original 1 of 2 — kept by"), text);
    }
}
