package org.accord.model;

import java.util.Objects;

/** A paragraph of an article; {@code list} may be null. */
public record Paragraph(Text text, ItemList list) {

    public Paragraph {
        Objects.requireNonNull(text, "text cannot be null");
    }
}
