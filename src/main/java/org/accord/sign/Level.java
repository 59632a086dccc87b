package org.accord.sign;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.util.Locale;

/** The PAdES baseline levels (ETSI EN 319 142-1) Accord signs at. */
public enum Level {
    B_B(SignatureLevel.PAdES_BASELINE_B),
    B_T(SignatureLevel.PAdES_BASELINE_T),
    B_LT(SignatureLevel.PAdES_BASELINE_LT),
    B_LTA(SignatureLevel.PAdES_BASELINE_LTA);

    private final SignatureLevel dss;

    Level(SignatureLevel dss) {
        this.dss = dss;
    }

    SignatureLevel dss() {
        return dss;
    }

    /** The level as written on the command line and in reports: {@code B-LT}. */
    public String code() {
        return name().replace('_', '-');
    }

    /** The level named {@code code} ({@code B-B}, {@code B-T}, {@code B-LT}, {@code B-LTA}; case-insensitive). */
    public static Level of(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("level '" + code + "' is not one of B-B, B-T, B-LT, B-LTA", e);
        }
    }

    /** The Accord level of a DSS PAdES baseline level, if it is one. */
    static Level of(SignatureLevel level) {
        for (Level l : values()) {
            if (l.dss == level) {
                return l;
            }
        }
        return null;
    }
}
