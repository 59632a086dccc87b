package org.accord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.accord.model.Agreement;
import org.accord.model.Party;
import org.accord.testing.PdfText;
import org.accord.testing.PdfText.Area;
import org.accord.testing.Seeds;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignatureFieldsTest {

    static Stream<Arguments> seedsAndLayouts() {
        return RendererTest.seedsAndLayouts();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedsAndLayouts")
    void every_party_has_exactly_one_empty_signature_field_on_the_last_page(Path seed, Layout layout) throws IOException {
        Agreement a = Seeds.read(seed);
        for (RenderedPdf pdf : Originals.of(seed, layout)) {
            try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
                PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
                List<String> names = form.getFields().stream().map(PDField::getFullyQualifiedName).toList();
                List<String> expected = new java.util.ArrayList<>();
                for (Party p : a.parties()) {
                    expected.add(p.signatureFieldName());
                    for (Party.Completion what : Party.Completion.values()) {
                        expected.add(what.fieldName(p.id(), "en"));
                        expected.add(what.fieldName(p.id(), "ru"));
                    }
                }
                assertEquals(expected, names, pdf.fileName());
                int last = doc.getNumberOfPages() - 1;
                for (PDField field : form.getFields()) {
                    if (field instanceof org.apache.pdfbox.pdmodel.interactive.form.PDTextField text) {
                        // a place or date: read-only, empty until the party signs, locked by the party's signature
                        assertTrue(text.isReadOnly(), text.getFullyQualifiedName());
                        assertNull(text.getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.V), text.getFullyQualifiedName());
                        assertEquals(last, doc.getPages().indexOf(text.getWidgets().get(0).getPage()), text.getFullyQualifiedName());
                        continue;
                    }
                    PDSignatureField sig = (PDSignatureField) field;
                    String party = sig.getPartialName().substring("sig-".length());
                    org.apache.pdfbox.cos.COSDictionary lock = sig.getCOSObject().getCOSDictionary(org.apache.pdfbox.cos.COSName.getPDFName("Lock"));
                    assertEquals("Include", lock.getNameAsString("Action"), sig.getPartialName());
                    assertEquals(List.of("place-" + party + "-en", "place-" + party + "-ru", "date-" + party + "-en", "date-" + party + "-ru"),
                            lock.getCOSArray(org.apache.pdfbox.cos.COSName.FIELDS).toList().stream().map(x -> ((org.apache.pdfbox.cos.COSString) x).getString()).toList());
                    assertNull(sig.getValue(), field.getFullyQualifiedName() + " is already signed");
                    assertEquals(1, sig.getWidgets().size());
                    PDAnnotationWidget widget = sig.getWidgets().get(0);
                    assertEquals(last, doc.getPages().indexOf(widget.getPage()), field.getFullyQualifiedName() + " page");
                    assertTrue(doc.getPage(last).getAnnotations().contains(widget), "widget listed in the page's /Annots");
                    assertTrue(widget.isPrinted(), "PDF/A wants printable widgets");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedsAndLayouts")
    void each_field_lies_inside_its_partys_block_between_the_heading_and_the_name(Path seed, Layout layout)
            throws IOException {
        Agreement a = Seeds.read(seed);
        for (RenderedPdf pdf : Originals.of(seed, layout)) {
            try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
                int last = doc.getNumberOfPages() - 1;
                PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
                String lang = pdf.languages().get(0).code();
                String lastLang = pdf.languages().get(pdf.languages().size() - 1).code();
                for (int i = 0; i < a.parties().size(); i++) {
                    Party p = a.parties().get(i);
                    Area column = i % 2 == 0 ? Area.LEFT : Area.RIGHT;
                    PDRectangle field = form.getField(p.signatureFieldName()).getWidgets().get(0).getRectangle();
                    PDRectangle heading = PdfText.locate(pdf.bytes(), last, column, firstWords(p.signatureHeading().in(lang)));
                    PDRectangle lastHeading = PdfText.locate(pdf.bytes(), last, column, lastWords(p.signatureHeading().in(lastLang)));
                    PDRectangle name = PdfText.locate(pdf.bytes(), last, column, p.signatory().name().in(lang));
                    String where = pdf.fileName() + " " + p.signatureFieldName();
                    assertEquals(Renderer.BOX.widthPt(), field.getWidth(), 0.01, where + " width");
                    assertEquals(Renderer.BOX.heightPt(), field.getHeight(), 0.01, where + " height");
                    assertEquals(heading.getLowerLeftX(), field.getLowerLeftX(), 1.0, where + " starts where its block starts");
                    assertTrue(field.getUpperRightY() < lastHeading.getLowerLeftY(), where + " is below the heading");
                    assertTrue(field.getLowerLeftY() > name.getUpperRightY(), where + " is above the signatory's name");
                    assertTrue(field.getUpperRightX() < heading.getLowerLeftX() + 85 * PdfText.MM, where + " stays in its column");
                    assertEquals("", PdfText.inside(pdf.bytes(), last, field).strip(), where + " covers no text");
                    for (Party.Completion what : Party.Completion.values()) {
                        for (String l : List.of("en", "ru")) {
                            String fieldName = what.fieldName(p.id(), l);
                            PDRectangle box = form.getField(fieldName).getWidgets().get(0).getRectangle();
                            String at = pdf.fileName() + " " + fieldName;
                            assertEquals(Renderer.FIELD.widthPt(), box.getWidth(), 0.01, at + " width");
                            assertTrue(box.getUpperRightY() < name.getLowerLeftY(), at + " is below the signatory's name");
                            assertTrue(box.getLowerLeftX() > heading.getLowerLeftX() + 10 * PdfText.MM, at + " is right of its label");
                            assertTrue(box.getUpperRightX() < heading.getLowerLeftX() + 85 * PdfText.MM, at + " stays in its column");
                            assertEquals("", PdfText.inside(pdf.bytes(), last, box).strip(), at + " covers no text");
                        }
                    }
                }
            }
        }
    }

    private static String firstWords(String s) {
        return s.substring(0, Math.min(s.length(), 20));
    }

    private static String lastWords(String s) {
        return s.substring(Math.max(0, s.length() - 12));
    }
}
