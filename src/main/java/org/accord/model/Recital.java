package org.accord.model;

import java.util.Objects;

/** One recital of the preamble; {@code lead} (printed bold, e.g. "Recalling") may be null. */
public record Recital(Text lead, Text text) {

    public Recital {
        Objects.requireNonNull(text, "text cannot be null");
    }
}
