package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.accord.testing.Fixtures;
import org.accord.testing.ForeignSigner;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.junit.jupiter.api.Test;

/**
 * Who signed for whom: a signature in a party's field by anyone but the party's designated signatory makes the
 * document not valid, said in both languages. The wrong signatures are made with DSS directly, past Accord's refusals.
 */
class SignedForWhomTest {

    private static DocumentReport verify(byte[] pdf) {
        return VerifierTest.VERIFIER.verify("x.pdf", pdf).report();
    }

    private static SignatureReport only(DocumentReport r, String field) {
        return r.signatures().stream().filter(s -> s.field().equals(field)).findFirst().orElseThrow(() -> new AssertionError(r));
    }

    @Test
    void the_designated_signatory_signing_is_reported_as_such() {
        DocumentReport r = verify(ForeignSigner.sign(Fixtures.original(Seeds.CICA), TestPki.key("cica"), "sig-cica"));
        SignatureReport s = only(r, "sig-cica");
        assertEquals("cica", s.party());
        assertEquals(Boolean.TRUE, s.designatedSigner(), r.toString());
        assertTrue(s.passed(), r.toString());
        assertEquals(DocumentReport.Verdict.INCOMPLETE, r.verdict(), r.toString());
    }

    @Test
    void another_partys_signatory_in_a_field_makes_the_document_not_valid_in_both_languages() {
        byte[] pdf = ForeignSigner.sign(Fixtures.original(Seeds.CICA), TestPki.key("sco-rats"), "sig-cica");
        DocumentReport r = verify(pdf);
        SignatureReport s = only(r, "sig-cica");
        assertEquals("cica", s.party());
        assertEquals(Boolean.FALSE, s.designatedSigner());
        assertEquals(eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED, s.dssIndication(), "DSS finds it sound as a signature");
        assertFalse(s.passed());
        assertFalse(r.valid());
        assertEquals(DocumentReport.Verdict.NOT_VALID, r.verdict());
        Finding f = s.errors().stream().filter(e -> e.code() == Finding.Code.WRONG_SIGNER).findFirst().orElseThrow();
        assertEquals("cica", f.params().get("partyId"));
        assertEquals(List.of("NAME", "ORGANIZATION"), f.params().get("mismatches"));
        assertEquals("signed for CICA Secretariat by Yevgeniy Sysoyev, who is not its designated signatory",
                Wording.of("en").finding(f));
        assertEquals("подпись за Сторону Секретариат СВМДА поставлена лицом Yevgeniy Sysoyev, не являющимся назначенным подписантом этой Стороны",
                Wording.of("ru").finding(f));
        assertFalse(r.agreement().signedBy().contains("cica"), "the party has not signed");
        assertEquals("CICA Secretariat, but NOT by its designated signatory", Wording.of("en").signedFor(r, s));
        assertEquals("Секретариат СВМДА (подписано НЕ назначенным подписантом)", Wording.of("ru").signedFor(r, s));
        HumanReport reports = new HumanReport(new org.accord.render.Renderer());
        assertTrue(reports.html(r, "en").contains("signed for CICA Secretariat by Yevgeniy Sysoyev, who is not its designated signatory"));
        assertTrue(reports.html(r, "ru").contains("Секретариат СВМДА (подписано НЕ назначенным подписантом)"));
        assertTrue(org.accord.testing.PdfText.squash(org.accord.testing.PdfText.all(reports.pdf(r, "ru")))
                .contains(org.accord.testing.PdfText.squash("не являющимся назначенным подписантом")), "the PDF report says it in Russian");
    }

    @Test
    void the_secretariat_seal_or_the_right_name_from_another_ca_is_not_the_designated_signatory() {
        DocumentReport seal = verify(ForeignSigner.sign(Fixtures.original(Seeds.CICA), TestPki.seal(), "sig-cica"));
        assertEquals(Boolean.FALSE, only(seal, "sig-cica").designatedSigner());
        assertFalse(seal.valid());
        // same name and organisation, another root: the name matches, the certificate does not chain to a trusted root
        DocumentReport other = verify(ForeignSigner.sign(Fixtures.original(Seeds.CICA), TestPki.otherCaKey("cica"), "sig-cica"));
        assertFalse(other.valid(), other.toString());
        assertFalse(only(other, "sig-cica").passed());
    }

    @Test
    void a_signature_in_a_field_of_no_party_is_reported_and_fills_no_party() {
        DocumentReport r = verify(ForeignSigner.sign(Fixtures.original(Seeds.CICA), TestPki.key("sco-rats")));
        SignatureReport s = r.signatures().stream().filter(x -> !x.field().startsWith("sig-")).findFirst().orElseThrow();
        assertNull(s.party());
        assertTrue(s.warnings().stream().anyMatch(w -> w.code() == Finding.Code.SIGNED_FOR_NO_PARTY), r.toString());
        assertEquals(List.of("cica", "sco-rats"), r.missingParties());
        assertEquals(DocumentReport.Verdict.INCOMPLETE, r.verdict());
    }

    @Test
    void a_foreign_pdf_names_no_designated_signer() {
        DocumentReport r = verify(ForeignSigner.sign(blankPdf(), TestPki.key("sco-rats")));
        SignatureReport s = r.signatures().get(0);
        assertNull(s.party());
        assertNull(s.designatedSigner());
    }

    @Test
    void an_original_made_before_designated_signers_is_matched_on_the_name_alone_and_says_so() throws IOException {
        byte[] legacy = withoutDesignatedSigners(Fixtures.original(Seeds.CICA));
        DocumentReport right = verify(ForeignSigner.sign(legacy, TestPki.key("cica"), "sig-cica"));
        SignatureReport s = only(right, "sig-cica");
        assertEquals(Boolean.TRUE, s.designatedSigner(), right.toString());
        Finding note = s.warnings().stream().filter(w -> w.code() == Finding.Code.SIGNER_MATCHED_BY_NAME).findFirst()
                .orElseThrow(() -> new AssertionError(right));
        assertTrue(Wording.of("ru").finding(note).contains("только по имени"), Wording.of("ru").finding(note));
        assertTrue(s.passed(), right.toString());
        DocumentReport wrong = verify(ForeignSigner.sign(legacy, TestPki.key("sco-rats"), "sig-cica"));
        assertEquals(Boolean.FALSE, only(wrong, "sig-cica").designatedSigner());
        assertFalse(wrong.valid());
    }

    private static byte[] blankPdf() {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The original as Accord wrote it before it recorded designated signers: the signer* fields taken out of its XMP. */
    static byte[] withoutDesignatedSigners(byte[] original) throws IOException {
        try (PDDocument doc = Loader.loadPDF(original)) {
            PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
            String xmp;
            try (InputStream in = metadata.exportXMPMetadata()) {
                xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String legacy = xmp.replaceAll("<accordParty:signer\\w+[^>]*>[^<]*</accordParty:signer\\w+>", "");
            assertFalse(legacy.equals(xmp), "the original records its designated signers");
            assertFalse(legacy.contains("accordParty:signerName"));
            PDMetadata replaced = new PDMetadata(doc);
            replaced.importXMPMetadata(legacy.getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(replaced);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
