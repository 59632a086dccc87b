package org.accord.bench;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Date;
import org.accord.pki.KeyEntry;
import org.accord.sign.TrustSetup;

/**
 * DSS alone making a B-LT signature with a text appearance in an existing field, with the same trust services:
 * data to sign, JCA signature, sign document. None of Accord's checks before or after, no form filling.
 */
final class RawDss {

    private final PAdESService service;
    private final DSSFileFont font;

    RawDss(TrustSetup trust) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
        trust.anchors().forEach(a -> anchors.addCertificate(new CertificateToken(a)));
        verifier.setTrustedCertSources(anchors);
        verifier.setOcspSource(new OnlineOCSPSource(trust.loader()));
        verifier.setCrlSource(new OnlineCRLSource(trust.loader()));
        verifier.setAIASource(new DefaultAIASource(trust.loader()));
        this.service = new PAdESService(verifier);
        service.setTspSource(new OnlineTSPSource(trust.tsaUrl(), trust.loader()));
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        try (InputStream in = RawDss.class.getClassLoader().getResourceAsStream("liberation/LiberationSerif-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("the signature font is not on the class path");
            }
            this.font = new DSSFileFont(new InMemoryDocument(in.readAllBytes(), "LiberationSerif-Regular.ttf"));
            font.setEmbedFontSubset(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pdf} signed in {@code field} with {@code key}, at B-LT. */
    byte[] sign(byte[] pdf, String field, KeyEntry key) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_LT);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(key.certificate()));
        parameters.setCertificateChain(key.chain().stream().map(CertificateToken::new).toList());
        parameters.bLevel().setSigningDate(new Date());
        SignatureImageParameters image = new SignatureImageParameters();
        SignatureFieldParameters fieldParameters = new SignatureFieldParameters();
        fieldParameters.setFieldId(field);
        image.setFieldParameters(fieldParameters);
        SignatureImageTextParameters text = new SignatureImageTextParameters();
        text.setText("Signed by " + key.certificate().getSubjectX500Principal().getName() + "\nAstana");
        text.setFont(font);
        image.setTextParameters(text);
        parameters.setImageParameters(image);
        ToBeSigned toBeSigned = service.getDataToSign(new InMemoryDocument(pdf), parameters);
        SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(EncryptionAlgorithm.forKey(key.certificate().getPublicKey()),
                DigestAlgorithm.SHA256);
        try {
            Signature s = Signature.getInstance(algorithm.getJCEId());
            s.initSign(key.key());
            s.update(toBeSigned.getBytes());
            return DSSUtils.toByteArray(service.signDocument(new InMemoryDocument(pdf), parameters,
                    new SignatureValue(algorithm, s.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sample key cannot sign", e);
        }
    }
}
