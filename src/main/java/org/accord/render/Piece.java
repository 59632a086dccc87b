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

    Piece keptWithNext() {
        return new Piece(kind, lead, text, lines, label, number, clause, true);
    }
}
