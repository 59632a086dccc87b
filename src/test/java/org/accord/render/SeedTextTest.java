package org.accord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.accord.model.Agreement;
import org.accord.testing.PdfText;
import org.accord.testing.Seeds;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The English text of each rendered agreement is the text of the signed original it was transcribed from, word for
 * word: the seed in {@code ../shared/seeds/}, from its title to its signature blocks. Page furniture (running header,
 * the original's line, initials, page numbers) is left out, and so is what the data declares an addition.
 */
class SeedTextTest {

    static final Path SEEDS = Path.of("..", "shared", "seeds");

    static Stream<Object[]> agreements() {
        return Stream.of(new Object[] {Seeds.CICA, "cica-sco-rats-protocol-2017.txt"},
                new Object[] {Seeds.INTERPOL, "interpol-impact-cooperation-agreement-2012.txt"});
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("agreements")
    void the_rendered_english_text_is_the_seeds_word_for_word(Path data, String seedFile) throws IOException {
        Path seed = SEEDS.resolve(seedFile);
        if (!Files.isRegularFile(seed)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the seeds are missing at " + seed.toAbsolutePath());
            }
            System.err.println("SKIPPED: the seeds are not at " + seed.toAbsolutePath());
            Assumptions.abort("no seeds");
        }
        Agreement a = Seeds.read(data);
        List<String> rendered = words(renderedEnglish(a));
        List<String> source = words(seedText(Files.readString(seed)));
        org.junit.jupiter.api.Assertions.assertTrue(source.size() > 250 && rendered.size() > 250,
                "both texts are read whole: " + source.size() + " and " + rendered.size() + " words");
        int i = 0;
        while (i < Math.min(rendered.size(), source.size()) && rendered.get(i).equals(source.get(i))) {
            i++;
        }
        if (i < rendered.size() || i < source.size()) {
            fail("the rendered text departs from the seed at word " + i + ":\n  rendered: …" + context(rendered, i)
                    + "\n  seed:     …" + context(source, i));
        }
        assertEquals(source.size(), rendered.size());
    }

    /** The English part of the sequential original 1, from its title to the first signature heading, furniture removed. */
    private static String renderedEnglish(Agreement a) throws IOException {
        RenderedPdf pdf = Originals.of(a.id().startsWith("cica") ? Seeds.CICA : Seeds.INTERPOL, Layout.SEQUENTIAL).get(0);
        // pdftotext reads a hyphenated word whole, as the tagged PDF's ActualText gives it
        String all = pdftotext(pdf.bytes()).replace('\u00A0', ' ');
        List<String> lines = new ArrayList<>();
        for (String line : all.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith(a.shortTitle().en() + " / ") || l.startsWith("Initials / Парафы")
                    || l.matches("Page \\d+ of \\d+ / Страница \\d+ из \\d+") || l.startsWith("Original 1 of ")
                    || l.startsWith("Подлинный экземпляр №")
                    || a.parties().stream().anyMatch(p -> l.startsWith(p.shortName().en() + " / " + p.shortName().ru()))
                    || l.equals("Initials / Парафы:")) {
                continue;
            }
            lines.add(l);
        }
        String text = String.join("\n", lines);
        int russian = text.indexOf(a.titleBlock().isEmpty() ? a.title().ru() : a.titleBlock().get(0).ru());
        String english = russian < 0 ? text : text.substring(0, russian);
        int signatures = english.indexOf(a.parties().get(0).signatureHeading().en().split(" ")[0] + " "
                + a.parties().get(0).signatureHeading().en().split(" ")[1]);
        if (a.finalClause().addition()) {
            // declared in the data: a clause the source does not carry
            String clause = Renderer.filler(a).of(new org.accord.model.Text(standardFinalEnglish(english), ""), "en");
            english = english.replace(clause, "");
        }
        return signatures > 0 && signatures < english.length() ? english.substring(0, signatures) : english;
    }

    private static String pdftotext(byte[] pdf) {
        try {
            Path file = Files.createTempFile("accord-seed", ".pdf");
            try {
                Files.write(file, pdf);
                org.accord.testing.ExternalTool.require("pdftotext", "poppler-utils");
                return org.accord.testing.ExternalTool.run(List.of("pdftotext", "-enc", "UTF-8", file.toString(), "-"),
                        file.getParent()).stdout();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The standard final clause as printed: from "Done" to the end of its sentence (signed together or at a distance). */
    private static String standardFinalEnglish(String english) {
        int start = english.lastIndexOf("Done ");
        if (start < 0) {
            return "\u0000";
        }
        for (String ending : List.of("below the signatures.", "authentic.", "languages.")) {
            int end = english.indexOf(ending, start);
            if (end >= 0) {
                return english.substring(start, end + ending.length());
            }
        }
        return english.substring(start);
    }

    /** The seed from its first line to its first signature block, transcription marks removed. */
    private static String seedText(String seed) {
        List<String> lines = new ArrayList<>();
        for (String line : seed.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("**For") || l.startsWith("For the ")) {
                break;
            }
            boolean bold = l.startsWith("**");
            l = l.replace("**", "").replaceFirst("^- ", "").strip();
            // page initials and marks in the margins of the signed paper ("MNA", "R2", "MMWA", "~ ~")
            if (l.isEmpty() || !bold && l.matches("[A-Z0-9~ ]{1,12}")) {
                continue;
            }
            lines.add(l);
        }
        return String.join("\n", lines);
    }

    /** Words as both sides print them: hyphens (also those of hyphenation at line ends) and line breaks left out. */
    private static List<String> words(String text) {
        String joined = text.replace("-\n", "").replace("‑", "").replace("-", "").replace("–", "–");
        return Arrays.stream(joined.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String context(List<String> words, int at) {
        return String.join(" ", words.subList(Math.max(0, at - 6), Math.min(words.size(), at + 8)));
    }

}
