package org.accord.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.accord.model.FinalClause;
import org.accord.model.Text;

/**
 * Gives the template a text in one language with {@code {date}} and {@code {place}} filled in (a blank line
 * when the agreement leaves them for signature). Nothing else is interpreted. Public only for the template engine.
 */
public final class TextFiller {

    static final String BLANK = "______________";
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d\u00A0MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter RU = DateTimeFormatter.ofPattern("d\u00A0MMMM yyyy\u00A0'года'", Locale.forLanguageTag("ru"));

    private final Text date;
    private final Text place;

    TextFiller(FinalClause clause) {
        LocalDate d = clause.date();
        this.date = d == null ? new Text(BLANK, BLANK) : new Text(EN.format(d), RU.format(d));
        this.place = clause.place() == null ? new Text(BLANK, BLANK) : clause.place();
    }

    /** The text in the language {@code lang} ({@code en} or {@code ru}), placeholders filled. */
    public String of(Text text, String lang) {
        return fill(text.in(lang), lang);
    }

    /** A string in the language {@code lang} with its placeholders filled. */
    public String fill(String s, String lang) {
        return s.replace("{date}", date.in(lang)).replace("{place}", place.in(lang));
    }
}
