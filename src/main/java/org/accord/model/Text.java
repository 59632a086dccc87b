package org.accord.model;

import java.util.Objects;

/** One piece of agreement text in both languages, side by side. */
public record Text(String en, String ru) implements java.io.Serializable {

    public Text {
        Objects.requireNonNull(en, "en cannot be null");
        Objects.requireNonNull(ru, "ru cannot be null");
    }

    /** The text in the given language. */
    public String in(Language language) {
        return language == Language.EN ? en : ru;
    }

    /** The text in the language with this ISO code ({@code en} or {@code ru}); for templates. */
    public String in(String languageCode) {
        return in(Language.valueOf(languageCode.toUpperCase(java.util.Locale.ROOT)));
    }

    /** This text with every occurrence of {@code target} replaced, in both languages. */
    public Text replace(String target, Text replacement) {
        return new Text(en.replace(target, replacement.en()), ru.replace(target, replacement.ru()));
    }
}
