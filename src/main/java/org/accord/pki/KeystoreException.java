package org.accord.pki;

/** A PKCS#12 keystore that cannot be used: missing, unreadable, wrong password, or without a key. */
public final class KeystoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeystoreException(String message) {
        this(message, null, false);
    }

    private final boolean wrongPassword;

    public KeystoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public KeystoreException(String message, Throwable cause, boolean wrongPassword) {
        super(message, cause);
        this.wrongPassword = wrongPassword;
    }

    /** Whether the keystore is fine but the password does not unlock it. */
    public boolean wrongPassword() {
        return wrongPassword;
    }
}
