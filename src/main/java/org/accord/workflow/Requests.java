package org.accord.workflow;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.accord.model.DesignatedSigner;
import org.accord.model.Text;
import org.accord.render.OriginalMetadata;
import org.accord.sign.Appearance;
import org.accord.sign.Level;
import org.accord.sign.SignRequest;

/**
 * The signing request for a party, from the original's own metadata: its heading and short name, and its designated
 * signer, whom alone the signer lets sign. The name shown is always the certificate's; the signatory's function
 * from the data is shown only when the certificate is the designated signer's (else the certificate's title, if any).
 */
public final class Requests {

    private Requests() {
    }

    /**
     * What {@code partyId} signs into {@code pdf} with {@code certificate}, at {@code level}, in {@code place}; empty
     * when {@code pdf} is not an Accord original or names no such party (then nobody is designated).
     */
    public static Optional<SignRequest> designated(byte[] pdf, String partyId, Level level, String place, X509Certificate certificate) {
        return designated(pdf, partyId, level, place, null, certificate);
    }

    /** As above, with the place in Russian too ({@code placeRu}, as after «в»), for signature blocks to complete. */
    public static Optional<SignRequest> designated(byte[] pdf, String partyId, Level level, String place, String placeRu,
                                                   X509Certificate certificate) {
        return OriginalMetadata.read(pdf).flatMap(m -> m.signatory(partyId)).filter(s -> s.designated() != null).map(s -> {
            Text party = s.shortName() != null ? s.shortName() : new Text(partyId, partyId);
            SignRequest.Designation designation = new SignRequest.Designation(s.designated(), party, s.byNameOnly());
            boolean matches = designation.mismatches(java.util.List.of(certificate)).stream()
                    .allMatch(x -> x == DesignatedSigner.Mismatch.ISSUER);
            Text function = matches && s.function() != null ? s.function() : title(certificate);
            return new SignRequest(partyId, level, place, placeRu, new Appearance(function, party),
                    SignRequest.reasonWords(s.heading(), s.onBehalf(), party), designation);
        });
    }

    /** The request for a document that names no designated signer: anyone's certificate, worded from it alone. */
    public static SignRequest anySigner(String partyId, Level level, String place, X509Certificate certificate) {
        return anySigner(partyId, level, place, null, certificate);
    }

    /** As above, with the place in Russian too. */
    public static SignRequest anySigner(String partyId, Level level, String place, String placeRu, X509Certificate certificate) {
        return new SignRequest(partyId, level, place, placeRu, new Appearance(title(certificate), new Text(partyId, partyId)),
                null, null);
    }

    private static Text title(X509Certificate certificate) {
        String title = DesignatedSigner.subject(certificate, "T");
        return title == null ? null : new Text(title, title);
    }
}
