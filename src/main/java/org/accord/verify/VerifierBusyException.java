package org.accord.verify;

/** Every verification slot is taken: the caller should try again in a moment. */
public final class VerifierBusyException extends RuntimeException {

    private final int retryAfterSeconds;

    public VerifierBusyException(int retryAfterSeconds) {
        super("every verification slot is busy; try again in " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
