package org.accord.sign;

import java.util.List;
import org.accord.model.DesignatedSigner;
import org.accord.model.Text;

/**
 * A signature refused because the certificate is not that of the party's designated signer: whose certificate it
 * is ({@code certificateName}, its common name), for which party, whom the party designated, and what differs.
 */
public final class WrongSignerException extends SigningRefusedException {

    private static final long serialVersionUID = 1L;

    private final String partyId;
    private final transient Text party;
    private final String certificateName;
    private final String designatedName;
    private final transient List<DesignatedSigner.Mismatch> mismatches;

    public WrongSignerException(String partyId, Text party, String certificateName, String designatedName,
                                List<DesignatedSigner.Mismatch> mismatches) {
        super("the certificate of " + certificateName + " is not that of " + designatedName + ", who signs for "
                + party.en() + " (" + String.join(", ", mismatches.stream().map(m -> m.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ')).toList()) + (mismatches.size() == 1 ? " differs)" : " differ)"));
        this.partyId = partyId;
        this.party = party;
        this.certificateName = certificateName;
        this.designatedName = designatedName;
        this.mismatches = List.copyOf(mismatches);
    }

    public String partyId() {
        return partyId;
    }

    public Text party() {
        return party;
    }

    public String certificateName() {
        return certificateName;
    }

    public String designatedName() {
        return designatedName;
    }

    public List<DesignatedSigner.Mismatch> mismatches() {
        return mismatches;
    }
}
