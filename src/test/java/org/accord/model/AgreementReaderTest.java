package org.accord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.accord.testing.Seeds;
import org.junit.jupiter.api.Test;

class AgreementReaderTest {

    private static final String MINIMAL = """
            id: test-agreement
            kind: {en: Agreement, ru: Соглашение}
            title: {en: Test Agreement, ru: Тестовое соглашение}
            shortTitle: {en: Test, ru: Тест}
            parties:
              - id: alpha
                name: {en: Alpha Organization, ru: Организация Альфа}
                shortName: {en: Alpha, ru: Альфа}
                signatureHeading: {en: For Alpha, ru: За Альфу}
                signatory: {name: {en: A. Person, ru: А. Персона}}
              - id: beta
                name: {en: Beta Organization, ru: Организация Бета}
                shortName: {en: Beta, ru: Бета}
                signatureHeading: {en: For Beta, ru: За Бету}
                signatory: {name: {en: B. Person, ru: Б. Персона}}
            preamble:
              agreed: {en: "Have agreed as follows:", ru: "договорились о нижеследующем:"}
            articles:
              - paragraphs:
                  - {en: First., ru: Первое.}
            finalClause: {originals: 2, languages: [en, ru], equallyAuthentic: true}
            """;

    private final AgreementReader reader = new AgreementReader();

    @Test
    void reads_the_cica_protocol_with_its_two_originals() {
        Agreement a = Seeds.read(Seeds.CICA);
        assertEquals("cica-sco-rats-2017", a.id());
        assertEquals(List.of("cica", "sco-rats"), a.parties().stream().map(Party::id).toList());
        assertEquals(2, a.finalClause().originals());
        assertEquals(2, a.articles().size());
        assertNull(a.articles().get(0).title(), "the Protocol's articles have no titles");
        ItemList list = a.articles().get(0).paragraphs().get(0).list();
        assertEquals(ListStyle.ROMAN, list.style());
        assertEquals(4, list.items().size());
        assertEquals("sco-rats", a.custodianOf(2).orElseThrow().id());
    }

    @Test
    void reads_the_interpol_agreement_with_eight_titled_articles() {
        Agreement a = Seeds.read(Seeds.INTERPOL);
        assertEquals(List.of("interpol", "impact"), a.parties().stream().map(Party::id).toList());
        assertEquals(8, a.articles().size());
        assertEquals(new Text("Purpose", "Цель"), a.articles().get(0).title());
        assertEquals(5, a.preamble().recitals().size());
        assertEquals("Recalling", a.preamble().recitals().get(0).lead().en());
    }

    @Test
    void a_minimal_agreement_is_read_with_defaults() {
        Agreement a = read(MINIMAL);
        assertTrue(a.initials(), "initials are on by default");
        assertEquals(1, a.articles().get(0).number());
        assertEquals(a.parties().get(0).shortName(), a.parties().get(0).custodian());
        assertEquals("sig-alpha", a.parties().get(0).signatureFieldName());
    }

    @Test
    void a_missing_translation_is_reported_with_its_path() {
        String yaml = MINIMAL.replace("- {en: First., ru: Первое.}", "- {en: First.}");
        assertProblems(yaml, "articles[0].paragraphs[0].ru: missing");
    }

    @Test
    void an_empty_translation_is_reported_with_its_path() {
        String yaml = MINIMAL.replace("signatory: {name: {en: B. Person, ru: Б. Персона}}",
                "signatory: {name: {en: B. Person, ru: \"  \"}}");
        assertProblems(yaml, "parties[1].signatory.name.ru: empty");
    }

    @Test
    void different_paragraph_counts_between_the_languages_are_reported() {
        String yaml = MINIMAL.replace("- {en: First., ru: Первое.}", "- {en: \"One.\\n\\nTwo.\", ru: Одно.}");
        assertProblems(yaml, "articles[0].paragraphs[0]: 2 paragraphs in en but 1 in ru");
    }

    @Test
    void placeholders_must_match_between_the_languages() {
        String yaml = MINIMAL.replace("equallyAuthentic: true}",
                "equallyAuthentic: true, date: 2017-09-20, text: [{en: \"Done on {date}.\", ru: \"Совершено.\"}]}");
        assertProblems(yaml, "finalClause.text[0]: placeholders differ between en {date} and ru (none)");
    }

    @Test
    void a_placeholder_without_a_value_is_refused_rather_than_printed_as_a_blank() {
        String yaml = MINIMAL.replace("equallyAuthentic: true}",
                "equallyAuthentic: true, text: [{en: \"Done at {place} on {date}.\", ru: \"Совершено в {place} {date}.\"}]}");
        assertProblems(yaml,
                "finalClause.text[0].en: {date} has no value; give finalClause.date, or word the text without it (each signature block gives its own place and date)",
                "finalClause.text[0].en: {place} has no value; give finalClause.place, or word the text without it (each signature block gives its own place and date)",
                "finalClause.text[0].ru: {date} has no value; give finalClause.date, or word the text without it (each signature block gives its own place and date)",
                "finalClause.text[0].ru: {place} has no value; give finalClause.place, or word the text without it (each signature block gives its own place and date)");
    }

    @Test
    void the_standard_clause_takes_both_place_and_date_or_neither() {
        String yaml = MINIMAL.replace("equallyAuthentic: true}", "equallyAuthentic: true, date: 2017-09-20}");
        assertProblems(yaml, "finalClause.place: missing: Accord's standard clause takes both place and date (signed together) "
                + "or neither (signed at a distance: each signature block gives its own)");
    }

    @Test
    void every_problem_is_reported_at_once() {
        String yaml = MINIMAL
                .replace("- {en: First., ru: Первое.}", "- {en: First.}")
                .replace("shortName: {en: Beta, ru: Бета}", "shortName: {ru: Бета}")
                .replace("originals: 2,", "originals: 2, colour: blue,");
        assertProblems(yaml,
                "parties[1].shortName.en: missing",
                "articles[0].paragraphs[0].ru: missing",
                "finalClause.colour: not part of the agreement format");
    }

    @Test
    void an_original_kept_by_no_one_or_twice_is_reported() {
        String yaml = MINIMAL
                .replace("shortName: {en: Alpha, ru: Альфа}", "shortName: {en: Alpha, ru: Альфа}\n    keepsOriginal: 3")
                .replace("shortName: {en: Beta, ru: Бета}", "shortName: {en: Beta, ru: Бета}\n    keepsOriginal: 3");
        assertProblems(yaml,
                "parties[0].keepsOriginal: 3 is not an original (finalClause.originals is 2)",
                "parties[1].keepsOriginal: 3 is not an original (finalClause.originals is 2)");
    }

    @Test
    void duplicate_party_ids_and_bad_ids_are_reported() {
        String yaml = MINIMAL.replace("id: beta", "id: alpha").replace("id: test-agreement", "id: Test_Agreement");
        assertProblems(yaml,
                "id: 'Test_Agreement' must be lower-case letters, digits and single '-'",
                "parties[1].id: 'alpha' is used by another party");
    }

    @Test
    void an_unknown_list_style_is_reported() {
        String yaml = MINIMAL.replace("- {en: First., ru: Первое.}",
                "- text: {en: 'To:', ru: 'Для:'}\n        list: {style: greek, items: [{en: x, ru: х}]}");
        assertProblems(yaml, "articles[0].paragraphs[0].list.style: 'greek' is not one of decimal, alpha, roman");
    }

    @Test
    void languages_other_than_english_and_russian_are_refused() {
        assertProblems(MINIMAL.replace("languages: [en, ru]", "languages: [en, fr]"),
                "finalClause.languages: [en, fr] is not supported: Accord agreements are [en, ru]");
    }

    @Test
    void broken_yaml_is_one_clear_problem() {
        InvalidAgreementException e = assertThrows(InvalidAgreementException.class,
                () -> read("id: [unclosed\ntitle: x"));
        assertTrue(e.problems().get(0).startsWith("agreement: not valid YAML: "), e.getMessage());
    }

    @Test
    void a_duplicate_key_is_refused() {
        InvalidAgreementException e = assertThrows(InvalidAgreementException.class,
                () -> read(MINIMAL + "id: again\n"));
        assertTrue(e.getMessage().contains("Duplicate field 'id'"), e.getMessage());
    }

    @Test
    void an_alias_bomb_is_refused() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        assertThrows(InvalidAgreementException.class, () -> read(yaml.toString()));
    }

    @Test
    void a_file_over_the_size_limit_is_refused_before_parsing() {
        byte[] big = new byte[AgreementReader.MAX_BYTES + 1];
        InvalidAgreementException e = assertThrows(InvalidAgreementException.class, () -> reader.read(big));
        assertTrue(e.getMessage().contains("more than the " + AgreementReader.MAX_BYTES), e.getMessage());
    }

    private Agreement read(String yaml) {
        return reader.read(yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** Each class of character that would make the printed text differ from the data, written as YAML escapes. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            an emoji                         | Agreement \\U0001F600  | the character, which the originals' fonts cannot show, U+1F600
            a NUL                            | Agree\\0ment           | the control character U+0000
            a tab                            | Agree\\tment           | the control character U+0009
            a right-to-left override         | Agree\\u202Ement       | the bidirectional control U+202E
            a bidi isolate                   | Agree\\u2067ment       | the bidirectional control U+2067
            a zero-width space               | Agree\\u200Bment       | the invisible character U+200B
            a soft hyphen                    | Agree\\u00ADment       | the invisible character U+00AD
            a private-use character          | Agree\\uE000ment       | the private-use or unassigned character U+E000
            a combining strike-through       | Agre\\u0336ement       | the combining mark U+0336
            a Chinese character              | Agreement \\u4E2D      | the character, which the originals' fonts cannot show, U+4E2D
            a Cyrillic look-alike in English | \\u0421ICA p\\u0430ys  | the word 'СICA' mixes Latin and Cyrillic letters
            a 120-letter token               | LONG                   | runs 120 characters without a space or hyphen
            """)
    void text_that_cannot_be_set_honestly_is_refused_at_reading(String what, String escaped, String expected) {
        String value = escaped.equals("LONG") ? "a".repeat(120) : escaped;
        String yaml = MINIMAL.replace("kind: {en: Agreement, ru: Соглашение}", "kind: {en: \"" + value + "\", ru: Соглашение}");
        InvalidAgreementException e = assertThrows(InvalidAgreementException.class,
                () -> reader.read(yaml.getBytes(StandardCharsets.UTF_8)), what);
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("kind.en: ") && p.contains(expected)), what + ": " + e.problems());
    }

    @org.junit.jupiter.api.Test
    void every_character_the_texts_may_hold_is_in_the_fonts_the_originals_embed() throws Exception {
        for (String font : List.of("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf",
                "liberation/LiberationSerif-Italic.ttf", "liberation/LiberationSerif-BoldItalic.ttf")) {
            try (var in = getClass().getClassLoader().getResourceAsStream(font)) {
                org.junit.jupiter.api.Assertions.assertNotNull(in, font);
                var ttf = new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(in));
                var cmap = ttf.getUnicodeCmapLookup();
                List<String> missing = new java.util.ArrayList<>();
                for (int cp = 0; cp < 0x10000; cp++) {
                    if (Characters.printable(cp) && cmap.getGlyphId(cp) == 0) {
                        missing.add(String.format("U+%04X", cp));
                    }
                }
                assertEquals(List.of(), missing, font);
            }
        }
    }

    private void assertProblems(String yaml, String... expected) {
        InvalidAgreementException e = assertThrows(InvalidAgreementException.class, () -> read(yaml));
        assertEquals(List.of(expected), e.problems());
    }
}
