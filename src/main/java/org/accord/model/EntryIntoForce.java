package org.accord.model;

import java.time.LocalDate;
import java.util.Locale;

/** When an agreement enters into force, as a rule on the date of its last signature. */
public enum EntryIntoForce {
    /** On the day the last party signs. */
    ON_LAST_SIGNATURE,
    /** On the first day following signature by all the parties (INTERPOL–IMPACT, Article 8). */
    DAY_AFTER_LAST_SIGNATURE;

    /** The rule as written in agreement data and metadata: {@code day-after-last-signature}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The rule named {@code code}. */
    public static EntryIntoForce of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The date of entry into force when the last signature was made on {@code lastSignature} (UTC). */
    public LocalDate date(LocalDate lastSignature) {
        return this == ON_LAST_SIGNATURE ? lastSignature : lastSignature.plusDays(1);
    }
}
