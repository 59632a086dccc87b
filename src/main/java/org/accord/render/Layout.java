package org.accord.render;

import java.util.Locale;

/** How the two language texts are arranged in an original. */
public enum Layout {
    /** English left, Russian right, aligned paragraph by paragraph. */
    PARALLEL,
    /** All English, then all Russian, then the signatures. */
    SEQUENTIAL,
    /** One PDF per language. */
    SEPARATE;

    /** The lower-case name used on the command line, in file names and in XMP. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The layout named {@code code} (case-insensitive). */
    public static Layout of(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layout '" + code + "' is not one of parallel, sequential, separate", e);
        }
    }
}
