package org.accord.verify;

/** A file that cannot be validated at all (not a PDF, encrypted with a password, over a limit); why, as a finding. */
public final class UnusableInputException extends RuntimeException {

    private final transient Finding reason;

    public UnusableInputException(Finding reason) {
        super(reason.message(), null, false, false);
        this.reason = reason;
    }

    public UnusableInputException(Finding reason, Throwable cause) {
        super(reason.message(), cause, false, false);
        this.reason = reason;
    }

    public Finding reason() {
        return reason;
    }
}
