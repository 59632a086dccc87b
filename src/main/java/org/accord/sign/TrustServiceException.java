package org.accord.sign;

/**
 * A time-stamping authority, OCSP responder or CRL that could not be reached or did not answer usefully, so
 * the requested level cannot be reached. Accord never falls back to a lower level: nothing is written.
 */
public final class TrustServiceException extends RuntimeException {

    public TrustServiceException(String message) {
        super(message);
    }

    public TrustServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
