package org.accord.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.accord.model.Agreement;
import org.accord.model.Party;
import org.accord.store.Invitation;
import org.accord.store.Invitations;
import org.accord.store.Originals;
import org.accord.store.Revision;
import org.accord.store.StoredOriginal;

/** Where an original stands: per party, signed (by whom, when by time-stamp, at which level) or pending. */
public final class Status {

    private final Drafting drafting;
    private final Originals originals;
    private final Invitations invitations;
    private final Clock clock;
    private final SigningRounds rounds;

    Status(Drafting drafting, Originals originals, Invitations invitations, SigningRounds rounds, Clock clock) {
        this.rounds = rounds;
        this.drafting = drafting;
        this.originals = originals;
        this.invitations = invitations;
        this.clock = clock;
    }

    /** One party's line: {@code signature} when signed; {@code link} is the state of its latest link. */
    public record PartyStatus(String partyId, org.accord.model.Text name, Optional<Revision> signature, Invitation.State link,
                              Instant linkExpires) {
    }

    /**
     * An original with its revisions, its parties' status, its signing round (empty for originals issued before
     * rounds existed) and whether its signing certificate was made.
     */
    public record OriginalStatus(StoredOriginal original, List<Revision> revisions, List<PartyStatus> parties,
                                 Optional<org.accord.store.Rounds.Round> round) {

        /** Whether the signing certificate was made: the round is completed. */
        public boolean certificate() {
            return round.map(r -> r.state() == org.accord.store.Rounds.State.COMPLETED).orElse(false);
        }

        /** Whether every party has signed. */
        public boolean complete() {
            return parties.stream().allMatch(p -> p.signature().isPresent());
        }
    }

    public OriginalStatus of(String originalId) {
        StoredOriginal original = original(originalId);
        Agreement agreement = drafting.model(drafting.get(original.agreementId()));
        List<Revision> revisions = originals.revisions(originalId);
        List<Invitation> links = invitations.ofOriginal(originalId);
        Instant now = clock.instant();
        List<PartyStatus> parties = new ArrayList<>();
        for (Party p : agreement.parties()) {
            Optional<Revision> signed = revisions.stream()
                    .filter(r -> r.signedBy(p.id())).findFirst();
            Optional<Invitation> link = links.stream().filter(i -> i.partyId().equals(p.id()))
                    .max(Comparator.comparing(Invitation::createdAt));
            parties.add(new PartyStatus(p.id(), p.shortName(), signed,
                    link.map(i -> i.state(now)).orElse(Invitation.State.REVOKED), link.map(Invitation::expiresAt).orElse(null)));
        }
        return new OriginalStatus(original, revisions, parties, rounds.of(originalId));
    }

    /** The bytes of the latest revision. */
    public byte[] latestPdf(String originalId) {
        original(originalId);
        return revisionPdf(originalId, originals.latest(originalId).number());
    }

    /** The bytes of revision {@code number}, or NOT_FOUND. */
    public byte[] revisionPdf(String originalId, int number) {
        return originals.bytes(originalId, number).orElseThrow(() -> new WorkflowException(WorkflowException.Kind.NOT_FOUND,
                "original " + originalId + " has no revision " + number));
    }

    /**
     * The name a download of original {@code originalId} goes by: {@code <agreement>-original-<n>-of-<N>.pdf}, with
     * {@code -rev<k>} for an earlier revision than the latest ({@code revision} null: the latest).
     */
    public String fileName(String originalId, Integer revision) {
        StoredOriginal o = original(originalId);
        boolean latest = revision == null || revision == originals.latest(originalId).number();
        return baseName(drafting.get(o.agreementId()).dataId(), o) + (latest ? "" : "-rev" + revision) + ".pdf";
    }

    /** The name the signing certificate of original {@code originalId} goes by. */
    public String certificateFileName(String originalId) {
        StoredOriginal o = original(originalId);
        return certificateFileName(drafting.get(o.agreementId()).dataId(), o);
    }

    /** {@code <agreement>-original-<n>-of-<N>}: what every file of an original is named after. */
    static String baseName(String agreementDataId, StoredOriginal o) {
        return agreementDataId + "-original-" + o.number() + "-of-" + o.ofTotal();
    }

    static String certificateFileName(String agreementDataId, StoredOriginal o) {
        return baseName(agreementDataId, o) + "-signing-certificate.pdf";
    }

    private StoredOriginal original(String originalId) {
        return originals.find(originalId).orElseThrow(() -> new WorkflowException(WorkflowException.Kind.NOT_FOUND,
                "there is no original " + originalId));
    }

    /** Every stored original, newest first. */
    public List<StoredOriginal> allOriginals() {
        return originals.all();
    }

    /** The originals of an agreement, by number (none before they are issued). */
    public List<StoredOriginal> originalsOf(String agreementId) {
        return originals.ofAgreement(agreementId);
    }
}
