package org.accord.store;

/** Another change committed first (a revision number taken, a link already used); nothing was committed. */
public class ConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConflictException(String message) {
        super(message);
    }
}
