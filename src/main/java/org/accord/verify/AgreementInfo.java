package org.accord.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.accord.model.EntryIntoForce;
import org.accord.render.OriginalMetadata;

/**
 * For an Accord original: which agreement, which parties have signed, when the last of them did (by time-stamp),
 * and the date of entry into force by the agreement's rule (computed in UTC).
 */
final class AgreementInfo {

    private AgreementInfo() {
    }

    static Optional<DocumentReport.Agreement> of(byte[] pdf, List<SignatureReport> signatures) {
        return OriginalMetadata.read(pdf).map(m -> {
            List<String> parties = m.signatories().stream().map(OriginalMetadata.Signatory::partyId).toList();
            List<String> signedBy = new ArrayList<>();
            String last = null;
            for (String party : parties) {
                for (SignatureReport s : signatures) {
                    if (s.field().equals("sig-" + party) && s.passed()) {
                        signedBy.add(party);
                        String when = s.timestampTime() != null ? s.timestampTime() : s.signingTime();
                        if (when != null && (last == null || when.compareTo(last) > 0)) {
                            last = when;
                        }
                    }
                }
            }
            boolean complete = signedBy.size() == parties.size() && !parties.isEmpty();
            String entry = null;
            if (complete && last != null && m.entryIntoForce() != null) {
                LocalDate lastDay = Instant.parse(last).atZone(ZoneOffset.UTC).toLocalDate();
                entry = EntryIntoForce.of(m.entryIntoForce()).date(lastDay).toString();
            }
            return new DocumentReport.Agreement(m.agreementId(), m.original(), m.originals(), parties, signedBy,
                    complete ? last : null, entry);
        });
    }
}
