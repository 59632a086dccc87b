package org.accord.workflow;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The one way times are written to people, on pages and in mails: "1 December 2026, 14:05 UTC" / "1 декабря 2026 года, 14:05 UTC". */
public final class Times {

    private static final Map<String, DateTimeFormatter> DATE_TIME = Map.of(
            "en", DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC),
            "ru", DateTimeFormatter.ofPattern("d\u00A0MMMM yyyy\u00A0'года', HH:mm 'UTC'", Locale.forLanguageTag("ru")).withZone(ZoneOffset.UTC));

    private Times() {
    }

    /** {@code t} in {@code lang} ({@code en} or {@code ru}; anything else is English); empty for null. */
    public static String format(Instant t, String lang) {
        return t == null ? "" : DATE_TIME.getOrDefault(lang, DATE_TIME.get("en")).format(t);
    }
}
