package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.accord.testing.Tamper;
import org.junit.jupiter.api.Test;

/** The bundles say everything in both languages, with Russian plural forms, and a Russian report is Russian. */
class WordingTest {

    @Test
    void both_languages_have_the_same_keys_and_every_value_has_its_wording() {
        assertEquals(new TreeSet<>(Wording.of("en").keys()), new TreeSet<>(Wording.of("ru").keys()));
        for (String lang : Wording.LANGUAGES) {
            Wording w = Wording.of(lang);
            for (Finding.Code code : Finding.Code.values()) {
                assertTrue(w.keys().contains("finding." + code), lang + ": finding." + code);
            }
            for (Change.Kind kind : Change.Kind.values()) {
                assertFalse(w.change(new Change(kind, List.of(1, 2), List.of("a"), 3)).isBlank(), lang + ": " + kind);
            }
            for (Updates.DamageKind d : Updates.DamageKind.values()) {
                assertTrue(w.keys().contains("damage." + d), lang + ": damage." + d);
            }
            for (TimestampReport.Kind k : TimestampReport.Kind.values()) {
                assertFalse(w.timestampKind(k).isBlank());
            }
            for (Indication i : Indication.values()) {
                assertFalse(w.indication(i).isBlank(), lang + ": " + i);
            }
            for (SubIndication s : SubIndication.values()) {
                assertFalse(w.subIndication(s).isBlank(), lang + ": " + s);
            }
        }
    }

    @Test
    void russian_counts_take_the_right_plural_form() {
        Wording ru = Wording.of("ru");
        assertEquals("добавлены данные для проверки (1 объект)", ru.change(new Change(Change.Kind.VALIDATION_DATA, List.of(), List.of(), 1)));
        assertEquals("добавлены данные для проверки (3 объекта)", ru.change(new Change(Change.Kind.VALIDATION_DATA, List.of(), List.of(), 3)));
        assertEquals("добавлены данные для проверки (5 объектов)", ru.change(new Change(Change.Kind.VALIDATION_DATA, List.of(), List.of(), 5)));
        assertEquals("добавлены данные для проверки (21 объект)", ru.change(new Change(Change.Kind.VALIDATION_DATA, List.of(), List.of(), 21)));
        assertEquals("validation data added (1 object)", Wording.of("en").change(new Change(Change.Kind.VALIDATION_DATA, List.of(), List.of(), 1)));
        assertEquals("validation data added (5 objects)", Wording.of("en").change(new Change(Change.Kind.VALIDATION_DATA, List.of(), List.of(), 5)));
    }

    @Test
    void dss_has_a_russian_message_for_every_english_one() throws IOException {
        Properties en = bundle("dss-messages.properties");
        Properties ru = bundle("dss-messages_ru.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ru.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(ru.getProperty(key)), key);
        }
    }

    /** English words a Russian reader must not meet (identifiers such as PAdES or DSS aside). */
    private static final Pattern ENGLISH = Pattern.compile("\\b(the|and|is|not|of|signature|signed|valid|after|document|found)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DSS_CODE = Pattern.compile("\\[[A-Z0-9_]{4,}\\]");

    @Test
    void a_russian_report_on_a_forged_original_has_no_english_sentence_and_no_dss_code() throws IOException {
        for (byte[] pdf : List.of(Tamper.paintOverPage(VerifierTest.BOTH_SIGNED), Tamper.forgeTimestampYear(VerifierTest.BOTH_SIGNED),
                Tamper.cut(VerifierTest.BOTH_SIGNED, 100))) {
            DocumentReport r = VerifierTest.VERIFIER.verify("forged.pdf", pdf).report();
            String html = new HumanReport(new org.accord.render.Renderer()).html(r, "ru");
            String text = html.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]+>", " ").replace("forged.pdf", "");
            assertFalse(DSS_CODE.matcher(text).find(), text);
            var english = ENGLISH.matcher(text);
            assertFalse(english.find(), () -> "English in the Russian report: «" + english.group() + "» in " + text);
        }
    }

    private static Properties bundle(String name) throws IOException {
        try (InputStream in = WordingTest.class.getClassLoader().getResourceAsStream(name)) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static TreeSet<String> placeholders(String pattern) {
        TreeSet<String> found = new TreeSet<>();
        var m = Pattern.compile("\\{\\d+\\}").matcher(pattern);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
