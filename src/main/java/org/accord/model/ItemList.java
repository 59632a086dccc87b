package org.accord.model;

import java.util.List;
import java.util.Objects;

/** A numbered list that follows a paragraph's text. */
public record ItemList(ListStyle style, List<Text> items) {

    public ItemList {
        Objects.requireNonNull(style, "style cannot be null");
        items = List.copyOf(items);
    }
}
