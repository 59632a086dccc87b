package org.accord.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.model.EntryIntoForce;
import org.accord.model.Text;
import org.accord.render.OriginalMetadata;

/**
 * For an Accord original: which agreement, which parties are to sign (as the original declared them when it was
 * first signed, so no later revision can change the list), who has signed, when the last of them did by a
 * time-stamp that held, and the date of entry into force by the agreement's rule (computed in UTC).
 */
final class AgreementInfo {

    /** The agreement, who has not signed at all, whether every party's signature holds, and whether all their times are proven. */
    record Result(DocumentReport.Agreement agreement, List<String> missing, boolean complete, boolean timesProven) {
    }

    private AgreementInfo() {
    }

    /** {@code declared} is the metadata that counts: that of the bytes the first signature covers. */
    static Optional<Result> of(Optional<OriginalMetadata> declared, List<SignatureReport> signatures) {
        return declared.map(m -> {
            List<String> parties = m.signatories().stream().map(OriginalMetadata.Signatory::partyId).toList();
            Map<String, Text> names = new LinkedHashMap<>();
            m.signatories().forEach(s -> names.put(s.partyId(), s.shortName() != null ? s.shortName() : new Text(s.partyId(), s.partyId())));
            List<String> signedBy = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            Instant last = null;
            boolean proven = true;
            for (String party : parties) {
                List<SignatureReport> in = signatures.stream()
                        .filter(x -> !x.documentTimestamp() && ("sig-" + party).equals(x.field())).toList();
                if (in.isEmpty()) {
                    missing.add(party);
                }
                SignatureReport s = in.stream().filter(SignatureReport::passed).findFirst().orElse(null);
                if (s == null) {
                    continue;
                }
                signedBy.add(party);
                if (s.timestampTime() == null) {
                    proven = false;
                } else if (last == null || s.timestampTime().isAfter(last)) {
                    last = s.timestampTime();
                }
            }
            boolean complete = signedBy.size() == parties.size() && !parties.isEmpty();
            LocalDate entry = null;
            if (complete && proven && last != null && m.entryIntoForce() != null) {
                entry = EntryIntoForce.of(m.entryIntoForce()).date(last.atZone(ZoneOffset.UTC).toLocalDate());
            }
            DocumentReport.Agreement agreement = new DocumentReport.Agreement(m.agreementId(), m.original(), m.originals(),
                    parties, names, signedBy, complete && proven ? last : null, entry);
            return new Result(agreement, missing, complete, proven);
        });
    }
}
