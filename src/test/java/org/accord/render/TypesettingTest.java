package org.accord.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.model.Agreement;
import org.accord.model.Article;
import org.accord.model.Party;
import org.accord.testing.PdfText;
import org.accord.testing.PdfText.Area;
import org.accord.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The originals are set as a treaty office sets them, read back from the PDF column by column and page by page: no
 * page ends with a heading or in the middle of a word, no more than two hyphenated lines follow each other, acronyms
 * and the parties' names are never hyphenated, and no line starts with a dash.
 */
class TypesettingTest {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> seedsAndLayouts() {
        return RendererTest.seedsAndLayouts();
    }

    private static List<String> lines(String page) {
        List<String> lines = new ArrayList<>();
        for (String line : page.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip().replace('\u00A0', ' '));
            }
        }
        return lines;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedsAndLayouts")
    void pages_and_lines_break_where_a_treaty_office_breaks_them(Path seed, Layout layout) throws java.io.IOException {
        Agreement a = Seeds.read(seed);
        List<String> headings = new ArrayList<>();
        for (Article article : a.articles()) {
            if (article.title() != null) {
                headings.add(article.title().en());
                headings.add(article.title().ru());
            }
        }
        List<String> names = new ArrayList<>();
        for (Party p : a.parties()) {
            for (String word : (p.shortName().en() + " " + p.shortName().ru()).split(" ")) {
                if (word.length() >= 4) {
                    names.add(word);
                }
            }
        }
        java.util.Set<String> capitals = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b\\p{Lu}{3,}\\b").matcher(
                java.nio.file.Files.readString(seed));
        while (m.find()) {
            capitals.add(m.group());
        }
        for (RenderedPdf pdf : Originals.of(seed, layout)) {
            List<Area> columns = layout == Layout.PARALLEL ? List.of(Area.LEFT, Area.RIGHT) : List.of(Area.FULL);
            for (Area column : columns) {
                List<String> pages = PdfText.pages(pdf.bytes(), column);
                for (int i = 0; i < pages.size(); i++) {
                    List<String> lines = lines(pages.get(i));
                    String where = pdf.fileName() + " p." + (i + 1) + " " + column;
                    if (lines.isEmpty()) {
                        continue;
                    }
                    String last = lines.get(lines.size() - 1);
                    if (i < pages.size() - 1) {
                        assertFalse(last.matches("(Article|Статья) \\d+") || headings.contains(last),
                                where + " ends with the heading '" + last + "'");
                        assertFalse(last.matches(".*\\p{L}-"), where + " ends in the middle of a word: '" + last + "'");
                    }
                    for (int j = 0; j + 1 < lines.size(); j++) {
                        // a hyphen drawn at a break is not always in the text layer: look at both sides of each break
                        if (!lines.get(j).matches(".*[\\p{L}-]")) {
                            continue; // the line ends with punctuation: a word ended there
                        }
                        String end = lines.get(j).replaceAll(".*[\\s(]", "").replaceAll("-$", "");
                        String start = lines.get(j + 1).replaceAll("[\\s,.;:'\u2019)].*", "");
                        String joined = end + start;
                        boolean acronym = capitals.contains(joined) && !capitals.contains(end) && !start.isEmpty();
                        boolean name = !end.isEmpty() && !start.isEmpty() && names.stream().anyMatch(joined::startsWith)
                                && names.stream().noneMatch(end::startsWith);
                        assertFalse(acronym || name, where + ": '" + joined + "' broken across lines: '" + lines.get(j)
                                + "' / '" + lines.get(j + 1) + "'");
                    }
                    int run = 0;
                    for (String line : lines) {
                        boolean hyphenated = line.matches(".*\\p{L}-");
                        run = hyphenated ? run + 1 : 0;
                        assertTrue(run <= 2, where + ": three hyphenated lines in a row, up to '" + line + "'");
                        assertFalse(line.matches(".*\\b\\p{Lu}{2,}-"), where + ": an acronym hyphenated: '" + line + "'");
                        if (hyphenated) {
                            String stub = line.substring(line.lastIndexOf(' ') + 1, line.length() - 1);
                            assertFalse(stub.length() >= 2 && names.stream().anyMatch(n -> n.startsWith(stub) && !n.equals(stub)),
                                    where + ": a party's name hyphenated: '" + line + "'");
                        }
                        assertFalse(line.matches("[\u2013\u2014].*"), where + ": a line starts with a dash: '" + line + "'");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedsAndLayouts")
    void pdftotext_finds_no_page_ending_with_a_heading(Path seed, Layout layout) throws Exception {
        Agreement a = Seeds.read(seed);
        java.util.Set<String> headings = new java.util.HashSet<>();
        for (Article article : a.articles()) {
            if (article.title() != null) {
                headings.add(article.title().en());
                headings.add(article.title().ru());
            }
        }
        org.accord.testing.ExternalTool.require("pdftotext", "poppler-utils");
        RenderedPdf pdf = Originals.of(seed, layout).get(0);
        Path file = java.nio.file.Files.createTempFile("accord-pages", ".pdf");
        try {
            java.nio.file.Files.write(file, pdf.bytes());
            int pages = PdfText.pages(pdf.bytes(), Area.FULL).size();
            for (int page = 1; page < pages; page++) {
                String text = org.accord.testing.ExternalTool.run(List.of("pdftotext", "-layout", "-f", "" + page, "-l", "" + page,
                        file.toString(), "-"), file.getParent()).stdout();
                List<String> body = lines(text).stream()
                        .filter(l -> !l.startsWith("Initials") && !l.matches("Page \\d+ of \\d+.*")).toList();
                String last = body.get(body.size() - 1);
                for (String part : last.split("\\s{3,}")) {
                    assertFalse(part.matches("(Article|Статья) \\d+") || headings.contains(part.strip()),
                            pdf.fileName() + " p." + page + " ends with the heading '" + part + "'");
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @org.junit.jupiter.api.Test
    void the_longest_token_drafting_accepts_stays_inside_its_column_wrapped_if_it_must() throws Exception {
        String token = "x".repeat(org.accord.model.Characters.MAX_RUN);
        String ru = "ж".repeat(org.accord.model.Characters.MAX_RUN);
        Agreement a = RenderSecurityTest.minimal("- {en: The Parties shall cooperate., ru: Стороны сотрудничают.}",
                "- {en: \"The Parties shall cooperate " + token + " fully.\", ru: \"Стороны сотрудничают " + ru + " полностью.\"}");
        RenderedPdf pdf = Originals.RENDERER.render(a, Layout.PARALLEL, 1).get(0);
        org.accord.testing.ExternalTool.require("pdftotext", "poppler-utils");
        Path file = java.nio.file.Files.createTempFile("accord-token", ".pdf");
        try {
            java.nio.file.Files.write(file, pdf.bytes());
            String html = org.accord.testing.ExternalTool.run(List.of("pdftotext", "-bbox", file.toString(), "-"), file.getParent()).stdout();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\" yMax=\"[0-9.]+\">([^<]*)</word>").matcher(html);
            double middle = 595.28 / 2;
            double right = 595.28 - 22 * PdfText.MM;
            int found = 0;
            while (m.find()) {
                double xMin = Double.parseDouble(m.group(1));
                double xMax = Double.parseDouble(m.group(2));
                String word = m.group(3);
                assertTrue(xMax <= right + 1, "'" + word + "' ends at x = " + xMax + ", beyond the right margin (" + right + ")");
                if (word.contains("xxxxx")) {
                    found++;
                    assertTrue(xMax <= middle, "the English token crosses into the Russian column: x = " + xMax);
                }
                if (word.contains("жжжжж")) {
                    found++;
                    assertTrue(xMin >= middle - 1, "the Russian token starts in the English column: x = " + xMin);
                }
            }
            // a token wider than its column is wrapped there (never printed past it)
            assertTrue(found >= 2, "both tokens are printed: " + found);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
