package org.accord.sign;

/**
 * A signature Accord will not make: wrong password, an unusable certificate, an unknown party, a field already
 * signed, a document certified against changes, or a document whose existing signatures no longer hold.
 * Nothing is written.
 */
public class SigningRefusedException extends RuntimeException {

    public SigningRefusedException(String message) {
        super(message);
    }

    public SigningRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
