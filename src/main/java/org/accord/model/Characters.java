package org.accord.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an agreement's text may contain, so that the printed original reads as the data does: only characters the
 * originals' fonts can show (Latin, Latin-1, Latin Extended-A, Cyrillic and treaty punctuation), no control,
 * bidi or invisible characters, no loose combining marks, no word that mixes Latin and Cyrillic letters, and no
 * run of more than {@link #MAX_RUN} characters without a place to break the line.
 */
public final class Characters {

    /** The longest run without a space, hyphen, dash or slash that a column can take. */
    public static final int MAX_RUN = 40;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
    private static final Pattern RUN = Pattern.compile("[^\\s\\-\u2010\u2011\u2012\u2013\u2014/]{" + (MAX_RUN + 1) + ",}");

    private Characters() {
    }

    /** Every problem of {@code text}, worded for the path it is found at; empty when it can be set as written. */
    public static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            String why = refusal(cp);
            if (why != null) {
                problems.add(why + " " + describe(cp) + " at character " + (composed.codePointCount(0, i) + 1));
                break;
            }
            i += Character.charCount(cp);
        }
        Matcher words = WORD.matcher(composed);
        while (words.find()) {
            String word = words.group();
            if (word.codePoints().anyMatch(Characters::latin) && word.codePoints().anyMatch(Characters::cyrillic)) {
                problems.add("the word '" + word + "' mixes Latin and Cyrillic letters (a look-alike letter?)");
                break;
            }
        }
        Matcher run = RUN.matcher(composed);
        if (run.find()) {
            problems.add("'" + run.group().substring(0, 20) + "…' runs " + run.group().length() + " characters without a space "
                    + "or hyphen; a column takes at most " + MAX_RUN);
        }
        return problems;
    }

    /** Whether the originals' fonts can show {@code cp} (the whole repertoire, checked against the fonts by a test). */
    public static boolean printable(int cp) {
        return cp >= 0x20 && cp <= 0x7E
                || cp >= 0xA0 && cp <= 0x17F && cp != 0xAD
                || cp >= 0x400 && cp <= 0x45F
                || cp >= 0x490 && cp <= 0x4FF && Character.isLetter(cp)
                || cp >= 0x2010 && cp <= 0x2015 && cp != 0x2011 || cp >= 0x2018 && cp <= 0x201E || cp == 0x2020 || cp == 0x2021
                || cp == 0x2022 || cp == 0x2026 || cp == 0x2030 || cp == 0x2032 || cp == 0x2033 || cp == 0x2039
                || cp == 0x203A || cp == 0x20AC || cp == 0x2116 || cp == 0x2122 || cp == 0x2212;
    }

    private static String refusal(int cp) {
        if (cp == '\n') {
            return null;
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL) {
            return "the control character";
        }
        if (cp == 0x061C || cp == 0x200E || cp == 0x200F || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069) {
            return "the bidirectional control";
        }
        if (type == Character.FORMAT || cp == 0x180E || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD) {
            return "the invisible character";
        }
        if (type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.SURROGATE) {
            return "the private-use or unassigned character";
        }
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
            return "the combining mark";
        }
        if (!printable(cp)) {
            return "the character, which the originals' fonts cannot show,";
        }
        return null;
    }

    private static boolean latin(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    private static boolean cyrillic(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC;
    }

    private static String describe(int cp) {
        String code = String.format(Locale.ROOT, "U+%04X", cp);
        String name = Character.getName(cp);
        return code + (name == null ? "" : " " + name);
    }
}
