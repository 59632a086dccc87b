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

    /** The largest embedded file whose digest is computed; a larger one is listed without it. */
    static final long MAX_ATTACHMENT = 64L << 20;

    /**
     * A signature field with a value: its name, sub-filter, byte range (empty when unreadable) and the files
     * associated with it (/AF: a signatory's full powers).
     */
    record Field(String name, String subFilter, int[] byteRange, List<Attachment> attachments) {

        Field {
            attachments = List.copyOf(attachments);
        }

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

    /** An embedded file associated with a signature field: its name, size and SHA-256 (null when over the limit). */
    record Attachment(String fileName, long size, String sha256) {
    }

    /** The value of every text field of {@code pdf}, by fully qualified name (null for an empty one). */
    static java.util.Map<String, String> textValues(byte[] pdf, Deadline deadline) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf, "")) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            if (form != null) {
                int seen = 0;
                for (PDField f : form.getFieldTree()) {
                    if (++seen > 10_000) {
                        break;
                    }
                    deadline.check();
                    if (f instanceof org.apache.pdfbox.pdmodel.interactive.form.PDTextField t) {
                        String v = t.getCOSObject().getString(org.apache.pdfbox.cos.COSName.V);
                        values.put(t.getFullyQualifiedName(), v == null || v.isBlank() ? null : v);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Deadline.Exceeded x) {
                throw x;
            }
        }
        return values;
    }

    /** The files associated with field {@code name} of {@code pdf} (a signed revision); empty when it has none. */
    static List<Attachment> attachmentsOf(byte[] pdf, String name, Deadline deadline) {
        try (PDDocument doc = Loader.loadPDF(pdf, "")) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            PDField field = form == null ? null : form.getField(name);
            return field instanceof PDSignatureField s ? attachments(s, deadline) : List.of();
        } catch (IOException | RuntimeException e) {
            if (e instanceof Deadline.Exceeded x) {
                throw x;
            }
            return List.of();
        }
    }

    private static List<Attachment> attachments(PDSignatureField field, Deadline deadline) {
        List<Attachment> found = new ArrayList<>();
        List<org.apache.pdfbox.cos.COSDictionary> holders = new ArrayList<>();
        holders.add(field.getCOSObject());
        field.getWidgets().forEach(w -> holders.add(w.getCOSObject()));
        java.util.Set<Attachment> seen = new java.util.HashSet<>();
        for (org.apache.pdfbox.cos.COSDictionary holder : holders) {
            if (!(holder.getDictionaryObject(org.apache.pdfbox.cos.COSName.AF) instanceof org.apache.pdfbox.cos.COSArray af)) {
                continue;
            }
            for (int i = 0; i < af.size() && i < 64; i++) {
                deadline.check();
                if (af.getObject(i) instanceof org.apache.pdfbox.cos.COSDictionary spec) {
                    Attachment a = attachment(spec);
                    if (a != null && seen.add(a)) {
                        found.add(a);
                    }
                }
            }
        }
        return found;
    }

    private static Attachment attachment(org.apache.pdfbox.cos.COSDictionary spec) {
        if (!(spec.getDictionaryObject(org.apache.pdfbox.cos.COSName.EF) instanceof org.apache.pdfbox.cos.COSDictionary ef)
                || !(ef.getDictionaryObject(org.apache.pdfbox.cos.COSName.F) instanceof org.apache.pdfbox.cos.COSStream stream)) {
            return null;
        }
        String name = spec.getString(org.apache.pdfbox.cos.COSName.UF);
        if (name == null) {
            name = spec.getString(org.apache.pdfbox.cos.COSName.F);
        }
        try (java.io.InputStream in = stream.createInputStream()) {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int r; (r = in.read(buffer)) > 0; ) {
                size += r;
                if (size > MAX_ATTACHMENT) {
                    return new Attachment(name, size, null);
                }
                sha.update(buffer, 0, r);
            }
            return new Attachment(name, size, java.util.HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return new Attachment(name, -1, null);
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
                fields.add(new Field(f.getFullyQualifiedName(), sig.getSubFilter(), range, attachments(s, deadline)));
            }
        }
        return fields;
    }
}
