package org.accord.store;

/** An agreement with the same title is already stored; nothing was committed. */
public final class DuplicateTitleException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final String existingId;

    public DuplicateTitleException(String title, String existingId) {
        super("an agreement titled \"" + title + "\" is already drafted (" + existingId
                + "); open it, or delete that draft first");
        this.existingId = existingId;
    }

    /** The agreement that already has the title. */
    public String existingId() {
        return existingId;
    }
}
