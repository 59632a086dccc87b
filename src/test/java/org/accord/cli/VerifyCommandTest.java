package org.accord.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accord.pki.PkiFiles;
import org.accord.sign.Level;
import org.accord.sign.SignerFixtures;
import org.accord.testing.PdfA;
import org.accord.testing.Tamper;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    static byte[] signed;

    @TempDir
    Path dir;

    @BeforeAll
    static void sign() {
        signed = SignerFixtures.cicaSignedByBoth(Level.B_LT);
    }

    private RenderCommandTest.Run verify(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("verify", "--pki", TestPki.dir().toString()));
        all.addAll(List.of(args));
        return RenderCommandTest.accord(all.toArray(String[]::new));
    }

    @Test
    void a_valid_original_exits_0_and_says_so_in_either_language() throws IOException {
        Path pdf = Files.write(dir.resolve("signed.pdf"), signed);
        RenderCommandTest.Run en = verify(pdf.toString());
        assertEquals(0, en.exit(), en.out() + en.err());
        assertTrue(en.out().startsWith(pdf + ": VALID (DEMO TRUST ANCHOR)"), en.out());
        RenderCommandTest.Run ru = verify(pdf.toString(), "--lang", "ru");
        assertTrue(ru.out().startsWith(pdf + ": ДЕЙСТВИТЕЛЕН (ДЕМОНСТРАЦИОННЫЙ КОРНЕВОЙ СЕРТИФИКАТ)"), ru.out());
    }

    @Test
    void a_forged_file_exits_1_and_an_unusable_one_exits_2() throws IOException {
        Path forged = Files.write(dir.resolve("forged.pdf"), Tamper.paintOverPage(signed));
        RenderCommandTest.Run run = verify(forged.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("NOT VALID") && run.out().contains("CHANGED OR BROKEN"), run.out());
        Path text = Files.writeString(dir.resolve("note.pdf"), "not a pdf");
        RenderCommandTest.Run unusable = verify(forged.toString(), text.toString());
        assertEquals(2, unusable.exit());
        assertTrue(unusable.out().contains(text + ": CANNOT BE VALIDATED: the file is not a PDF"), unusable.out());
        RenderCommandTest.Run limited = verify("--max-pages", "2", forged.toString());
        assertEquals(2, limited.exit());
        assertTrue(limited.out().contains("the PDF has 3 pages, more than the 2 Accord validates"), limited.out());
    }

    @Test
    void an_original_one_party_has_signed_reads_incomplete_in_either_language() throws IOException {
        Path half = Files.write(dir.resolve("half.pdf"), org.accord.sign.SignerFixtures.cicaSignedByCica(org.accord.sign.Level.B_T));
        RenderCommandTest.Run en = verify(half.toString());
        assertEquals(0, en.exit(), en.out() + en.err());
        String line = en.out().lines().findFirst().orElseThrow();
        assertTrue(line.startsWith(half + ": INCOMPLETE \u2014 1 of 2 parties have signed; missing: SCO RATS"), line);
        assertFalse(line.contains(": VALID"), line);
        RenderCommandTest.Run ru = verify(half.toString(), "--lang", "ru");
        assertTrue(ru.out().startsWith(half + ": ПОДПИСАН НЕ ВСЕМИ СТОРОНАМИ \u2014 подписали 1 из 2 Сторон; не подписали: "), ru.out());
        RenderCommandTest.Run json = verify("--json", half.toString());
        JsonNode doc = new ObjectMapper().readTree(json.out()).get("documents").get(0);
        assertFalse(doc.get("complete").asBoolean());
        assertEquals("sco-rats", doc.get("missingParties").get(0).asText());
        assertEquals("incomplete", doc.get("verdict").asText());
    }

    @Test
    void without_trust_anchors_verify_says_so_and_exits_2() throws IOException {
        Path pdf = Files.write(dir.resolve("signed.pdf"), signed);
        RenderCommandTest.Run run = RenderCommandTest.accord("verify", "--pki", dir.resolve("no-such-pki").toString(), pdf.toString());
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("no trust anchors") && run.err().contains("--trust"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        RenderCommandTest.Run json = RenderCommandTest.accord("verify", "--json", "--pki", dir.resolve("no-such-pki").toString(), pdf.toString());
        assertEquals(2, json.exit());
        assertTrue(new ObjectMapper().readTree(json.out()).get("error").asText().startsWith("no trust anchors"), json.out());
    }

    @Test
    void json_carries_the_documented_fields() throws IOException {
        Path pdf = Files.write(dir.resolve("signed.pdf"), signed);
        RenderCommandTest.Run run = verify("--json", pdf.toString());
        JsonNode doc = new ObjectMapper().readTree(run.out()).get("documents").get(0);
        assertEquals(pdf.toString(), doc.get("file").asText());
        assertTrue(doc.get("valid").asBoolean());
        assertTrue(doc.get("error").isNull());
        JsonNode s = doc.get("signatures").get(1);
        for (String field : List.of("field", "kind", "signer", "indication", "subIndication", "dssIndication", "level",
                "signingTime", "timestampTime", "timestamps", "covers", "coversWholeDocument", "modificationsAfter", "intact",
                "trustAnchor", "errors", "warnings")) {
            assertTrue(s.has(field), field + " in " + s);
        }
        assertEquals("sig-sco-rats", s.get("field").asText());
        assertEquals("TOTAL_PASSED", s.get("indication").asText());
        assertEquals("cica-sco-rats-2017", doc.get("agreement").get("id").asText());
        assertTrue(doc.get("complete").asBoolean());
        assertEquals("valid", doc.get("verdict").asText());
        JsonNode stamp = s.get("timestamps").get(0);
        assertEquals("signature", stamp.get("kind").asText());
        assertEquals("PASSED", stamp.get("indication").asText());
        assertEquals(s.get("timestampTime").asText(), stamp.get("genTime").asText());
    }

    @Test
    void reports_are_written_in_both_languages_with_the_dss_and_etsi_xml() throws IOException {
        Path pdf = Files.write(dir.resolve("signed.pdf"), signed);
        Path reports = dir.resolve("reports");
        RenderCommandTest.Run run = verify("--report-dir", reports.toString(), pdf.toString());
        assertEquals(0, run.exit(), run.err());
        for (String suffix : List.of("simple-report.xml", "detailed-report.xml", "diagnostic-data.xml",
                "etsi-validation-report.xml", "report.en.html", "report.ru.html", "report.en.pdf", "report.ru.pdf")) {
            assertTrue(Files.size(reports.resolve("signed.pdf." + suffix)) > 500, suffix);
        }
        assertTrue(Files.readString(reports.resolve("signed.pdf.etsi-validation-report.xml")).contains("ValidationReport"));
        String en = Files.readString(reports.resolve("signed.pdf.report.en.html"));
        String ru = Files.readString(reports.resolve("signed.pdf.report.ru.html"));
        assertTrue(en.contains("Valid: every signature and every time-stamp holds") && en.contains("DEMO TRUST ANCHOR"), en);
        assertTrue(ru.contains("Действителен: все подписи и метки времени верны") && ru.contains("Подписали Стороны"), ru);
        PdfA.assertPdfA3b(Files.readAllBytes(reports.resolve("signed.pdf.report.ru.pdf")), "the Russian report");
    }

    @Test
    void an_organisations_trust_directory_labels_its_anchors() throws IOException {
        Path trust = Files.createDirectories(dir.resolve("trust"));
        Files.copy(TestPki.dir().resolve(PkiFiles.ROOT_PEM), trust.resolve("cica-root.pem"));
        Files.writeString(trust.resolve("labels.properties"), "cica-root.pem = CICA Secretariat CA\n");
        Path pdf = Files.write(dir.resolve("signed.pdf"), signed);
        RenderCommandTest.Run run = RenderCommandTest.accord("verify", "--json", "--trust", trust.toString(), pdf.toString());
        JsonNode doc = new ObjectMapper().readTree(run.out()).get("documents").get(0);
        assertFalse(doc.get("demoTrust").asBoolean());
        assertEquals("CICA Secretariat CA", doc.get("signatures").get(0).get("trustAnchor").asText());
    }

    @Test
    void extend_from_the_command_line_reaches_b_lta() throws IOException {
        Path pdf = Files.write(dir.resolve("signed.pdf"), signed);
        RenderCommandTest.Run run = RenderCommandTest.accord("extend", pdf.toString(), "--level", "B-LTA",
                "--pki", TestPki.dir().toString());
        assertEquals(0, run.exit(), run.err());
        Path extended = dir.resolve("signed-extended.pdf");
        assertEquals(extended.toString(), run.out().strip());
        RenderCommandTest.Run check = verify("--json", extended.toString());
        assertTrue(check.out().contains("PAdES-BASELINE-LTA"), check.out());
    }
}
