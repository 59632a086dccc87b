package org.accord.model;

import java.util.List;
import java.util.Objects;

/**
 * The preamble. {@code parties} is the sentence introducing the parties, or null when the parties are
 * listed by name; {@code agreed} is the closing formula ("Have agreed as follows:").
 */
public record Preamble(Text parties, List<Recital> recitals, Text agreed) {

    public Preamble {
        recitals = List.copyOf(recitals);
        Objects.requireNonNull(agreed, "agreed cannot be null");
    }
}
