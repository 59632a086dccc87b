package org.accord.pki;

/** A PKCS#12 keystore that cannot be used: missing, unreadable, wrong password, or without a key. */
public final class KeystoreException extends RuntimeException {

    public KeystoreException(String message) {
        super(message);
    }

    public KeystoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
