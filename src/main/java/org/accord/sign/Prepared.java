package org.accord.sign;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A signature half made: the document, the request, the signer's chain and the signing time, and the bytes the
 * signer's key must sign ({@link #dataToSign()}, to be signed with {@link #javaAlgorithm()}). Keep it until the
 * signature value comes back, then pass both to {@link Signer#complete}.
 */
public record Prepared(byte[] pdf, SignRequest request, Level level, List<X509Certificate> chain,
                       Instant signingTime, byte[] dataToSign, String javaAlgorithm) {

    public Prepared {
        Objects.requireNonNull(pdf, "pdf cannot be null");
        Objects.requireNonNull(level, "level cannot be null");
        chain = List.copyOf(chain);
        Objects.requireNonNull(signingTime, "signingTime cannot be null");
    }

    /** This state with the data to sign that DSS computed for it. */
    Prepared withDataToSign(byte[] data) {
        return new Prepared(pdf, request, level, chain, signingTime, data, javaAlgorithm);
    }

    /** Whether this is the secretariat's certification rather than a party's signature. */
    public boolean certification() {
        return request == null;
    }
}
