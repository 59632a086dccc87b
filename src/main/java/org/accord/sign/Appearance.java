package org.accord.sign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.accord.model.Text;

/**
 * What a visible signature shows in the party's box, in both languages: the signer (always the name their
 * certificate carries, never the data's), their function, the party, the place and the signing time.
 * {@code function} may be null.
 */
public record Appearance(Text function, Text party) {

    public Appearance {
        Objects.requireNonNull(party, "party cannot be null");
    }

    /** The lines of text, as they stand in the box, for the signer named {@code signer} in their certificate. */
    List<String> lines(Wording wording, String signer, String place, Instant signingTime) {
        List<String> lines = new ArrayList<>();
        lines.add(wording.get("signed"));
        lines.add(signer);
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
