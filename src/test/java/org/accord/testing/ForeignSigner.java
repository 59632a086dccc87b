package org.accord.testing;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.PAdESTimestampParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.accord.pki.KeyEntry;
import org.accord.pki.LocalTrustDataLoader;
import org.accord.pki.PkiFiles;

/**
 * DSS's PAdES service with none of Accord's checks before signing: appends a signature or a document time-stamp
 * to any PDF, as another signer would — the way an attacker's revision gets a genuine signature after it.
 */
public final class ForeignSigner {

    private static final PAdESService SERVICE = service();

    private ForeignSigner() {
    }

    private static PAdESService service() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
        verifier.setAlertOnInvalidSignature(new SilentOnStatusAlert());
        verifier.setAlertOnInvalidTimestamp(new SilentOnStatusAlert());
        verifier.setAlertOnRevokedCertificate(new SilentOnStatusAlert());
        verifier.setAlertOnNoRevocationAfterBestSignatureTime(new SilentOnStatusAlert());
        verifier.setAlertOnUncoveredPOE(new SilentOnStatusAlert());
        PAdESService service = new PAdESService(verifier);
        LocalTrustDataLoader loader = new LocalTrustDataLoader(TestPki.services(), TestPki.BASE_URL,
                new eu.europa.esig.dss.service.http.commons.CommonsDataLoader());
        service.setTspSource(new OnlineTSPSource(TestPki.BASE_URL + PkiFiles.TSA_PATH, loader));
        return service;
    }

    /** A PAdES B-T signature by {@code key} in a new invisible field, appended as an incremental update. */
    public static byte[] sign(byte[] pdf, KeyEntry key) {
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.PAdES_BASELINE_T);
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(new CertificateToken(key.chain().get(0)));
        List<CertificateToken> chain = new ArrayList<>();
        key.chain().forEach(c -> chain.add(new CertificateToken(c)));
        p.setCertificateChain(chain);
        DSSDocument doc = new InMemoryDocument(pdf);
        ToBeSigned toBeSigned = SERVICE.getDataToSign(doc, p);
        try {
            boolean ec = key.key().getAlgorithm().equals("EC");
            java.security.Signature signature = java.security.Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
            signature.initSign(key.key());
            signature.update(toBeSigned.getBytes());
            SignatureValue value = new SignatureValue(ec ? eu.europa.esig.dss.enumerations.SignatureAlgorithm.ECDSA_SHA256
                    : eu.europa.esig.dss.enumerations.SignatureAlgorithm.RSA_SHA256, signature.sign());
            return DSSUtils.toByteArray(SERVICE.signDocument(doc, p, value));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document time-stamp from the test TSA, appended as an incremental update. */
    public static byte[] timestamp(byte[] pdf) {
        return DSSUtils.toByteArray(SERVICE.timestamp(new InMemoryDocument(pdf), new PAdESTimestampParameters()));
    }
}
