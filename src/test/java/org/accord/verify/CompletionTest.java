package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.accord.model.Agreement;
import org.accord.model.Party;
import org.accord.render.Layout;
import org.accord.render.Renderer;
import org.accord.sign.Appearance;
import org.accord.sign.Completion;
import org.accord.sign.DayChangedException;
import org.accord.sign.Level;
import org.accord.sign.SignRequest;
import org.accord.sign.Signer;
import org.accord.sign.SignerFixtures;
import org.accord.sign.SigningRefusedException;
import org.accord.testing.ExternalTool;
import org.accord.testing.PdfA;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A signature completes its party's signature block as a pen would: the place in both languages and the day of the
 * signature, filled into the block's fields in the revision the signature covers, locked by it, and printed.
 */
class CompletionTest {

    static final Renderer RENDERER = new Renderer();
    static final Verifier VERIFIER = VerifierTest.VERIFIER;
    static final Map<String, List<String>> PLACES = Map.of("cica", List.of("Astana", "Астане"),
            "sco-rats", List.of("Tashkent", "Ташкенте"), "interpol", List.of("Lyon", "Лионе"),
            "impact", List.of("Cyberjaya", "Киберджае"));

    @TempDir
    Path dir;

    static Stream<Arguments> originals() {
        return Stream.of(Seeds.CICA, Seeds.INTERPOL).flatMap(seed -> Stream.of(Layout.PARALLEL, Layout.SEQUENTIAL)
                .map(layout -> Arguments.of(seed, layout)));
    }

    private static byte[] signBoth(Agreement a, byte[] pdf) {
        for (Party p : a.parties()) {
            pdf = SignerFixtures.SIGNER.sign(pdf, SignerFixtures.request(a, p.id(), Level.B_T, PLACES.get(p.id()).get(0)), TestPki.key(p.id()));
        }
        return pdf;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("originals")
    void a_fully_signed_original_carries_each_partys_place_and_date_in_both_languages_and_no_blank(Path seed, Layout layout)
            throws Exception {
        Agreement a = Seeds.read(seed);
        byte[] original = RENDERER.render(a, layout, 1).get(0).bytes();
        byte[] first = SignerFixtures.SIGNER.sign(original, SignerFixtures.request(a, a.parties().get(0).id(), Level.B_T,
                PLACES.get(a.parties().get(0).id()).get(0)), TestPki.key(a.parties().get(0).id()));
        byte[] both = signBoth(a, original);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (PDDocument doc = Loader.loadPDF(both)) {
            var form = doc.getDocumentCatalog().getAcroForm(null);
            for (Party p : a.parties()) {
                assertEquals(PLACES.get(p.id()).get(0), value(form.getField("place-" + p.id() + "-en")));
                assertEquals(PLACES.get(p.id()).get(1), value(form.getField("place-" + p.id() + "-ru")));
                assertEquals(Completion.format(today, "en"), value(form.getField("date-" + p.id() + "-en")));
                assertEquals(Completion.format(today, "ru"), value(form.getField("date-" + p.id() + "-ru")));
            }
        }
        // What a reader sees: pdftotext draws the fields' appearances with the page.
        Path file = dir.resolve("both.pdf");
        Files.write(file, both);
        ExternalTool.require("pdftotext", "poppler-utils");
        String text = ExternalTool.run(List.of("pdftotext", "-layout", file.toString(), "-"), dir).stdout();
        for (Party p : a.parties()) {
            assertTrue(text.contains(PLACES.get(p.id()).get(0)), p.id() + " place (en) printed");
            assertTrue(text.contains("в " + PLACES.get(p.id()).get(1)) || text.contains(PLACES.get(p.id()).get(1)), p.id() + " place (ru)");
        }
        assertTrue(text.contains(Completion.format(today, "en")), "the English date is printed");
        assertTrue(text.contains(Completion.format(today, "ru")), "the Russian date is printed");
        assertFalse(text.matches("(?s).*_{3,}.*"), "no run of underscores anywhere:\n" + text);

        DocumentReport r = VERIFIER.verify("both.pdf", both).report();
        assertTrue(r.valid(), r.toString());
        assertEquals(DocumentReport.Verdict.VALID, r.verdict());
        for (SignatureReport s : r.signatures()) {
            if (s.party() != null) {
                assertEquals(new SignatureReport.Completion(PLACES.get(s.party()).get(0), PLACES.get(s.party()).get(1),
                        Completion.format(today, "en"), Completion.format(today, "ru")), s.completion(), s.field());
                assertTrue(s.warnings().stream().noneMatch(w -> w.code() == Finding.Code.COMPLETION_DATE_DIFFERS), s.toString());
            }
        }
        SignatureReport firstSignature = r.signatures().get(0);
        assertTrue(firstSignature.modificationsAfter().stream().anyMatch(c -> c.kind() == Change.Kind.FORM_FIELDS_FILLED
                && c.fields().contains("place-" + a.parties().get(1).id() + "-en")), firstSignature.toString());
        for (byte[] revision : List.of(original, first, both)) {
            PdfA.assertPdfA3b(revision, seed.getFileName() + " " + layout);
        }
    }

    private static String value(PDField field) {
        assertNotNull(field);
        return field.getCOSObject().getString(COSName.V);
    }

    @Test
    void a_place_changed_after_its_partys_signature_breaks_that_signature() throws IOException {
        Agreement a = Seeds.read(Seeds.CICA);
        byte[] signed = SignerFixtures.SIGNER.sign(RENDERER.render(a, Layout.PARALLEL, 1).get(0).bytes(),
                SignerFixtures.request(a, "cica", Level.B_T, "Astana"), TestPki.key("cica"));
        byte[] moved;
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDField field = doc.getDocumentCatalog().getAcroForm(null).getField("place-cica-en");
            field.getCOSObject().setString(COSName.V, "Moscow");
            field.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            moved = out.toByteArray();
        }
        DocumentReport r = VERIFIER.verify("moved.pdf", moved).report();
        assertFalse(r.valid(), r.toString());
        SignatureReport cica = r.signatures().get(0);
        assertTrue(cica.modificationsAfter().stream().anyMatch(c -> c.kind() == Change.Kind.LOCKED_FIELD_CHANGED
                && c.fields().contains("place-cica-en")), cica.toString());
    }

    @Test
    void without_a_russian_place_the_block_repeats_the_english_and_a_place_too_long_for_the_block_is_refused() throws IOException {
        Agreement a = Seeds.read(Seeds.CICA);
        byte[] original = RENDERER.render(a, Layout.PARALLEL, 1).get(0).bytes();
        Party cica = a.parties().get(0);
        SignRequest noRussian = new SignRequest("cica", Level.B_B, "Astana", null,
                new Appearance(cica.signatory().function(), cica.shortName()), cica.signatureHeading(), null);
        try (PDDocument doc = Loader.loadPDF(SignerFixtures.SIGNER.sign(original, noRussian, TestPki.key("cica")))) {
            assertEquals("Astana", value(doc.getDocumentCatalog().getAcroForm(null).getField("place-cica-ru")));
        }
        SignRequest noPlace = new SignRequest("cica", Level.B_B, null, null,
                new Appearance(cica.signatory().function(), cica.shortName()), cica.signatureHeading(), null);
        SigningRefusedException e = assertThrows(SigningRefusedException.class,
                () -> SignerFixtures.SIGNER.sign(original, noPlace, TestPki.key("cica")));
        assertTrue(e.getMessage().contains("the place (in English) is required"), e.getMessage());
        String longPlace = "Saint Petersburg Leningradskaya Oblast Russian Federation Europe";
        SignRequest tooLong = new SignRequest("cica", Level.B_B, longPlace, "Санкт-Петербурге",
                new Appearance(cica.signatory().function(), cica.shortName()), cica.signatureHeading(), null);
        e = assertThrows(SigningRefusedException.class, () -> SignerFixtures.SIGNER.sign(original, tooLong, TestPki.key("cica")));
        assertTrue(e.getMessage().contains("too long for the signature block"), e.getMessage());
    }

    @Test
    void the_block_is_never_dated_otherwise_than_the_signature_time_stamp() {
        // A signer whose clock says yesterday completes the block with yesterday; the time-stamp says today.
        Clock yesterday = Clock.fixed(Instant.now().minus(1, ChronoUnit.DAYS), ZoneOffset.UTC);
        Signer late = SignerFixtures.signerAt(yesterday);
        Agreement a = Seeds.read(Seeds.CICA);
        byte[] original = RENDERER.render(a, Layout.PARALLEL, 1).get(0).bytes();
        DayChangedException e = assertThrows(DayChangedException.class,
                () -> late.sign(original, SignerFixtures.request(a, "cica", Level.B_T, "Astana"), TestPki.key("cica")));
        assertTrue(e.getMessage().contains("midnight"), e.getMessage());
    }
}
