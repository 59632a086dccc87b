package org.accord.store;

/** A person who logs in to the service, with the role that decides what they may do. */
public record User(String username, Role role) {

    /** What a user may do: the secretariat drafts and issues, the archivist verifies and extends. */
    public enum Role {
        SECRETARIAT, ARCHIVIST
    }
}
