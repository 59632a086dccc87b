package org.accord.model;

import java.util.List;

/** An article; {@code title} may be null; {@code numbered} numbers its paragraphs 1., 2., … */
public record Article(int number, Text title, boolean numbered, List<Paragraph> paragraphs) {

    public Article {
        paragraphs = List.copyOf(paragraphs);
    }
}
