package org.accord.sign;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.List;
import org.accord.pki.KeyEntry;
import org.accord.pki.LocalTrustDataLoader;
import org.accord.pki.PkiFiles;
import org.accord.pki.SamplePki;
import org.accord.testing.Fixtures;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every signature Accord must refuse, and the one it must not degrade. */
class SigningRefusalsTest {

    private static final Signer SIGNER = SignerTest.SIGNER;

    private static SigningRefusedException refused(byte[] pdf, String party, KeyEntry key) {
        return assertThrows(SigningRefusedException.class,
                () -> SIGNER.sign(pdf, SignerTest.request(SignerTest.CICA, party, Level.B_B, null), key));
    }

    private static void assertMessage(Exception e, String expected) {
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void an_expired_certificate_is_refused() {
        assertMessage(refused(Fixtures.original(Seeds.CICA), "cica", TestPki.negative("expired")), "expired on");
    }

    @Test
    void a_not_yet_valid_certificate_is_refused() {
        assertMessage(refused(Fixtures.original(Seeds.CICA), "cica", TestPki.negative("not-yet-valid")), "is not valid before");
    }

    @Test
    void a_revoked_certificate_is_refused_even_at_b_b() {
        assertMessage(refused(Fixtures.original(Seeds.CICA), "cica", TestPki.negative("revoked")), "is revoked");
    }

    @Test
    void a_certificate_without_non_repudiation_is_refused() {
        assertMessage(refused(Fixtures.original(Seeds.CICA), "cica", TestPki.negative("no-non-repudiation")),
                "lacks the digitalSignature and nonRepudiation key usages");
    }

    @Test
    void a_certificate_from_an_untrusted_root_is_refused(@TempDir Path other) throws Exception {
        SamplePki.generate(other, TestPki.BASE_URL, TestPki.PARTIES, TestPki.SEAL, Instant.now());
        KeyEntry stranger = KeyEntry.read(PkiFiles.party(other, "cica"), PkiFiles.DEMO_PASSWORD.toCharArray());
        assertMessage(refused(Fixtures.original(Seeds.CICA), "cica", stranger), "does not chain to a trusted root");
    }

    @Test
    void an_unknown_party_is_refused() {
        SigningRefusedException e = assertThrows(SigningRefusedException.class, () -> SIGNER.sign(
                Fixtures.original(Seeds.CICA), new SignRequest("interpol", Level.B_B, null, null, null), TestPki.key("interpol")));
        assertMessage(e, "has no signature field sig-interpol");
    }

    @Test
    void a_field_already_signed_is_refused() {
        byte[] signed = SignerTest.signCica(Fixtures.original(Seeds.CICA), "cica", Level.B_B);
        assertMessage(refused(signed, "cica", TestPki.key("cica")), "field sig-cica is already signed");
    }

    @Test
    void a_document_certified_with_no_changes_permitted_is_refused() {
        byte[] locked = certifyNoChanges(Fixtures.original(Seeds.CICA));
        assertMessage(refused(locked, "cica", TestPki.key("cica")), "DocMDP P=1");
    }

    @Test
    void a_document_changed_after_its_first_signature_is_refused() throws Exception {
        byte[] signed = SignerTest.signCica(Fixtures.original(Seeds.CICA), "cica", Level.B_B);
        assertMessage(refused(org.accord.testing.Tamper.paintOverPage(signed), "sco-rats", TestPki.key("sco-rats")), "was changed after the signature in sig-cica");
    }

    @Test
    void a_document_with_a_flipped_byte_in_a_signed_range_is_refused() {
        byte[] signed = SignerTest.signCica(Fixtures.original(Seeds.CICA), "cica", Level.B_B);
        String text = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/Producer");
        signed[at + 2] = (byte) (signed[at + 2] ^ 0x20); // /Producer -> /PrOducer, inside the signed bytes
        assertMessage(refused(signed, "sco-rats", TestPki.key("sco-rats")), "is broken");
    }

    @Test
    void not_a_pdf_is_refused() {
        assertMessage(refused("%PDF-1.7 garbage".getBytes(), "cica", TestPki.key("cica")), "not a readable PDF");
    }

    @Test
    void a_tsa_that_does_not_answer_fails_b_t_but_not_b_b() {
        TrustSetup broken = new TrustSetup(TestPki.BASE_URL + "/no-tsa-here", List.of(TestPki.services().rootCertificate()),
                new LocalTrustDataLoader(TestPki.services(), TestPki.BASE_URL, new eu.europa.esig.dss.service.http.commons.CommonsDataLoader()),
                "a broken TSA");
        Signer signer = new Signer(broken);
        byte[] original = Fixtures.original(Seeds.CICA);
        TrustServiceException e = assertThrows(TrustServiceException.class,
                () -> signer.sign(original, SignerTest.request(SignerTest.CICA, "cica", Level.B_T, "Astana"), TestPki.key("cica")));
        assertMessage(e, "signing failed");
        signer.sign(original, SignerTest.request(SignerTest.CICA, "cica", Level.B_B, "Astana"), TestPki.key("cica"));
    }

    /** A DocMDP P=1 certification made with DSS directly: Accord itself only certifies with P=2. */
    private static byte[] certifyNoChanges(byte[] pdf) {
        KeyEntry seal = TestPki.seal();
        PAdESService service = new PAdESService(new CommonCertificateVerifier());
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(new CertificateToken(seal.certificate()));
        p.setCertificateChain(seal.chain().stream().map(CertificateToken::new).toList());
        p.setPermission(CertificationPermission.NO_CHANGE_PERMITTED);
        try {
            ToBeSigned tbs = service.getDataToSign(new InMemoryDocument(pdf), p);
            Signature s = Signature.getInstance(Signer.javaAlgorithm(seal.certificate()));
            s.initSign(seal.key());
            s.update(tbs.getBytes());
            SignatureValue value = new SignatureValue(Signer.algorithm(seal.certificate()), s.sign());
            return DSSUtils.toByteArray(service.signDocument(new InMemoryDocument(pdf), p, value));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
