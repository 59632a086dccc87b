package org.accord.sign;

import java.util.Objects;
import java.util.regex.Pattern;
import org.accord.model.DesignatedSigner;
import org.accord.model.Text;

/**
 * One party's signature: into field {@code sig-<partyId>}, at {@code level}, done at {@code place}.
 * {@code appearance} null makes the signature invisible; {@code heading} (the party's signature-block
 * heading, "For the …" / «За …») words the /Reason, or the party id does when it is null. {@code designated}, when
 * not null, is the only signer whose certificate may sign: any other is refused before anything is computed.
 */
public record SignRequest(String partyId, Level level, String place, Appearance appearance, Text heading,
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
    }

    /** Refuses anything but a party id (lower-case letters, digits and single '-'). */
    public static void requirePartyId(String partyId) {
        if (!ID.matcher(partyId).matches()) {
            throw new SigningRefusedException("'" + partyId + "' is not a party id (lower-case letters, digits and '-')");
        }
    }

    /** A request that any certificate may sign (a document that names no designated signer). */
    public SignRequest(String partyId, Level level, String place, Appearance appearance, Text heading) {
        this(partyId, level, place, appearance, heading, null);
    }

    /** The signature field this request signs into. */
    public String fieldName() {
        return "sig-" + partyId;
    }
}
