package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.accord.pki.LocalTrustDataLoader;
import org.accord.sign.Level;
import org.accord.sign.SignerFixtures;
import org.accord.testing.Tamper;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VerifierTest {

    static final Verifier VERIFIER = new Verifier(
            List.of(new TrustAnchor(TestPki.services().rootCertificate(), "Test root", true)),
            new LocalTrustDataLoader(TestPki.services(), TestPki.BASE_URL, new eu.europa.esig.dss.service.http.commons.CommonsDataLoader()),
            Limits.DEFAULT);

    static final byte[] BOTH_SIGNED = SignerFixtures.cicaSignedByBoth(Level.B_LT);

    @Test
    void our_doubly_signed_original_is_valid() {
        DocumentReport r = VERIFIER.verify("both.pdf", BOTH_SIGNED).report();
        assertTrue(r.valid(), r.toString());
        assertNull(r.error());
        assertTrue(r.demoTrust());
        assertEquals(List.of("sig-cica", "sig-sco-rats"), r.signatures().stream().map(SignatureReport::field).toList());
        for (SignatureReport s : r.signatures()) {
            assertEquals(eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED, s.indication(), s.toString());
            assertEquals("PAdES-BASELINE-LT", s.level());
            assertTrue(s.intact());
            assertFalse(s.timestampTime().isBefore(s.signingTime()), s.toString());
            assertEquals("Test root", s.trustAnchor());
        }
        assertFalse(r.signatures().get(0).coversWholeDocument(), "the first signature covers revision 1 only");
        DocumentReport.Agreement a = r.agreement();
        assertEquals("cica-sco-rats-2017", a.id());
        assertEquals(List.of("cica", "sco-rats"), a.signedBy());
        assertEquals(r.signatures().get(1).timestampTime(), a.lastSignedAt());
    }

    @Test
    void the_interpol_agreement_enters_into_force_the_day_after_the_last_signature() {
        org.accord.model.Agreement interpol = org.accord.testing.Seeds.read(org.accord.testing.Seeds.INTERPOL);
        byte[] pdf = org.accord.testing.Fixtures.original(org.accord.testing.Seeds.INTERPOL);
        for (String party : List.of("interpol", "impact")) {
            pdf = SignerFixtures.SIGNER.sign(pdf, SignerFixtures.request(interpol, party, Level.B_T), TestPki.key(party));
        }
        DocumentReport.Agreement a = VERIFIER.verify("interpol.pdf", pdf).report().agreement();
        assertEquals(List.of("interpol", "impact"), a.signedBy());
        java.time.LocalDate last = a.lastSignedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        assertEquals(last.plusDays(1), a.entryIntoForce());

        DocumentReport.Agreement half = VERIFIER.verify("half.pdf", SignerFixtures.cicaSignedByCica(Level.B_B)).report().agreement();
        assertEquals(List.of("cica"), half.signedBy());
        assertNull(half.lastSignedAt(), "not every party has signed");
        assertNull(half.entryIntoForce());
    }

    @Test
    void an_empty_trusted_list_cache_trusts_no_one_and_says_nothing_is_valid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path cache)
            throws IOException {
        TrustedLists.Loaded lists = TrustedLists.load(cache, false, TrustedLists.EU_LOTL, null);
        assertEquals(0, lists.trustedEntityKeys());
        DocumentReport r = new Verifier(List.of(), null, Limits.DEFAULT, lists.source()).verify("x.pdf", BOTH_SIGNED).report();
        assertFalse(r.valid());
        assertEquals(eu.europa.esig.dss.enumerations.Indication.INDETERMINATE, r.signatures().get(0).indication());
        assertTrue(r.signatures().get(0).intact());
    }

    static Stream<Arguments> forgeries() throws IOException {
        return Stream.of(
                Arguments.of("content painted over in an incremental update", Tamper.paintOverPage(BOTH_SIGNED)),
                Arguments.of("an annotation laid over the text", Tamper.annotationOverText(BOTH_SIGNED)),
                Arguments.of("a byte flipped inside a signed range", Tamper.flipSignedByte(BOTH_SIGNED)),
                Arguments.of("a signature value emptied", Tamper.emptySignatureValue(BOTH_SIGNED)),
                Arguments.of("an extra page appended", Tamper.appendPage(BOTH_SIGNED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void a_forged_original_is_not_valid(String how, byte[] forged) {
        DocumentReport r = VERIFIER.verify("forged.pdf", forged).report();
        assertFalse(r.valid(), how + ": " + r);
        assertTrue(r.error() != null || r.signatures().stream().anyMatch(s -> !s.passed()), how + ": " + r);
    }

    @Test
    void a_truncated_original_is_not_valid() {
        DocumentReport r = VERIFIER.verify("cut.pdf", Tamper.truncate(BOTH_SIGNED)).report();
        assertFalse(r.valid(), r.toString());
    }

    @Test
    void an_annotation_over_the_text_is_named_as_the_change() throws IOException {
        DocumentReport r = VERIFIER.verify("annotated.pdf", Tamper.annotationOverText(BOTH_SIGNED)).report();
        SignatureReport last = r.signatures().get(1);
        assertTrue(last.modificationsAfter().stream().anyMatch(c -> c.kind() == Change.Kind.ANNOTATIONS_ADDED && c.pages().equals(List.of(1))),
                last.toString());
        assertTrue(last.errors().stream().anyMatch(e -> e.code() == Finding.Code.CHANGED_AFTER_SIGNING
                && e.message().equals("changed after signing: annotations added after signing on page 1")), last.errors().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.code() == Finding.Code.TAIL_NOT_COVERED), r.findings().toString());
    }

    @Test
    void not_a_pdf_and_limits_make_the_input_unusable() {
        assertEquals("the file is not a PDF (it does not begin with a PDF header)",
                VERIFIER.verify("x.pdf", "not a pdf".getBytes()).report().error().message());
        Verifier tiny = new Verifier(List.of(), null, new Limits(1024, 1, 10, Duration.ofSeconds(5)));
        assertTrue(tiny.verify("big.pdf", BOTH_SIGNED).report().error().message().endsWith("more than the 1,024 Accord validates"));
        Verifier onePage = new Verifier(List.of(), null, new Limits(1 << 30, 1, 100_000, Duration.ofSeconds(5)));
        assertEquals("the PDF has 3 pages, more than the 1 Accord validates", onePage.verify("3.pdf", BOTH_SIGNED).report().error().message());
        assertEquals("в документе 3 страницы, что больше допустимых для проверки 1 страницы",
                Wording.of("ru").finding(onePage.verify("3.pdf", BOTH_SIGNED).report().error()));
    }

    @Test
    void an_ed448_signature_is_indeterminate_whatever_the_trust() {
        var signed = org.accord.testing.ForeignSigner.signEd448(org.accord.testing.Fixtures.original(org.accord.testing.Seeds.CICA));
        Verifier ownRoot = new Verifier(List.of(new TrustAnchor(signed.certificate(), "Ed448 root", false)), null, Limits.DEFAULT);
        for (Verifier v : List.of(ownRoot, VERIFIER)) {
            DocumentReport r = v.verify("ed448.pdf", signed.pdf()).report();
            assertNull(r.error(), r.toString());
            SignatureReport s = r.signatures().get(0);
            assertEquals(eu.europa.esig.dss.enumerations.Indication.INDETERMINATE, s.indication(), s.toString());
            assertTrue(s.intact(), s.toString());
        }
    }

    @Test
    void a_pdf_that_needs_a_password_is_unusable_and_says_why() throws IOException {
        byte[] locked;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(BOTH_SIGNED)) {
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "secret",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            var out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            locked = out.toByteArray();
        }
        DocumentReport r = VERIFIER.verify("locked.pdf", locked).report();
        assertEquals(Finding.Code.ENCRYPTED, r.error().code());
        assertEquals(DocumentReport.Verdict.UNUSABLE, r.verdict());
    }

    @Test
    void an_unsigned_pdf_is_not_valid() {
        DocumentReport r = VERIFIER.verify("original.pdf", org.accord.testing.Fixtures.original(org.accord.testing.Seeds.CICA)).report();
        assertFalse(r.valid());
        assertEquals(List.of(Finding.of(Finding.Code.NO_SIGNATURE)), r.findings());
    }
}
