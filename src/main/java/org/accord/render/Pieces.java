package org.accord.render;

import java.util.ArrayList;
import java.util.List;
import org.accord.model.Agreement;
import org.accord.model.Article;
import org.accord.model.ItemList;
import org.accord.model.Paragraph;
import org.accord.model.Party;
import org.accord.model.Recital;
import org.accord.model.Text;

/** Flattens an agreement into the pieces the template sets, in reading order. */
final class Pieces {

    private Pieces() {
    }

    static List<Piece> of(Agreement agreement) {
        List<Piece> pieces = new ArrayList<>();
        List<Text> title = agreement.titleBlock().isEmpty()
                ? List.of(agreement.kind(), agreement.title())
                : agreement.titleBlock();
        pieces.add(new Piece("title", null, null, title, null, 0, null, true));
        if (agreement.preamble().parties() != null) {
            pieces.add(Piece.of("parties", agreement.preamble().parties()));
        } else {
            List<Party> parties = agreement.parties();
            for (int i = 0; i < parties.size(); i++) {
                if (i > 0) {
                    pieces.add(Piece.of("and", null).keptWithNext());
                }
                pieces.add(Piece.of("party", parties.get(i).name()).withLead(parties.get(i).hereinafter()));
            }
        }
        for (Recital recital : agreement.preamble().recitals()) {
            pieces.add(Piece.of("recital", recital.text()).withLead(recital.lead()));
        }
        pieces.add(Piece.of("agreed", agreement.preamble().agreed()));
        for (Article article : agreement.articles()) {
            if (article.headed()) {
                pieces.add(new Piece("article", null, article.title(), List.of(), null, article.number(), null, true));
            }
            List<Paragraph> paragraphs = article.paragraphs();
            for (int i = 0; i < paragraphs.size(); i++) {
                addParagraph(pieces, paragraphs.get(i), article.numbered() ? (i + 1) + "." : null);
            }
        }
        if (agreement.finalClause().text().isEmpty()) {
            pieces.add(new Piece("standardFinal", null, null, List.of(), null, 0, agreement.finalClause(), false));
        } else {
            for (Text text : agreement.finalClause().text()) {
                for (Text paragraph : split(text)) {
                    pieces.add(Piece.of("final", paragraph));
                }
            }
        }
        return List.copyOf(pieces);
    }

    private static void addParagraph(List<Piece> pieces, Paragraph paragraph, String label) {
        List<Text> parts = split(paragraph.text());
        for (int i = 0; i < parts.size(); i++) {
            Piece piece = Piece.of("paragraph", parts.get(i)).withLabel(i == 0 ? label : null);
            pieces.add(paragraph.list() != null && i == parts.size() - 1 ? piece.keptWithNext() : piece);
        }
        ItemList list = paragraph.list();
        if (list != null) {
            for (int i = 0; i < list.items().size(); i++) {
                pieces.add(Piece.of("item", list.items().get(i)).withLabel(list.style().label(i)));
            }
        }
    }

    /** A text's blank-line-separated paragraphs; the reader has checked both languages have as many. */
    private static List<Text> split(Text text) {
        String[] en = text.en().split("\\n\\s*\\n");
        String[] ru = text.ru().split("\\n\\s*\\n");
        List<Text> parts = new ArrayList<>();
        for (int i = 0; i < en.length; i++) {
            parts.add(new Text(en[i].strip(), ru[i].strip()));
        }
        return parts;
    }
}
