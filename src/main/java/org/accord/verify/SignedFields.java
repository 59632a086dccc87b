package org.accord.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * What PDFBox sees before DSS runs: the page limit, and every signature field that holds a value. An encrypted
 * document opens if its user password is empty (the usual case for signed PDFs); one that needs a password is
 * unusable.
 */
final class SignedFields {

    /** A signature field with a value: its name, sub-filter and byte range (empty when unreadable). */
    record Field(String name, String subFilter, int[] byteRange) {

        long end() {
            return byteRange.length == 4 ? (long) byteRange[2] + byteRange[3] : 0;
        }
    }

    private SignedFields() {
    }

    /** Reads the document's signature fields within {@code limits}; throws when it is unusable. */
    static List<Field> scan(byte[] pdf, Limits limits, Deadline deadline) {
        try (PDDocument doc = Loader.loadPDF(pdf, "")) {
            deadline.check();
            int pages = doc.getNumberOfPages();
            if (pages > limits.maxPages() || pages < 0) {
                throw new UnusableInputException(Finding.of(Finding.Code.TOO_MANY_PAGES, "pages", (long) pages,
                        "max", (long) limits.maxPages()));
            }
            return fields(doc, deadline);
        } catch (InvalidPasswordException e) {
            throw new UnusableInputException(Finding.of(Finding.Code.ENCRYPTED), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnusableInputException || e instanceof Deadline.Exceeded) {
                throw (RuntimeException) e;
            }
            throw new UnusableInputException(Finding.of(Finding.Code.UNREADABLE_PDF), e);
        }
    }

    private static List<Field> fields(PDDocument doc, Deadline deadline) {
        List<Field> fields = new ArrayList<>();
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return fields;
        }
        for (PDField f : form.getFieldTree()) {
            deadline.check();
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
