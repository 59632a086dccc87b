package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPKCS7;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.TSAClientBouncyCastle;
import eu.europa.esig.dss.enumerations.Indication;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accord.pki.LocalTrustDataLoader;
import org.accord.pki.PkiFiles;
import org.accord.pki.TrustServicesServer;
import org.accord.testing.TestPki;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Foreign signatures made with OpenPDF — its signature appearance and its PKCS#7 code — with a throw-away PKI made
 * here, with and without an RFC 3161 time-stamp from the sample TSA over HTTP, on documents Accord did not render.
 */
class OpenPdfSignedTest {

    /** A root, two signers and the root's (empty) CRL, made for this test only. */
    record Pki(X509Certificate root, PrivateKey rootKey, X509Certificate alice, PrivateKey aliceKey,
               X509Certificate bob, PrivateKey bobKey, X509CRL crl) {
    }

    private static Pki pki;
    private static TrustServicesServer tsa;
    private static Verifier verifier;

    @BeforeAll
    static void setUp() throws Exception {
        pki = throwAwayPki();
        tsa = TrustServicesServer.start(TestPki.services(), 0);
        verifier = new Verifier(List.of(new TrustAnchor(pki.root(), "Throw-away root", false),
                new TrustAnchor(TestPki.services().rootCertificate(), "Test root", true)),
                new LocalTrustDataLoader(TestPki.services(), TestPki.BASE_URL, new eu.europa.esig.dss.service.http.commons.CommonsDataLoader()),
                Limits.DEFAULT);
    }

    @AfterAll
    static void tearDown() {
        if (tsa != null) {
            tsa.close();
        }
    }

    @Test
    void an_openpdf_signature_with_a_time_stamp_is_valid_with_the_time_proven_and_both_implementations_agree() throws Exception {
        byte[] pdf = sign(document("A memorandum of understanding made elsewhere."), "Approval", pki.alice(), pki.aliceKey(), true);
        DocumentReport r = verifier.verify("openpdf-t.pdf", pdf).report();
        SignatureReport s = only(r);
        assertEquals(DocumentReport.Verdict.VALID, r.verdict(), r.toString());
        assertEquals(Indication.TOTAL_PASSED, s.indication(), s.toString());
        assertTrue(s.intact());
        assertNotNull(s.timestampTime(), "the sample TSA's time-stamp proves the time");
        assertEquals("Throw-away root", s.trustAnchor());
        assertTrue(s.signer().contains("Alice"), s.signer());
        assertEquals(IndependentCheck.agrees(), s.independentCheck());
        assertTrue(s.coversWholeDocument());
    }

    @Test
    void an_openpdf_signature_without_a_time_stamp_is_intact_with_no_time_proven() throws Exception {
        byte[] pdf = sign(document("A letter of intent made elsewhere."), "Approval", pki.alice(), pki.aliceKey(), false);
        DocumentReport r = verifier.verify("openpdf-b.pdf", pdf).report();
        SignatureReport s = only(r);
        assertTrue(s.intact(), s.toString());
        assertNull(s.timestampTime(), "no time-stamp: no proven time");
        assertTrue(s.timestamps().isEmpty());
        assertEquals(IndependentCheck.agrees(), s.independentCheck());
        assertTrue(s.indication() != Indication.TOTAL_FAILED, s.toString());
    }

    @Test
    void two_openpdf_signatures_in_two_revisions_are_both_valid_and_the_first_covers_its_revision_only() throws Exception {
        byte[] once = sign(document("An exchange of letters, signed twice."), "First", pki.alice(), pki.aliceKey(), true);
        byte[] twice = sign(once, "Second", pki.bob(), pki.bobKey(), true);
        DocumentReport r = verifier.verify("openpdf-twice.pdf", twice).report();
        assertEquals(DocumentReport.Verdict.VALID, r.verdict(), r.toString());
        assertEquals(2, r.signatures().size());
        SignatureReport first = r.signatures().stream().filter(s -> s.field().equals("First")).findFirst().orElseThrow();
        SignatureReport second = r.signatures().stream().filter(s -> s.field().equals("Second")).findFirst().orElseThrow();
        assertFalse(first.coversWholeDocument());
        assertEquals(once.length, first.covers().end());
        assertTrue(second.coversWholeDocument());
        assertTrue(first.signer().contains("Alice") && second.signer().contains("Bob"));
        for (SignatureReport s : r.signatures()) {
            assertEquals(IndependentCheck.agrees(), s.independentCheck(), s.field());
            assertTrue(s.passed(), s.toString());
        }
    }

    @Test
    void an_annotation_added_after_an_openpdf_signature_makes_the_document_not_valid() throws Exception {
        byte[] signed = sign(document("Terms that must not be annotated after signing."), "Approval", pki.alice(), pki.aliceKey(), true);
        byte[] annotated = annotate(signed);
        DocumentReport r = verifier.verify("openpdf-annotated.pdf", annotated).report();
        assertEquals(DocumentReport.Verdict.NOT_VALID, r.verdict(), r.toString());
        SignatureReport s = only(r);
        assertFalse(s.modificationsAfter().isEmpty(), s.toString());
        assertTrue(s.errors().stream().anyMatch(f -> f.code() == Finding.Code.CHANGED_AFTER_SIGNING), s.errors().toString());
        // the signed bytes themselves are sound: both implementations say so
        assertEquals(IndependentCheck.agrees(), s.independentCheck());
    }

    @Test
    void a_byte_changed_in_an_openpdf_signed_document_is_a_break_both_implementations_see() throws Exception {
        byte[] pdf = sign(document("A text whose signed bytes are then changed."), "Approval", pki.alice(), pki.aliceKey(), true);
        byte[] tampered = pdf.clone();
        int at = new String(tampered, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/Producer");
        tampered[at + 2] ^= 0x20;
        DocumentReport r = verifier.verify("openpdf-tampered.pdf", tampered).report();
        assertEquals(DocumentReport.Verdict.NOT_VALID, r.verdict());
        SignatureReport s = only(r);
        assertEquals(IndependentCheck.agreesBroken(IndependentCheck.Point.SIGNATURE), s.independentCheck(), s.toString());
        // and OpenPDF's own verification says so
        PdfReader reader = new PdfReader(tampered);
        PdfPKCS7 cms = reader.getAcroFields().verifySignature("Approval");
        assertFalse(cms.verify());
        reader.close();
    }

    private static SignatureReport only(DocumentReport r) {
        assertNull(r.error(), r.toString());
        assertEquals(1, r.signatures().size(), r.toString());
        return r.signatures().get(0);
    }

    /** A one-page PDF made by OpenPDF, not by Accord. */
    static byte[] document(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document d = new Document(PageSize.A4);
        PdfWriter.getInstance(d, out);
        d.open();
        d.add(new Paragraph(text));
        d.close();
        return out.toByteArray();
    }

    /**
     * {@code pdf} signed by OpenPDF in a new visible field {@code field}, appended as an incremental update:
     * adbe.pkcs7.detached, SHA-256, the root's CRL in the CMS, and (when {@code timestamp}) a signature time-stamp
     * of the sample TSA fetched over HTTP by OpenPDF's own TSA client.
     */
    static byte[] sign(byte[] pdf, String field, X509Certificate cert, PrivateKey key, boolean timestamp) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
        PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
        Calendar now = Calendar.getInstance();
        appearance.setSignDate(now);
        appearance.setReason("Approved");
        appearance.setLocation("Geneva");
        int fieldsBefore = reader.getAcroFields().getSignedFieldNames().size();
        appearance.setVisibleSignature(new Rectangle(72, 640 - 80 * fieldsBefore, 320, 700 - 80 * fieldsBefore), 1, field);
        PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, PdfName.ADBE_PKCS7_DETACHED);
        dictionary.setDate(new PdfDate(now));
        dictionary.setReason("Approved");
        dictionary.setLocation("Geneva");
        appearance.setCryptoDictionary(dictionary);
        // the chain, for the appearance's text (who signed); the signature itself is made below
        appearance.setCrypto(null, new Certificate[] {cert, pki.root()}, null, null);
        int reserved = 16_384;
        Map<PdfName, Integer> exclusions = new HashMap<>();
        exclusions.put(PdfName.CONTENTS, reserved * 2 + 2);
        appearance.preClose(exclusions);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (InputStream range = appearance.getRangeStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = range.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
            }
        }
        byte[] hash = sha256.digest();
        PdfPKCS7 cms = new PdfPKCS7(key, new Certificate[] {cert, pki.root()}, new CRL[] {pki.crl()}, "SHA-256", null, false);
        byte[] attributes = cms.getAuthenticatedAttributeBytes(hash, now, null);
        cms.update(attributes, 0, attributes.length);
        TSAClientBouncyCastle tsaClient = null;
        if (timestamp) {
            tsaClient = new TSAClientBouncyCastle(tsa.baseUrl() + PkiFiles.TSA_PATH);
            tsaClient.setDigestName("SHA-256");
        }
        byte[] encoded = cms.getEncodedPKCS7(hash, now, tsaClient, null);
        if (encoded.length > reserved) {
            throw new IllegalStateException("the CMS value (" + encoded.length + " bytes) does not fit the space reserved");
        }
        PdfDictionary update = new PdfDictionary();
        update.put(PdfName.CONTENTS, new PdfString(Arrays.copyOf(encoded, reserved)).setHexWriting(true));
        appearance.close(update);
        return out.toByteArray();
    }

    /** A text annotation (a sticky note) on page 1, added by OpenPDF as an incremental update. */
    static byte[] annotate(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfStamper stamper = new PdfStamper(reader, out, '\0', true);
        stamper.addAnnotation(PdfAnnotation.createText(stamper.getWriter(), new Rectangle(400, 700, 420, 720),
                "Note", "Added after signing", false, "Comment"), 1);
        stamper.close();
        return out.toByteArray();
    }

    private static Pki throwAwayPki() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair root = rsa.generateKeyPair();
        KeyPair alice = rsa.generateKeyPair();
        KeyPair bob = rsa.generateKeyPair();
        X500Name rootName = new X500Name("CN=Throw-away Root CA, O=Elsewhere, C=CH");
        X509Certificate rootCert = certificate(rootName, rootName, root, root.getPrivate(), true, BigInteger.valueOf(1));
        X509Certificate aliceCert = certificate(new X500Name("CN=Alice Example, O=Elsewhere, C=CH"), rootName, alice,
                root.getPrivate(), false, BigInteger.valueOf(2));
        X509Certificate bobCert = certificate(new X500Name("CN=Bob Example, O=Elsewhere, C=CH"), rootName, bob,
                root.getPrivate(), false, BigInteger.valueOf(3));
        Instant now = Instant.now();
        X509v2CRLBuilder crl = new X509v2CRLBuilder(rootName, Date.from(now.minus(Duration.ofMinutes(5))));
        crl.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        crl.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(rootCert));
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(root.getPrivate());
        X509CRL rootCrl = new JcaX509CRLConverter().getCRL(crl.build(signer));
        return new Pki(rootCert, root.getPrivate(), aliceCert, alice.getPrivate(), bobCert, bob.getPrivate(), rootCrl);
    }

    private static X509Certificate certificate(X500Name subject, X500Name issuer, KeyPair keys, PrivateKey issuerKey, boolean ca,
                                               BigInteger serial) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), subject, keys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }
}
