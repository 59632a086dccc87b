package org.accord.verify;

/** A file that cannot be validated at all: not a PDF, encrypted, or over a limit. */
public final class UnusableInputException extends RuntimeException {

    public UnusableInputException(String message) {
        super(message);
    }

    public UnusableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
