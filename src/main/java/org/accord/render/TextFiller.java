package org.accord.render;

import freemarker.core.TemplateMarkupOutputModel;
import freemarker.core.XMLOutputFormat;
import freemarker.template.TemplateModelException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.model.FinalClause;
import org.accord.model.Party;
import org.accord.model.Text;

/**
 * Gives the template a text in one language with {@code {date}} and {@code {place}} filled in (a blank line
 * when the agreement leaves them for signature). Nothing else is interpreted. Public only for the template engine.
 */
public final class TextFiller {

    static final String BLANK = "______________";
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d\u00A0MMMM\u00A0yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter RU = DateTimeFormatter.ofPattern("d\u00A0MMMM\u00A0yyyy\u00A0'года'", Locale.forLanguageTag("ru"));
    /** Month names as dates print them: a date is never hyphenated (nor broken: its spaces are no-break spaces). */
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December", "января", "февраля", "марта", "апреля", "мая", "июня",
            "июля", "августа", "сентября", "октября", "ноября", "декабря");

    /** A word of capitals (an acronym, a name in capitals): never hyphenated. */
    private static final Pattern CAPITALS = Pattern.compile("\\p{Lu}[\\p{Lu}\\p{Nd}]+(?:[-'\u2019]\\p{Lu}+)*(?:['\u2019]s)?");
    private static final Pattern ONE_LETTER = Pattern.compile("(?<=^|[\\s(«])([вВсСоОкКиИаАуУя]) ");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}'\u2019-]*");

    private final Text date;
    private final Text place;
    /** The words of the parties' short names: a word starting with one (Интерпола, IMPACT's) is never hyphenated. */
    private final List<String> names = new ArrayList<>();
    /** The words set so far that must not be hyphenated, as written and in lower case, by language (for FOP's hyphenation exceptions). */
    private final java.util.Map<String, java.util.Set<String>> unbreakable = new java.util.TreeMap<>();

    /** What {@link #fo} has met so far that must not be hyphenated, by language. */
    java.util.Map<String, java.util.Set<String>> unbreakable() {
        return unbreakable;
    }

    TextFiller(FinalClause clause, List<Party> parties) {
        this(clause);
        for (Party p : parties) {
            for (String lang : List.of("en", "ru")) {
                for (String word : p.shortName().in(lang).split("[\\s\u00A0]+")) {
                    if (word.codePointCount(0, word.length()) >= 4) {
                        names.add(word);
                    }
                }
            }
        }
    }

    TextFiller(FinalClause clause) {
        LocalDate d = clause.date();
        this.date = d == null ? new Text(BLANK, BLANK) : new Text(EN.format(d), RU.format(d));
        this.place = clause.place() == null ? new Text(BLANK, BLANK) : clause.place();
    }

    /** The text in the language {@code lang} ({@code en} or {@code ru}), placeholders filled. */
    public String of(Text text, String lang) {
        return fill(text.in(lang), lang);
    }

    /**
     * The text as XSL-FO markup for the originals: placeholders filled, typeset as a treaty office would (in
     * Russian an em dash for a spaced en dash; a no-break space after «№» and before a spaced dash), every other
     * character escaped, and acronyms and the parties' names kept from hyphenation.
     */
    public TemplateMarkupOutputModel<?> fo(Text text, String lang) throws TemplateModelException {
        return markup(of(text, lang), lang);
    }

    /** As {@link #fo(Text, String)}, for a string already in {@code lang}. */
    public TemplateMarkupOutputModel<?> foString(String s, String lang) throws TemplateModelException {
        return markup(fill(s, lang), lang);
    }

    private TemplateMarkupOutputModel<?> markup(String s, String lang) throws TemplateModelException {
        String t = "ru".equals(lang) ? s.replace(" \u2013 ", " \u2014 ") : s;
        t = t.replace(" \u2014", "\u00A0\u2014").replace(" \u2013", "\u00A0\u2013").replace("\u2116 ", "\u2116\u00A0");
        if ("ru".equals(lang)) {
            // a one-letter preposition or conjunction never ends a line: it goes with the word after it
            t = ONE_LETTER.matcher(t).replaceAll("$1\u00A0");
        }
        StringBuilder out = new StringBuilder(t.length() + 64);
        Matcher words = WORD.matcher(t);
        int at = 0;
        while (words.find()) {
            String word = words.group();
            if (CAPITALS.matcher(word).matches() || names.stream().anyMatch(word::startsWith) || MONTHS.contains(word)) {
                for (String letters : word.split("[^\\p{L}]+")) {
                    if (letters.length() >= 2) {
                        // FOP looks exceptions up through its character classes, from the word as written
                        java.util.Set<String> set = unbreakable.computeIfAbsent(lang, k -> new java.util.TreeSet<>());
                        set.add(letters);
                    }
                }
                out.append(XMLOutputFormat.INSTANCE.escapePlainText(t.substring(at, words.start())));
                out.append("<fo:inline keep-together.within-line=\"always\">").append(XMLOutputFormat.INSTANCE.escapePlainText(word)).append("</fo:inline>");
                at = words.end();
            }
        }
        out.append(XMLOutputFormat.INSTANCE.escapePlainText(t.substring(at)));
        return XMLOutputFormat.INSTANCE.fromMarkup(out.toString());
    }

    /** A string in the language {@code lang} with its placeholders filled. */
    public String fill(String s, String lang) {
        return s.replace("{date}", date.in(lang)).replace("{place}", place.in(lang));
    }
}
