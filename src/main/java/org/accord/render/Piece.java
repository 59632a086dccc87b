package org.accord.render;

import java.util.List;
import org.accord.model.FinalClause;
import org.accord.model.Text;

/**
 * One unit of agreement text that the parallel layout aligns across languages: the title block, a recital,
 * an article heading, a paragraph, a list item, the final clause. Public only for the template engine.
 */
public record Piece(String kind, Text lead, Text text, List<Text> lines, String label, int number,
                    FinalClause clause, boolean keepWithNext) {

    public Piece {
        lines = List.copyOf(lines);
    }

    static Piece of(String kind, Text text) {
        return new Piece(kind, null, text, List.of(), null, 0, null, false);
    }

    Piece withLead(Text newLead) {
        return new Piece(kind, newLead, text, lines, label, number, clause, keepWithNext);
    }

    Piece withLabel(String newLabel) {
        return new Piece(kind, lead, text, lines, newLabel, number, clause, keepWithNext);
    }

    /**
     * The label as printed in {@code lang}: a list item continues the sentence before it, so in Russian it is
     * labelled «i)», «1)», «а)» (Cyrillic letters, without ё, з, й, ъ, ы, ь) and starts in lower case; English keeps
     * "i.", "1.", "a)". Numbered paragraphs keep "1." in both.
     */
    public String labelIn(String lang) {
        if (label == null || !"ru".equals(lang) || !"item".equals(kind)) {
            return label;
        }
        if (label.endsWith(".")) {
            return label.substring(0, label.length() - 1) + ")";
        }
        StringBuilder cyrillic = new StringBuilder();
        for (char c : label.toCharArray()) {
            cyrillic.append(c >= 'a' && c <= 'z' ? RUSSIAN_LETTERS.charAt(c - 'a') : c);
        }
        return cyrillic.toString();
    }

    private static final String RUSSIAN_LETTERS = "абвгдежиклмнопрстуфхцчшщэюя";

    Piece keptWithNext() {
        return new Piece(kind, lead, text, lines, label, number, clause, true);
    }
}
