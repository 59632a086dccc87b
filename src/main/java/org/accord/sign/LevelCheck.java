package org.accord.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * Confirms, from the signed bytes themselves, that the new signature carries what its level requires: a
 * signature time-stamp (B-T and up), validation data in the document security store (B-LT and up), a
 * document time-stamp after it (B-LTA). DSS raises an error when it cannot add these; this is the second
 * lock on the "never degrade silently" door, at a few milliseconds instead of a full validation.
 */
final class LevelCheck {

    private static final String CADES = "ETSI.CAdES.detached";
    private static final String DOC_TIMESTAMP = "ETSI.RFC3161";

    private LevelCheck() {
    }

    static void require(byte[] signed, String field, Level level, X509Certificate signer) {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            PDSignature ours = find(doc, signatures, field);
            if (ours == null) {
                throw new TrustServiceException("the new signature is not in the signed document");
            }
            SignerInformation info = signerInfo(ours.getContents(signed), signer.getSerialNumber());
            if (level.compareTo(Level.B_T) >= 0 && (info.getUnsignedAttributes() == null
                    || info.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) == null)) {
                fail(level, "no signature time-stamp");
            }
            if (level.compareTo(Level.B_LT) >= 0 && !hasValidationData(doc)) {
                fail(level, "no certificates and revocation data in the document security store");
            }
            if (level == Level.B_LTA && signatures.stream().noneMatch(s -> DOC_TIMESTAMP.equals(s.getSubFilter())
                    && s.getByteRange()[2] > ours.getByteRange()[2])) {
                fail(level, "no document time-stamp after the signature");
            }
        } catch (IOException | CMSException e) {
            throw new TrustServiceException("the signed document cannot be read back: " + e.getMessage(), e);
        }
    }

    /** How many document time-stamps the PDF carries. */
    static int documentTimestamps(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return (int) doc.getSignatureDictionaries().stream().filter(s -> DOC_TIMESTAMP.equals(s.getSubFilter())).count();
        } catch (IOException e) {
            throw new TrustServiceException("the extended document cannot be read back: " + e.getMessage(), e);
        }
    }

    private static PDSignature find(PDDocument doc, List<PDSignature> signatures, String field) {
        if (field == null) {
            List<PDSignature> cades = new ArrayList<>(signatures.stream().filter(s -> CADES.equals(s.getSubFilter())).toList());
            return cades.isEmpty() ? null : cades.get(0);
        }
        PDField f = doc.getDocumentCatalog().getAcroForm() == null ? null : doc.getDocumentCatalog().getAcroForm().getField(field);
        return f instanceof PDSignatureField s ? s.getSignature() : null;
    }

    private static SignerInformation signerInfo(byte[] cms, BigInteger serial) throws CMSException {
        for (SignerInformation info : new CMSSignedData(cms).getSignerInfos().getSigners()) {
            if (serial.equals(info.getSID().getSerialNumber())) {
                return info;
            }
        }
        throw new TrustServiceException("the new signature was not made with the signer's certificate");
    }

    private static boolean hasValidationData(PDDocument doc) {
        COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
        if (dss == null) {
            return false;
        }
        COSArray certs = dss.getCOSArray(COSName.getPDFName("Certs"));
        COSArray ocsps = dss.getCOSArray(COSName.getPDFName("OCSPs"));
        COSArray crls = dss.getCOSArray(COSName.getPDFName("CRLs"));
        return certs != null && certs.size() > 0 && (ocsps != null && ocsps.size() > 0 || crls != null && crls.size() > 0);
    }

    private static void fail(Level level, String what) {
        throw new TrustServiceException("the signature did not reach " + level.code() + ": " + what + "; nothing written");
    }
}
