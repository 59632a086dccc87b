package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfPKCS7;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.accord.sign.Level;
import org.accord.sign.SignerFixtures;
import org.accord.testing.Tamper;
import org.accord.verify.IndependentCheck.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The second opinion (OpenPDF) on every signature: the corpus files where it and DSS differ, or where both see a
 * break, each with its reason (kept here and in docs/verify-json.md); Accord's own originals, which both pass.
 */
class IndependentCheckTest {

    /** A signature's independent check as a line: outcome, point, who saw the break. */
    private static String line(IndependentCheck c) {
        return c.outcome().json() + (c.point() == null ? "" : " " + c.point().json()) + (c.brokenFor() == null ? "" : " " + c.brokenFor().json());
    }

    private static final String AMBIGUOUS_SERIAL = "pyHanko's test PKI gives the intermediate CA and the signer the same "
            + "serial number (4097); OpenPDF finds the signer by serial number alone";

    /**
     * Every signature of the corpus on which the independent check does not simply agree that it holds, keyed
     * "file | field", with why. Every other signature of the corpus: "agrees".
     */
    static final Map<String, String[]> NOT_PLAIN = Map.ofEntries(
            // Both see a break (the same verdict reached twice, at the point named).
            row("dss/dss-818_Signature-P-DE_CRY-2_HASH_FAILURE_.pdf | Matthias Schlede  /  2014-11-13, 10:19:31 GMT  /  3955",
                    "agrees signature both", "the signed bytes do not hash to the signed message digest"),
            row("dss/pdf-byterange-overlap.pdf | Signature2", "agrees byte-range both", "the byte range overlaps the other signature's"),
            row("dss/pdf-eof.pdf | Signature1", "agrees byte-range both", "the byte range reaches past the end of the file"),
            row("dss/pdf-signed-out-of-byteRange.pdf | Signature1", "agrees byte-range both", "the gap is not the /Contents string"),
            row("dss/siwa.pdf | Signature1", "agrees byte-range both", "signature wrapping: the gap holds more than the /Contents string"),
            row("pyhanko/cov-weird-byterange.pdf | Sig1", "agrees byte-range both", "a byte range of more than two parts"),
            row("dss/pades-lta-copied-doctst.pdf | Signature2", "agrees timestamp-imprint both",
                    "a document time-stamp copied from another document: its imprint is not of these bytes"),
            row("dss/pades-t-duplicated-doctst.pdf | Signature3", "agrees timestamp-imprint both",
                    "a document time-stamp duplicated into a later revision"),
            // They differ: DSS sees a break or cannot decode; OpenPDF finds the signature sound.
            row("dss/Signature-P-SK-6.pdf | Signature2", "disagrees signature DSS",
                    "DSS does not take this document time-stamp up (Accord reports it undecodable); OpenPDF's reading finds its imprint and signature hold"),
            // Not possible, and why.
            row("dss/BadEncodedCMS.pdf | Test Signature", "not possible cms-unreadable",
                    "the CMS value is not a well-formed SignedData; DSS cannot decode it either"),
            row("dss/encrypted.pdf | Signature1", "not possible encrypted", "the independent check does not read encrypted documents"),
            row("pyhanko/form-update-override-ap.pdf | Sig1", "not possible signer-ambiguous", AMBIGUOUS_SERIAL),
            row("pyhanko/form-update-override-ap.pdf | Sig2", "not possible signer-ambiguous", AMBIGUOUS_SERIAL),
            row("pyhanko/form-update-override-ap-sneaky.pdf | Sig1", "not possible signer-ambiguous", AMBIGUOUS_SERIAL),
            row("pyhanko/form-update-override-ap-sneaky.pdf | Sig2", "not possible signer-ambiguous", AMBIGUOUS_SERIAL),
            row("pyhanko/pades-lta-dss-indirect-arrs.pdf | Sig1", "not possible signer-ambiguous", AMBIGUOUS_SERIAL),
            row("pyhanko/separate-annots-kids-indir.pdf | Sig1", "not possible no-field",
                    "OpenPDF's form reading finds no field at all when the fields' kids are indirect arrays"),
            row("pyhanko/separate-annots-kids-indir.pdf | Sig2", "not possible no-field",
                    "OpenPDF's form reading finds no field at all when the fields' kids are indirect arrays"),
            row("rub-pdf-tester/ex1_03_Test_cert_p2_sign_manipulate.pdf | Signature4", "not possible no-field",
                    "the manipulated revision's field reads as unsigned to OpenPDF (it merges the field with its first widget)"),
            row("rub-pdf-tester/ex2_04_NDA_cert_p2_sign_sign_manipulate.pdf | Signature1", "not possible no-field",
                    "the manipulated revision's field reads as unsigned to OpenPDF (it merges the field with its first widget)"));

    private static Map.Entry<String, String[]> row(String key, String line, String reason) {
        return Map.entry(key, new String[] {line, reason});
    }

    @Test
    void every_signature_of_the_corpus_gets_an_independent_check_and_the_differences_are_the_known_ones() throws IOException {
        CorpusTest.requireCorpus();
        Map<String, String> found = new TreeMap<>();
        int signatures = 0;
        try (Stream<Path> files = Files.walk(CorpusTest.CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
                String file = CorpusTest.CORPUS.relativize(f).toString();
                DocumentReport r = CorpusTest.OFFLINE.verify(file, Files.readAllBytes(f)).report();
                for (SignatureReport s : r.signatures()) {
                    signatures++;
                    assertNotNull(s.independentCheck(), file + " | " + s.field());
                    assertFalse(s.independentCheck().point() == IndependentCheck.Point.NOT_RUN, file + " | " + s.field());
                    String line = line(s.independentCheck());
                    if (!line.equals("agrees")) {
                        found.put(file + " | " + s.field(), line);
                    }
                    if (s.independentCheck().brokenOnlyIndependently()) {
                        assertFalse(r.valid(), file);
                    }
                }
            }
        }
        Map<String, String> expected = new TreeMap<>();
        NOT_PLAIN.forEach((k, v) -> expected.put(k, v[0]));
        assertEquals(expected, found);
        assertTrue(signatures >= 80, "signatures seen: " + signatures);
    }

    @Test
    void accords_originals_pass_both_and_openpdf_verifies_them_itself() throws Exception {
        byte[] pdf = SignerFixtures.cicaSignedByBoth(Level.B_LT);
        DocumentReport r = VerifierTest.VERIFIER.verify("both.pdf", pdf).report();
        assertTrue(r.valid(), r.toString());
        for (SignatureReport s : r.signatures()) {
            assertEquals(IndependentCheck.agrees(), s.independentCheck(), s.field());
        }
        // OpenPDF's own verification, as any OpenPDF user would run it
        PdfReader reader = new PdfReader(pdf);
        AcroFields form = reader.getAcroFields();
        assertEquals(List.of("sig-cica", "sig-sco-rats"), form.getSignedFieldNames().stream().sorted().toList());
        for (String name : form.getSignedFieldNames()) {
            PdfPKCS7 cms = form.verifySignature(name);
            assertTrue(cms.verify(), name);
            assertNotNull(cms.getTimeStampToken(), name);
            assertTrue(cms.verifyTimestampImprint(), name);
            assertTrue(cms.getSigningCertificate().getSubjectX500Principal().getName().contains("CN="), name);
        }
        // B-LT: validation data follows each signature, so neither covers the whole file; the order holds
        assertTrue(form.getRevision("sig-cica") < form.getRevision("sig-sco-rats"));
        assertFalse(form.signatureCoversWholeDocument("sig-cica"));
        reader.close();
    }

    @Test
    void a_byte_changed_inside_the_signed_range_is_a_break_both_see() {
        byte[] pdf = SignerFixtures.cicaSignedByBoth(Level.B_T);
        byte[] tampered = Tamper.flipSignedByte(pdf);
        DocumentReport r = VerifierTest.VERIFIER.verify("tampered.pdf", tampered).report();
        assertFalse(r.valid());
        SignatureReport first = r.signatures().get(0);
        assertEquals(Outcome.AGREES, first.independentCheck().outcome(), first.toString());
        assertEquals(IndependentCheck.Side.BOTH, first.independentCheck().brokenFor(), first.toString());
    }

    @Test
    void a_break_only_the_independent_implementation_sees_is_a_disagreement_that_fails_the_signature() {
        List<java.math.BigInteger> range = List.of(0L, 100L, 300L, 50L).stream().map(java.math.BigInteger::valueOf).toList();
        long[] same = {0, 100, 300, 50};
        byte[] signer = {1, 2, 3};
        IndependentCheck.Dss sound = new IndependentCheck.Dss(true, range, true, signer, true);
        java.util.function.Function<OpenPdfCheck.View, IndependentCheck> compare = v ->
                IndependentCheck.compare(new OpenPdfCheck.Result(null, Map.of("Sig", v)), List.of("Sig"), sound);

        assertEquals(IndependentCheck.agrees(), compare.apply(new OpenPdfCheck.View(null, null, same, true, signer)));
        IndependentCheck broken = compare.apply(new OpenPdfCheck.View(null, IndependentCheck.Point.SIGNATURE, same, true, signer));
        assertEquals(IndependentCheck.disagrees(IndependentCheck.Point.SIGNATURE, IndependentCheck.Side.OPENPDF), broken);
        assertTrue(broken.brokenOnlyIndependently());
        assertTrue(compare.apply(new OpenPdfCheck.View(null, null, new long[] {0, 100, 301, 49}, true, signer)).brokenOnlyIndependently(),
                "another byte range read for the same field");
        assertTrue(compare.apply(new OpenPdfCheck.View(null, null, same, true, new byte[] {9})).brokenOnlyIndependently(),
                "another signing certificate");
        assertTrue(compare.apply(new OpenPdfCheck.View(null, IndependentCheck.Point.TIMESTAMP_IMPRINT, same, true, signer))
                .brokenOnlyIndependently());
        IndependentCheck presence = compare.apply(new OpenPdfCheck.View(null, null, same, false, signer));
        assertEquals(IndependentCheck.disagrees(IndependentCheck.Point.TIMESTAMP_PRESENCE, null), presence);
        assertFalse(presence.brokenOnlyIndependently(), "a time-stamp one does not see is no break");

        IndependentCheck.Dss dssBroken = new IndependentCheck.Dss(true, range, false, signer, true);
        IndependentCheck onlyDss = IndependentCheck.compare(new OpenPdfCheck.Result(null,
                Map.of("Sig", new OpenPdfCheck.View(null, null, same, true, signer))), List.of("Sig"), dssBroken);
        assertEquals(IndependentCheck.disagrees(IndependentCheck.Point.SIGNATURE, IndependentCheck.Side.DSS), onlyDss);
        assertFalse(onlyDss.brokenOnlyIndependently());
        assertEquals(IndependentCheck.notPossible(IndependentCheck.Point.NO_FIELD),
                IndependentCheck.compare(new OpenPdfCheck.Result(null, Map.of()), List.of("Sig"), sound));
        assertEquals(IndependentCheck.notPossible(IndependentCheck.Point.NOT_RUN), IndependentCheck.compare(null, List.of("Sig"), sound));
    }
}
