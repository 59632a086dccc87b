package org.accord.sign;

import java.util.Objects;
import java.util.regex.Pattern;
import org.accord.model.DesignatedSigner;
import org.accord.model.Text;

/**
 * One party's signature: into field {@code sig-<partyId>}, at {@code level}, done at {@code place} ({@code placeRu}: the
 * same place in Russian, as it follows «в»; both complete the party's signature block when the original has one).
 * {@code appearance} null makes the signature invisible; {@code heading} (the party's signature-block
 * heading, "For the …" / «За …») words the /Reason, or the party id does when it is null. {@code designated}, when
 * not null, is the only signer whose certificate may sign: any other is refused before anything is computed.
 */
public record SignRequest(String partyId, Level level, String place, String placeRu, Appearance appearance, Text heading,
                          Designation designated) {

    /**
     * Who alone may sign for the party: how their certificate is recognised, and the party's name for refusals.
     * {@code byNameOnly}: an original made before designated signers, whose signer is recognised by name alone.
     */
    public record Designation(DesignatedSigner signer, Text party, boolean byNameOnly) {

        public Designation {
            Objects.requireNonNull(signer, "signer cannot be null");
            Objects.requireNonNull(party, "party cannot be null");
        }

        /** What of {@code chain} does not match; empty when it is the designated signer's. */
        public java.util.List<DesignatedSigner.Mismatch> mismatches(java.util.List<java.security.cert.X509Certificate> chain) {
            if (!byNameOnly) {
                return signer.mismatches(chain);
            }
            return !chain.isEmpty() && DesignatedSigner.namesSignatory(signer.name(), DesignatedSigner.subject(chain.get(0), "CN"))
                    ? java.util.List.of() : java.util.List.of(DesignatedSigner.Mismatch.NAME);
        }
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** The longest place accepted (it goes into the signature dictionary and the appearance). */
    public static final int MAX_PLACE = 200;

    public SignRequest {
        Objects.requireNonNull(partyId, "partyId cannot be null");
        Objects.requireNonNull(level, "level cannot be null");
        requirePartyId(partyId);
        if (place != null && (place.length() > MAX_PLACE || place.chars().anyMatch(Character::isISOControl))) {
            throw new SigningRefusedException("the place must be one line of at most " + MAX_PLACE + " characters");
        }
        if (place != null && !org.accord.model.Characters.problems(place).isEmpty()) {
            throw new SigningRefusedException("the place cannot be printed as written: "
                    + org.accord.model.Characters.problems(place).get(0));
        }
        if (placeRu != null && !placeRu.isBlank()) {
            placeRu = Completion.requirePlace(placeRu, "the place in Russian (as after «в»)");
        }
    }

    /**
     * The words of the signature's /Reason after "Signed" / «Подписано», from the party's signature heading ("for the
     * …") and, in Russian, «от имени» with the party's name in the genitive ({@code onBehalf}) or, when the data does
     * not give it, «от имени Стороны «short name»» (correct for any name). Null without a heading.
     */
    public static Text reasonWords(Text heading, Text onBehalf, Text shortName) {
        if (heading == null) {
            return null;
        }
        String en = heading.en().isEmpty() ? heading.en() : Character.toLowerCase(heading.en().charAt(0)) + heading.en().substring(1);
        String ru = onBehalf != null ? "от имени " + onBehalf.ru()
                : "от имени Стороны «" + (shortName != null ? shortName.ru() : heading.ru()) + "»";
        return new Text(en, ru);
    }

    /** Refuses anything but a party id (lower-case letters, digits and single '-'). */
    public static void requirePartyId(String partyId) {
        if (!ID.matcher(partyId).matches()) {
            throw new SigningRefusedException("'" + partyId + "' is not a party id (lower-case letters, digits and '-')");
        }
    }

    /** A request that any certificate may sign (a document that names no designated signer). */
    public SignRequest(String partyId, Level level, String place, Appearance appearance, Text heading) {
        this(partyId, level, place, null, appearance, heading, null);
    }

    /** A request without the Russian place: for documents whose signature blocks have no place to complete. */
    public SignRequest(String partyId, Level level, String place, Appearance appearance, Text heading, Designation designated) {
        this(partyId, level, place, null, appearance, heading, designated);
    }

    /** The signature field this request signs into. */
    public String fieldName() {
        return "sig-" + partyId;
    }
}
