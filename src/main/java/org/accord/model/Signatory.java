package org.accord.model;

import java.util.Objects;

/** The person who signs for a party; {@code function} may be null. */
public record Signatory(Text name, Text function) {

    public Signatory {
        Objects.requireNonNull(name, "name cannot be null");
    }
}
