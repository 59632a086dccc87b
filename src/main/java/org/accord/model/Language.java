package org.accord.model;

import java.util.Locale;

/** The two languages of every Accord agreement; both texts are equally authentic. */
public enum Language {
    EN, RU;

    /** The ISO 639-1 code, as used in YAML keys, {@code xml:lang} and XMP. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
