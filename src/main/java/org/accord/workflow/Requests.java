package org.accord.workflow;

import org.accord.model.Text;
import org.accord.render.OriginalMetadata;
import org.accord.sign.Appearance;
import org.accord.sign.Level;
import org.accord.sign.SignRequest;
import org.accord.sign.Signed;
import java.security.cert.X509Certificate;

/** The signing request for a party, worded from the original's own metadata (from the certificate otherwise). */
public final class Requests {

    private Requests() {
    }

    /** What {@code partyId} signs into {@code pdf} with {@code certificate}, at {@code level}, in {@code place}. */
    public static SignRequest forParty(byte[] pdf, String partyId, Level level, String place, X509Certificate certificate) {
        return OriginalMetadata.read(pdf).flatMap(m -> m.signatory(partyId))
                .map(s -> new SignRequest(partyId, level, place, new Appearance(s.name(), s.function(), s.shortName()), s.heading()))
                .orElseGet(() -> {
                    String cn = new Signed(certificate, null).signerName();
                    return new SignRequest(partyId, level, place, new Appearance(new Text(cn, cn), null, new Text(partyId, partyId)), null);
                });
    }
}
