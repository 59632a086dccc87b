package org.accord.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bilingual agreement, checked for parity between the languages when it was read. {@code entryIntoForce}
 * may be null (the agreement sets no rule Accord can compute). {@code fullPowersRequired}: no party may sign an
 * original before its signatory's full powers are attached to it.
 */
public record Agreement(
        String id,
        Text kind,
        Text title,
        Text shortTitle,
        List<Text> titleBlock,
        boolean initials,
        List<Party> parties,
        Preamble preamble,
        List<Article> articles,
        FinalClause finalClause,
        EntryIntoForce entryIntoForce,
        boolean fullPowersRequired) {

    public Agreement {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(title, "title cannot be null");
        titleBlock = List.copyOf(titleBlock);
        parties = List.copyOf(parties);
        articles = List.copyOf(articles);
        Objects.requireNonNull(preamble, "preamble cannot be null");
        Objects.requireNonNull(finalClause, "finalClause cannot be null");
    }

    /** An agreement that does not require full powers. */
    public Agreement(String id, Text kind, Text title, Text shortTitle, List<Text> titleBlock, boolean initials, List<Party> parties,
                     Preamble preamble, List<Article> articles, FinalClause finalClause, EntryIntoForce entryIntoForce) {
        this(id, kind, title, shortTitle, titleBlock, initials, parties, preamble, articles, finalClause, entryIntoForce, false);
    }

    /** The party that keeps the given original, if the data names one. */
    public Optional<Party> custodianOf(int original) {
        return parties.stream()
                .filter(p -> p.keepsOriginal() != null && p.keepsOriginal() == original)
                .findFirst();
    }
}
