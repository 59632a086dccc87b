package org.accord.sign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.accord.model.Text;

/**
 * What a visible signature shows in the party's box, in both languages: the signatory, their function, the
 * party, the place and the signing time. {@code function} may be null.
 */
public record Appearance(Text signatory, Text function, Text party) {

    public Appearance {
        Objects.requireNonNull(signatory, "signatory cannot be null");
        Objects.requireNonNull(party, "party cannot be null");
    }

    /** The lines of text, as they stand in the box. */
    List<String> lines(Wording wording, String place, Instant signingTime) {
        List<String> lines = new ArrayList<>();
        lines.add(wording.get("signed"));
        lines.add(both(signatory));
        if (function != null) {
            lines.add(both(function));
        }
        lines.add(wording.get("for", party.en(), party.ru()));
        String time = wording.time(signingTime);
        lines.add(place == null || place.isBlank() ? time : wording.get("placeAndTime", place, time));
        return lines;
    }

    private static String both(Text text) {
        return text.en().equals(text.ru()) ? text.en() : text.en() + " / " + text.ru();
    }
}
