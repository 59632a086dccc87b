package org.accord.pki;

/** A key in a PKCS#11 token that cannot be used, with the part of its description that is wrong. */
public final class TokenException extends KeystoreException {

    private static final long serialVersionUID = 1L;

    /** What is wrong: the module, the token (slot), the file of the PIN, the PIN, or the key (label). */
    public enum Part { LIBRARY, TOKEN, PIN_FILE, PIN, KEY }

    private final Part part;

    TokenException(Part part, String message) {
        this(part, message, null);
    }

    TokenException(Part part, String message, Throwable cause) {
        super(message, cause, part == Part.PIN);
        this.part = part;
    }

    /** What to fix. */
    public Part part() {
        return part;
    }
}
