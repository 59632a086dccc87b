package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.Indication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.accord.sign.FullPowersAttachment;
import org.accord.testing.ExternalTool;
import org.accord.testing.Fixtures;
import org.accord.testing.ForeignSigner;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signatory's full powers, attached to their signature field before they sign: the earlier signature tolerates
 * the attachment, the party's signature covers it, verification lists it per signature with its SHA-256, and
 * anything done to it after signing is caught.
 */
class FullPowersTest {

    static final byte[] POWERS = powersPdf();
    static final byte[] CICA_SIGNED = org.accord.sign.SignerFixtures.cicaSignedByCica(org.accord.sign.Level.B_T);
    static final byte[] ATTACHED = FullPowersAttachment.attach(CICA_SIGNED, "sig-sco-rats", "full-powers-sysoyev.pdf", POWERS,
            "Full powers of Yevgeniy Sysoyev to sign for SCO RATS");
    static final byte[] BOTH = org.accord.sign.SignerFixtures.SIGNER.sign(ATTACHED, org.accord.sign.SignerFixtures.request(
            Seeds.read(Seeds.CICA), "sco-rats", org.accord.sign.Level.B_T), TestPki.key("sco-rats"));

    @TempDir
    Path dir;

    private static DocumentReport verify(byte[] pdf) {
        return VerifierTest.VERIFIER.verify("x.pdf", pdf).report();
    }

    private static SignatureReport field(DocumentReport r, String name) {
        return r.signatures().stream().filter(s -> s.field().equals(name)).findFirst().orElseThrow(() -> new AssertionError(r));
    }

    @Test
    void full_powers_attached_before_signing_are_covered_by_the_partys_signature_and_tolerated_by_the_earlier_one() {
        DocumentReport r = verify(BOTH);
        assertTrue(r.valid(), r.toString());
        assertEquals(DocumentReport.Verdict.VALID, r.verdict());
        SignatureReport scoRats = field(r, "sig-sco-rats");
        assertEquals(List.of(new SignatureReport.FullPowers("full-powers-sysoyev.pdf", POWERS.length, sha256(POWERS), true)),
                scoRats.fullPowers());
        assertEquals("full-powers-sysoyev.pdf (" + String.format(java.util.Locale.ROOT, "%,d", POWERS.length) + " bytes, SHA-256 "
                + sha256(POWERS) + "): covered by this signature", Wording.of("en").fullPowers(scoRats.fullPowers().get(0)));
        assertTrue(Wording.of("ru").fullPowers(scoRats.fullPowers().get(0)).endsWith("файл охвачен этой подписью"));
        SignatureReport cica = field(r, "sig-cica");
        assertEquals(List.of(), cica.fullPowers());
        assertEquals(Indication.TOTAL_PASSED, cica.dssIndication(), "DSS tolerates the attachment too");
        assertTrue(cica.modificationsAfter().stream().anyMatch(c -> c.kind() == Change.Kind.FULL_POWERS_ATTACHED
                && c.fields().contains("sig-sco-rats")), cica.modificationsAfter().toString());
        assertEquals("full powers attached to signature field sig-sco-rats", Wording.of("en").change(
                cica.modificationsAfter().stream().filter(c -> c.kind() == Change.Kind.FULL_POWERS_ATTACHED).findFirst().orElseThrow()));
    }

    @Test
    void the_original_stays_pdf_a_3b_before_and_after_both_signatures_with_its_full_powers() {
        org.accord.testing.PdfA.assertPdfA3b(Fixtures.original(Seeds.CICA), "the original");
        org.accord.testing.PdfA.assertPdfA3b(CICA_SIGNED, "signed by CICA");
        org.accord.testing.PdfA.assertPdfA3b(ATTACHED, "with SCO RATS's full powers");
        org.accord.testing.PdfA.assertPdfA3b(BOTH, "signed by both");
    }

    @Test
    void each_party_signs_over_its_own_full_powers_and_the_second_attachment_extends_the_first() {
        byte[] original = Fixtures.original(Seeds.CICA);
        byte[] first = FullPowersAttachment.attach(original, "sig-cica", "cica.pdf", POWERS, "CICA");
        byte[] cica = org.accord.sign.SignerFixtures.SIGNER.sign(first, org.accord.sign.SignerFixtures.request(
                Seeds.read(Seeds.CICA), "cica", org.accord.sign.Level.B_T), TestPki.key("cica"));
        byte[] other = powersPdf("Full powers of the SCO RATS signatory");
        byte[] second = FullPowersAttachment.attach(cica, "sig-sco-rats", "sco-rats.pdf", other, "SCO RATS");
        byte[] both = org.accord.sign.SignerFixtures.SIGNER.sign(second, org.accord.sign.SignerFixtures.request(
                Seeds.read(Seeds.CICA), "sco-rats", org.accord.sign.Level.B_T), TestPki.key("sco-rats"));
        DocumentReport r = verify(both);
        assertTrue(r.valid(), r.toString());
        assertEquals(sha256(POWERS), field(r, "sig-cica").fullPowers().get(0).sha256());
        assertTrue(field(r, "sig-cica").fullPowers().get(0).covered());
        assertEquals(sha256(other), field(r, "sig-sco-rats").fullPowers().get(0).sha256());
        org.accord.testing.PdfA.assertPdfA3b(first, "CICA's full powers attached, nothing signed");
        org.accord.testing.PdfA.assertPdfA3b(cica, "signed by CICA over its full powers");
        org.accord.testing.PdfA.assertPdfA3b(second, "SCO RATS's full powers attached too");
        org.accord.testing.PdfA.assertPdfA3b(both, "both signed, each with full powers");
    }

    @Test
    void full_powers_not_yet_signed_over_leave_the_document_not_valid() {
        DocumentReport r = verify(ATTACHED);
        assertFalse(r.valid(), "the attachment after the last signature is covered by none: " + r);
    }

    @Test
    void full_powers_attached_to_a_field_already_signed_are_a_forbidden_change() {
        byte[] late = FullPowersAttachmentAfterSigning.attachToSigned(BOTH, "sig-cica", POWERS);
        DocumentReport r = verify(ForeignSigner.timestamp(late));
        assertFalse(r.valid(), r.toString());
        assertFalse(field(r, "sig-cica").passed());
    }

    @Test
    void full_powers_replaced_after_signing_are_not_covered_and_the_document_is_not_valid() throws IOException {
        byte[] forged = powersPdf("Forged full powers");
        byte[] replaced = FullPowersAttachmentAfterSigning.replaceEmbeddedFile(BOTH, forged);
        DocumentReport r = verify(replaced);
        assertFalse(r.valid(), r.toString());
        SignatureReport scoRats = field(r, "sig-sco-rats");
        assertFalse(scoRats.passed());
        assertEquals(1, scoRats.fullPowers().size());
        assertFalse(scoRats.fullPowers().get(0).covered(), scoRats.toString());
    }

    @Test
    void qpdf_extracts_the_full_powers_byte_for_byte() throws Exception {
        String qpdf = ExternalTool.require("qpdf", "qpdf").toString();
        Path pdf = Files.write(dir.resolve("both.pdf"), BOTH);
        ExternalTool.Result list = ExternalTool.run(List.of(qpdf, "--list-attachments", pdf.toString()), dir);
        assertTrue(list.stdout().contains("sig-sco-rats/full-powers-sysoyev.pdf"), list.stdout() + list.stderr());
        ExternalTool.Result show = ExternalTool.run(List.of("sh", "-c", "'" + qpdf + "' --show-attachment=sig-sco-rats/full-powers-sysoyev.pdf "
                + "both.pdf > extracted.pdf"), dir);
        assertEquals(0, show.exitCode(), show.stderr());
        assertArrayEquals(POWERS, Files.readAllBytes(dir.resolve("extracted.pdf")));
        ExternalTool.Result check = ExternalTool.run(List.of(qpdf, "--check", pdf.toString()), dir);
        assertTrue(check.exitCode() == 0 || check.exitCode() == 3, check.stdout() + check.stderr());
    }

    @Test
    void names_stay_sorted_when_the_parties_sign_out_of_alphabetical_order() throws Exception {
        byte[] other = powersPdf("Full powers of the CICA signatory");
        byte[] first = FullPowersAttachment.attach(Fixtures.original(Seeds.CICA), "sig-sco-rats", "z-sco-rats.pdf", POWERS, "SCO RATS");
        byte[] scoRats = org.accord.sign.SignerFixtures.SIGNER.sign(first, org.accord.sign.SignerFixtures.request(
                Seeds.read(Seeds.CICA), "sco-rats", org.accord.sign.Level.B_T), TestPki.key("sco-rats"));
        byte[] second = FullPowersAttachment.attach(scoRats, "sig-cica", "a-cica.pdf", other, "CICA");
        byte[] both = org.accord.sign.SignerFixtures.SIGNER.sign(second, org.accord.sign.SignerFixtures.request(
                Seeds.read(Seeds.CICA), "cica", org.accord.sign.Level.B_T), TestPki.key("cica"));
        DocumentReport r = verify(both);
        assertTrue(r.valid(), r.toString());
        try (PDDocument doc = Loader.loadPDF(both)) {
            List<String> keys = new java.util.ArrayList<>(doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().keySet());
            org.apache.pdfbox.cos.COSArray pairs = (org.apache.pdfbox.cos.COSArray) doc.getDocumentCatalog().getNames().getEmbeddedFiles()
                    .getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.NAMES);
            assertEquals(List.of("sig-cica/a-cica.pdf", "sig-sco-rats/z-sco-rats.pdf"),
                    List.of(((org.apache.pdfbox.cos.COSString) pairs.getObject(0)).getString(),
                            ((org.apache.pdfbox.cos.COSString) pairs.getObject(2)).getString()), "sorted as readers expect: " + keys);
        }
        String qpdf = ExternalTool.require("qpdf", "qpdf").toString();
        Files.write(dir.resolve("out-of-order.pdf"), both);
        for (var e : java.util.Map.of("sig-cica/a-cica.pdf", other, "sig-sco-rats/z-sco-rats.pdf", POWERS).entrySet()) {
            ExternalTool.Result show = ExternalTool.run(List.of("sh", "-c", "'" + qpdf + "' --show-attachment=" + e.getKey()
                    + " out-of-order.pdf > got.pdf"), dir);
            assertEquals(0, show.exitCode(), e.getKey() + ": " + show.stderr());
            assertArrayEquals(e.getValue(), Files.readAllBytes(dir.resolve("got.pdf")), e.getKey());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] powersPdf() {
        return powersPdf("Full powers: Yevgeniy Sysoyev is authorised to sign the Protocol for the SCO RATS");
    }

    private static byte[] powersPdf(String text) {
        return org.accord.testing.OnePagePdf.of(text);
    }

    /** What an attacker does to full powers once they are signed, each as an incremental update made with PDFBox. */
    static final class FullPowersAttachmentAfterSigning {

        /** Associates {@code file} with an already signed field, as if it had been there when it was signed. */
        static byte[] attachToSigned(byte[] pdf, String fieldName, byte[] file) {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                var field = doc.getDocumentCatalog().getAcroForm().getField(fieldName).getCOSObject();
                var embedded = new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(doc,
                        new java.io.ByteArrayInputStream(file));
                var spec = new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
                spec.setFile("late.pdf");
                spec.setEmbeddedFile(embedded);
                org.apache.pdfbox.cos.COSArray af = new org.apache.pdfbox.cos.COSArray();
                af.add(spec);
                field.setItem(org.apache.pdfbox.cos.COSName.AF, af);
                field.setNeedToBeUpdated(true);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                doc.saveIncremental(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Rewrites the embedded full powers in place with other bytes. */
        static byte[] replaceEmbeddedFile(byte[] pdf, byte[] other) throws IOException {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                var field = doc.getDocumentCatalog().getAcroForm().getField("sig-sco-rats").getCOSObject();
                var spec = (org.apache.pdfbox.cos.COSDictionary) ((org.apache.pdfbox.cos.COSArray) field
                        .getDictionaryObject(org.apache.pdfbox.cos.COSName.AF)).getObject(0);
                var ef = (org.apache.pdfbox.cos.COSDictionary) spec.getDictionaryObject(org.apache.pdfbox.cos.COSName.EF);
                var stream = (org.apache.pdfbox.cos.COSStream) ef.getDictionaryObject(org.apache.pdfbox.cos.COSName.F);
                try (var os = stream.createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
                    os.write(other);
                }
                stream.setNeedToBeUpdated(true);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                doc.saveIncremental(out);
                return out.toByteArray();
            }
        }
    }

    static {
        // the attachment is a real PDF, and not empty
        assertTrue(new String(POWERS, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
    }
}
