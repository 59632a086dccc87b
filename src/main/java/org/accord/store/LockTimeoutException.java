package org.accord.store;

/** An original stayed locked by another request (on any node) for longer than a change waits. */
public final class LockTimeoutException extends ConflictException {

    private static final long serialVersionUID = 1L;

    LockTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
