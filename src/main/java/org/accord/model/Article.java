package org.accord.model;

import java.util.List;

/**
 * An article; {@code title} may be null; {@code numbered} numbers its paragraphs 1., 2., … ; {@code headed} false
 * prints no "Article N" heading (operative paragraphs as the text has them, e.g. a protocol without articles).
 */
public record Article(int number, Text title, boolean numbered, List<Paragraph> paragraphs, boolean headed) {

    public Article {
        paragraphs = List.copyOf(paragraphs);
    }

    /** An article with its "Article N" heading. */
    public Article(int number, Text title, boolean numbered, List<Paragraph> paragraphs) {
        this(number, title, numbered, paragraphs, true);
    }
}
