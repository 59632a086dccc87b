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
        return sign(pdf, key, null);
    }

    /**
     * A PAdES B-T signature by {@code key} into the existing field {@code field} (a new one when null), made with DSS
     * directly: none of Accord's checks of who may sign it.
     */
    public static byte[] sign(byte[] pdf, KeyEntry key, String field) {
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        if (field != null) {
            eu.europa.esig.dss.pades.SignatureImageParameters image = new eu.europa.esig.dss.pades.SignatureImageParameters();
            eu.europa.esig.dss.pades.SignatureFieldParameters fieldParameters = new eu.europa.esig.dss.pades.SignatureFieldParameters();
            fieldParameters.setFieldId(field);
            image.setFieldParameters(fieldParameters);
            p.setImageParameters(image);
        }
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

    /** A PDF signed (B-B) with a fresh Ed448 key whose self-signed certificate is returned beside it. */
    public record Signed(byte[] pdf, java.security.cert.X509Certificate certificate) {
    }

    public static Signed signEd448(byte[] pdf) {
        try {
            java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed448").generateKeyPair();
            org.bouncycastle.asn1.x500.X500Name dn = new org.bouncycastle.asn1.x500.X500Name("CN=Ed448 Signer");
            long now = System.currentTimeMillis();
            var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(dn, java.math.BigInteger.TEN,
                    new java.util.Date(now - 86_400_000L), new java.util.Date(now + 86_400_000L * 365), dn, pair.getPublic());
            builder.addExtension(org.bouncycastle.asn1.x509.Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(
                    org.bouncycastle.asn1.x509.KeyUsage.digitalSignature | org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation
                            | org.bouncycastle.asn1.x509.KeyUsage.keyCertSign));
            java.security.cert.X509Certificate cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                    builder.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("Ed448").build(pair.getPrivate())));
            PAdESSignatureParameters p = new PAdESSignatureParameters();
            p.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
            p.setSigningCertificate(new CertificateToken(cert));
            p.setEncryptionAlgorithm(eu.europa.esig.dss.enumerations.EncryptionAlgorithm.EDDSA);
            p.setDigestAlgorithm(DigestAlgorithm.SHAKE256_512);
            DSSDocument doc = new InMemoryDocument(pdf);
            ToBeSigned toBeSigned = SERVICE.getDataToSign(doc, p);
            java.security.Signature signature = java.security.Signature.getInstance("Ed448");
            signature.initSign(pair.getPrivate());
            signature.update(toBeSigned.getBytes());
            SignatureValue value = new SignatureValue(eu.europa.esig.dss.enumerations.SignatureAlgorithm.ED448, signature.sign());
            return new Signed(DSSUtils.toByteArray(SERVICE.signDocument(doc, p, value)), cert);
        } catch (GeneralSecurityException | java.io.IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document time-stamp from the test TSA, appended as an incremental update. */
    public static byte[] timestamp(byte[] pdf) {
        return DSSUtils.toByteArray(SERVICE.timestamp(new InMemoryDocument(pdf), new PAdESTimestampParameters()));
    }
}
