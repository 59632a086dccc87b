package org.accord.sign;

import java.util.Objects;
import java.util.regex.Pattern;
import org.accord.model.Text;

/**
 * One party's signature: into field {@code sig-<partyId>}, at {@code level}, done at {@code place}.
 * {@code appearance} null makes the signature invisible; {@code heading} (the party's signature-block
 * heading, "For the …" / «За …») words the /Reason, or the party id does when it is null.
 */
public record SignRequest(String partyId, Level level, String place, Appearance appearance, Text heading) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** The longest place accepted (it goes into the signature dictionary and the appearance). */
    public static final int MAX_PLACE = 200;

    public SignRequest {
        Objects.requireNonNull(partyId, "partyId cannot be null");
        Objects.requireNonNull(level, "level cannot be null");
        if (!ID.matcher(partyId).matches()) {
            throw new SigningRefusedException("'" + partyId + "' is not a party id (lower-case letters, digits and '-')");
        }
        if (place != null && (place.length() > MAX_PLACE || place.chars().anyMatch(Character::isISOControl))) {
            throw new SigningRefusedException("the place must be one line of at most " + MAX_PLACE + " characters");
        }
    }

    /** The signature field this request signs into. */
    public String fieldName() {
        return "sig-" + partyId;
    }
}
