package org.accord.pki;

/** A key source that cannot be used: a PKCS#12 keystore missing, unreadable, with a wrong password or without a key; a token ({@link TokenException}). */
public class KeystoreException extends RuntimeException {

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
