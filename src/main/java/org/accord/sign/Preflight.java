package org.accord.sign;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/** What must hold of a document before Accord adds a signature to it. */
final class Preflight {

    private static final String DOC_TIMESTAMP = "ETSI.RFC3161";

    private final CertificateVerifier offlineVerifier;

    Preflight(CertificateVerifier offlineVerifier) {
        this.offlineVerifier = offlineVerifier;
    }

    /**
     * Checks that {@code field} exists, is unsigned, and that the document may take another signature. With
     * {@code base} (a revision Accord stored and checked, may be null) whose bytes {@code pdf} begins with, the
     * signatures inside it are not validated again: only that nothing signed was added after it.
     */
    void beforeSigning(byte[] pdf, String field, CheckedRevision base) {
        int signed;
        try (PDDocument doc = load(pdf)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDField target = form == null ? null : form.getField(field);
            if (!(target instanceof PDSignatureField sig)) {
                throw new SigningRefusedException("the document has no signature field " + field
                        + ": no such party in this original");
            }
            if (sig.getValue() != null) {
                throw new SigningRefusedException("field " + field + " is already signed");
            }
            refuseIfNoChangesPermitted(doc);
            signed = signedFields(form).size();
        } catch (IOException e) {
            throw new SigningRefusedException("not a readable PDF", e);
        }
        if (signed > 0 && !(base != null && base.intactSignatures() == signed && base.isPrefixOf(pdf))) {
            requireIntactSignatures(pdf, signed);
        }
    }

    /** Validates every signature of {@code pdf} as before signing over it; the record of the revision when they hold. */
    CheckedRevision check(byte[] pdf) {
        int signed;
        try (PDDocument doc = load(pdf)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            signed = form == null ? 0 : signedFields(form).size();
        } catch (IOException e) {
            throw new SigningRefusedException("not a readable PDF", e);
        }
        if (signed > 0) {
            requireIntactSignatures(pdf, signed);
        }
        return CheckedRevision.of(pdf, signed);
    }

    /** Checks that there are signatures to extend and that they hold; returns the document time-stamps present. */
    int beforeExtending(byte[] pdf) {
        int signed;
        int timestamps;
        try (PDDocument doc = load(pdf)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            signed = form == null ? 0 : signedFields(form).size();
            timestamps = (int) doc.getSignatureDictionaries().stream().filter(s -> DOC_TIMESTAMP.equals(s.getSubFilter())).count();
        } catch (IOException e) {
            throw new SigningRefusedException("not a readable PDF", e);
        }
        if (signed == 0) {
            throw new SigningRefusedException("the document carries no signature to extend");
        }
        requireIntactSignatures(pdf, signed);
        return timestamps;
    }

    /** Checks that a certification can come first: the document carries no signature yet. */
    void beforeCertifying(byte[] pdf) {
        try (PDDocument doc = load(pdf)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            if (form != null && !signedFields(form).isEmpty()) {
                throw new SigningRefusedException("the document is already signed: a certification must be its first signature");
            }
        } catch (IOException e) {
            throw new SigningRefusedException("not a readable PDF", e);
        }
    }

    private static PDDocument load(byte[] pdf) {
        try {
            PDDocument doc = Loader.loadPDF(pdf);
            if (doc.isEncrypted()) {
                doc.close();
                throw new SigningRefusedException("the document is encrypted: Accord signs only unencrypted PDFs");
            }
            return doc;
        } catch (IOException e) {
            throw new SigningRefusedException("not a readable PDF", e);
        }
    }

    /** Fields holding a signature (document time-stamps, which DSS lists apart, not counted). */
    private static List<String> signedFields(PDAcroForm form) {
        List<String> signed = new ArrayList<>();
        for (PDField f : form.getFieldTree()) {
            if (f instanceof PDSignatureField s && s.getValue() != null && !DOC_TIMESTAMP.equals(s.getValue().getSubFilter())) {
                signed.add(f.getFullyQualifiedName());
            }
        }
        return signed;
    }

    /** A certification with DocMDP P=1 forbids every change, another signature included. */
    private static void refuseIfNoChangesPermitted(PDDocument doc) {
        COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        COSDictionary docMdp = perms == null ? null : perms.getCOSDictionary(COSName.getPDFName("DocMDP"));
        COSArray references = docMdp == null ? null : docMdp.getCOSArray(COSName.getPDFName("Reference"));
        if (references == null) {
            return;
        }
        for (COSBase ref : references) {
            if (ref.getCOSObject() instanceof COSDictionary r) {
                COSDictionary params = r.getCOSDictionary(COSName.getPDFName("TransformParams"));
                if (params != null && params.getInt(COSName.P, 2) == 1) {
                    throw new SigningRefusedException("the document is certified with no changes permitted (DocMDP P=1): "
                            + "it cannot take another signature");
                }
            }
        }
    }

    /**
     * Whether a change DSS could not classify is a form field filled in: a field's value or appearance that DSS
     * reached through the structure tree (a tagged original lists every widget there) rather than through the form.
     */
    private static boolean formFilling(eu.europa.esig.dss.diagnostic.jaxb.XmlObjectModification m) {
        String path = m.getValue() == null ? "" : m.getValue();
        int widget = path.lastIndexOf("/Obj ");
        if (!path.contains("/StructTreeRoot ") || widget < 0) {
            return false;
        }
        // what follows the widget the structure tree refers to: its value (a signature's too) or its appearance
        return path.substring(widget).matches("/Obj \\d+ 0 R /(V|AP|AS)( .*)?");
    }

    /** Never sign over a revision whose signatures no longer hold: each must be intact and unchanged since. */
    private void requireIntactSignatures(byte[] pdf, int signedFields) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(offlineVerifier);
        DiagnosticData diagnostic = validator.validateDocument().getDiagnosticData();
        List<SignatureWrapper> signatures = diagnostic.getSignatures();
        if (signatures.size() != signedFields) {
            throw new SigningRefusedException("the document has " + signedFields + " signed fields but only "
                    + signatures.size() + " readable signatures: it will not be signed again");
        }
        for (SignatureWrapper s : signatures) {
            String who = s.getPDFRevision() == null ? s.getId() : String.join(",", s.getPDFRevision().getSignatureFieldNames());
            if (!s.isSignatureIntact() || !s.isSignatureValid()) {
                throw new SigningRefusedException("the existing signature in " + who + " is broken: the document was "
                        + "changed inside what it signed; it will not be signed again");
            }
            PDFRevisionWrapper revision = s.getPDFRevision();
            if (revision != null && (!revision.getPdfVisualDifferenceConcernedPages().isEmpty()
                    || !revision.getPdfPageDifferenceConcernedPages().isEmpty()
                    || revision.getPdfUndefinedChanges().stream().anyMatch(m -> !formFilling(m))
                    || !revision.getPdfAnnotationsOverlapConcernedPages().isEmpty())) {
                throw new SigningRefusedException("the document was changed after the signature in " + who
                        + " (beyond signing and form filling); it will not be signed again");
            }
        }
    }
}
