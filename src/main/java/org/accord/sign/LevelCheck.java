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
            throw new TrustServiceException("the signed document cannot be read back", e);
        }
    }

    /**
     * The genTime of the signature time-stamp of the signature in {@code field} (the first CAdES signature when
     * null), and the signer's certificate; the time-stamp is empty at B-B.
     */
    static Signed signed(byte[] pdf, String field) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = find(doc, doc.getSignatureDictionaries(), field);
            if (sig == null) {
                throw new SigningRefusedException("no signature in field " + field);
            }
            CMSSignedData cms = new CMSSignedData(sig.getContents(pdf));
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            java.security.cert.X509Certificate certificate = null;
            for (var holder : cms.getCertificates().getMatches(info.getSID())) {
                certificate = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                        .getCertificate((org.bouncycastle.cert.X509CertificateHolder) holder);
            }
            java.time.Instant time = null;
            var attributes = info.getUnsignedAttributes();
            var attribute = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            if (attribute != null) {
                var token = new org.bouncycastle.tsp.TimeStampToken(new CMSSignedData(
                        attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
                time = token.getTimeStampInfo().getGenTime().toInstant();
            }
            return new Signed(certificate, time);
        } catch (IOException | CMSException | java.security.cert.CertificateException | org.bouncycastle.tsp.TSPException e) {
            throw new SigningRefusedException("the signature in " + field + " cannot be read", e);
        }
    }

    /**
     * When the certificate of the time-stamping unit that made the last document time-stamp expires: the moment
     * before which a B-LTA document needs a new archive time-stamp. Empty when the PDF carries no document time-stamp.
     */
    static java.util.Optional<java.time.Instant> archiveExpiry(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature last = null;
            for (PDSignature s : doc.getSignatureDictionaries()) {
                if (DOC_TIMESTAMP.equals(s.getSubFilter()) && (last == null || s.getByteRange()[2] > last.getByteRange()[2])) {
                    last = s;
                }
            }
            if (last == null) {
                return java.util.Optional.empty();
            }
            var token = new org.bouncycastle.tsp.TimeStampToken(new CMSSignedData(last.getContents(pdf)));
            for (var holder : token.getCertificates().getMatches(token.getSID())) {
                return java.util.Optional.of(((org.bouncycastle.cert.X509CertificateHolder) holder).getNotAfter().toInstant());
            }
            throw new TrustServiceException("the last document time-stamp does not carry its unit's certificate");
        } catch (IOException | CMSException | org.bouncycastle.tsp.TSPException e) {
            throw new TrustServiceException("the document time-stamps cannot be read", e);
        }
    }

    /** How many document time-stamps the PDF carries. */
    static int documentTimestamps(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return (int) doc.getSignatureDictionaries().stream().filter(s -> DOC_TIMESTAMP.equals(s.getSubFilter())).count();
        } catch (IOException e) {
            throw new TrustServiceException("the extended document cannot be read back", e);
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
