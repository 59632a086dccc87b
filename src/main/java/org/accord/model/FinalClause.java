package org.accord.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The final clause: how many originals, whether both texts are equally authentic, where and when the
 * agreement is done ({@code place} and {@code date} may be null: left blank for signature), and its
 * paragraphs ({@code text}, empty when the standard clause is to be used). {@code addition}: the clause is not in
 * the source text the agreement was transcribed from (Accord's standard clause added to it), and says so in the data.
 */
public record FinalClause(int originals, boolean equallyAuthentic, Text place, LocalDate date, List<Text> text, boolean addition) {

    public FinalClause {
        text = List.copyOf(text);
    }

    public FinalClause(int originals, boolean equallyAuthentic, Text place, LocalDate date, List<Text> text) {
        this(originals, equallyAuthentic, place, date, text, false);
    }
}
