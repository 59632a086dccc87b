package org.accord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.accord.testing.PdfA;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Originals are tagged PDF: the structure tree holds each column's paragraphs in their language (Lang en / ru) and
 * every form field's widget in a Form element, and unsigned originals conform to PDF/UA-1 as veraPDF checks it.
 */
class AccessibilityTest {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> seedsAndLayouts() {
        return RendererTest.seedsAndLayouts();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedsAndLayouts")
    void unsigned_originals_are_pdf_ua_1_with_each_part_in_its_language(Path seed, Layout layout) throws IOException {
        for (RenderedPdf pdf : Originals.of(seed, layout)) {
            PdfA.assertPdfUa1(pdf.bytes(), pdf.fileName());
            try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
                assertEquals("en", doc.getDocumentCatalog().getLanguage(), pdf.fileName());
                Map<String, Integer> count = new TreeMap<>();
                walk(doc.getDocumentCatalog().getStructureTreeRoot(), null, count);
                assertTrue(count.getOrDefault("P:ru", 0) > 10, pdf.fileName() + ": Russian paragraphs tagged ru " + count);
                assertTrue(count.getOrDefault("P:en", 0) > 10, pdf.fileName() + ": English paragraphs tagged en " + count);
                int widgets = 0;
                for (var page : doc.getPages()) {
                    for (PDAnnotation a : page.getAnnotations()) {
                        widgets++;
                        assertTrue(a.getStructParent() >= 0, "widget " + a.getCOSObject().getString(org.apache.pdfbox.cos.COSName.T));
                    }
                }
                assertEquals(widgets, count.getOrDefault("OBJR:Form", 0), pdf.fileName() + ": every widget in a Form tag " + count);
            }
        }
    }

    private static void walk(PDStructureNode node, String inherited, Map<String, Integer> count) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                String lang = e.getLanguage() != null ? e.getLanguage() : inherited;
                count.merge(e.getStructureType() + ":" + lang, 1, Integer::sum);
                walk(e, lang, count);
            } else if (kid instanceof PDObjectReference && node instanceof PDStructureElement parent) {
                count.merge("OBJR:" + parent.getStructureType(), 1, Integer::sum);
            }
        }
    }
}
