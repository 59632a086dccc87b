package org.accord.sign;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Who made a signature and when its time-stamp says it was made ({@code timestamp} is null at B-B): what people
 * are shown as "signed by … on …", read from the signature itself rather than the server's clock.
 */
public record Signed(X509Certificate certificate, Instant timestamp) {

    /** The signer's common name, or the whole subject when it has none. */
    public String signerName() {
        if (certificate == null) {
            return "unknown";
        }
        String dn = certificate.getSubjectX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3).replace("\\", "");
            }
        }
        return dn;
    }

    /** The signature in {@code field} of {@code pdf} (the certification when {@code field} is null). */
    public static Signed in(byte[] pdf, String field) {
        return LevelCheck.signed(pdf, field);
    }
}
