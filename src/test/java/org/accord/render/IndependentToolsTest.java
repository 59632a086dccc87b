package org.accord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accord.testing.ExternalTool;
import org.accord.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What tools that share no code with Accord (poppler, qpdf) make of an original. */
class IndependentToolsTest {

    @TempDir
    Path dir;

    private Path original() throws Exception {
        Path file = dir.resolve("original.pdf");
        Files.write(file, Originals.of(Seeds.CICA, Layout.PARALLEL).get(0).bytes());
        return file;
    }

    @Test
    void qpdf_finds_the_structure_sound() throws Exception {
        Path qpdf = ExternalTool.require("qpdf", "qpdf");
        ExternalTool.Result r = ExternalTool.run(List.of(qpdf.toString(), "--check", original().toString()), dir);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("No syntax or stream encoding errors found"), r.stdout() + r.stderr());
    }

    @Test
    void poppler_sees_every_font_embedded_and_reads_both_languages() throws Exception {
        Path pdffonts = ExternalTool.require("pdffonts", "poppler-utils");
        Path pdftotext = ExternalTool.require("pdftotext", "poppler-utils");
        Path file = original();
        ExternalTool.Result fonts = ExternalTool.run(List.of(pdffonts.toString(), file.toString()), dir);
        assertEquals(0, fonts.exitCode(), fonts.stderr());
        List<String> rows = fonts.stdout().lines().skip(2).toList();
        assertEquals(2, rows.size(), fonts.stdout());
        for (String row : rows) {
            assertTrue(row.startsWith("EAAAA") && row.contains("LiberationSerif") && row.matches(".*\\byes\\s+yes\\s+yes\\b.*"),
                    "subset, embedded, with a Unicode map: " + row);
        }
        ExternalTool.Result text = ExternalTool.run(List.of(pdftotext.toString(), "-layout", file.toString(), "-"), dir);
        assertEquals(0, text.exitCode(), text.stderr());
        assertTrue(text.stdout().contains("have agreed on the following:") && text.stdout().contains("договорились о нижеследующем:"),
                text.stdout());
        assertTrue(text.stdout().contains("Page 1 of 3 / Страница 1 из 3"), text.stdout());
    }
}
