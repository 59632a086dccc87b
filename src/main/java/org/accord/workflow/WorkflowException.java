package org.accord.workflow;

/** A request the workflow refuses, with the kind of refusal that decides the HTTP status. */
public final class WorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: an unknown id, a link no longer usable, a state conflict, a wrong secret, or unusable input. */
    public enum Kind {
        NOT_FOUND, GONE, CONFLICT, FORBIDDEN, INVALID
    }

    private final Kind kind;

    public WorkflowException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WorkflowException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
