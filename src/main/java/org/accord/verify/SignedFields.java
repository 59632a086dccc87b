package org.accord.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/** What PDFBox sees before DSS runs: the limits, and every signature field that holds a value. */
final class SignedFields {

    /** A signature field with a value: its name, sub-filter and byte range (empty when unreadable). */
    record Field(String name, String subFilter, int[] byteRange) {

        long end() {
            return byteRange.length == 4 ? (long) byteRange[2] + byteRange[3] : 0;
        }
    }

    private SignedFields() {
    }

    /** Reads the document's structure within {@code limits}; throws when it is unusable. */
    static List<Field> scan(byte[] pdf, Limits limits) {
        if (pdf.length > limits.maxBytes()) {
            throw new UnusableInputException("the file has " + pdf.length + " bytes, more than the " + limits.maxBytes()
                    + " Accord validates");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) {
                throw new UnusableInputException("the PDF is encrypted: Accord validates only unencrypted PDFs");
            }
            int objects = doc.getDocument().getXrefTable().size();
            if (objects > limits.maxObjects()) {
                throw new UnusableInputException("the PDF has " + objects + " objects, more than the "
                        + limits.maxObjects() + " Accord validates");
            }
            int pages = doc.getNumberOfPages();
            if (pages > limits.maxPages()) {
                throw new UnusableInputException("the PDF has " + pages + " pages, more than the " + limits.maxPages()
                        + " Accord validates");
            }
            return fields(doc);
        } catch (IOException e) {
            throw new UnusableInputException("not a readable PDF: " + e.getMessage(), e);
        }
    }

    private static List<Field> fields(PDDocument doc) {
        List<Field> fields = new ArrayList<>();
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
        if (form == null) {
            return fields;
        }
        for (PDField f : form.getFieldTree()) {
            if (f instanceof PDSignatureField s && s.getSignature() != null) {
                PDSignature sig = s.getSignature();
                int[] range;
                try {
                    range = sig.getByteRange();
                } catch (RuntimeException e) {
                    range = new int[0];
                }
                fields.add(new Field(f.getFullyQualifiedName(), sig.getSubFilter(), range));
            }
        }
        return fields;
    }
}
