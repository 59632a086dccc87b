package org.accord.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.model.Agreement;
import org.accord.model.DesignatedSigner;
import org.accord.model.Party;
import org.accord.pki.KeyEntry;
import org.accord.render.Layout;
import org.accord.render.RenderedPdf;
import org.accord.render.Renderer;
import org.accord.sign.Level;
import org.accord.sign.Signer;
import org.accord.store.NewOriginal;
import org.accord.store.NewRevision;
import org.accord.store.Originals;
import org.accord.store.Revision;
import org.accord.store.StoredAgreement;
import org.accord.store.StoredOriginal;

/**
 * Issuing the originals of a drafted agreement: rendered once, optionally certified with the secretariat's seal,
 * stored as revision 0 (and 1), with a fresh signing link per party. Issuing freezes the text: an agreement's
 * originals are issued once.
 */
public final class Issuing {

    private final Drafting drafting;
    private final Originals originals;
    private final Renderer renderer;
    private final Signer signer;
    private final Keys keys;
    private final SigningRounds rounds;
    private final Duration linkLifetime;
    private final Clock clock;
    private final Timings timings;

    Issuing(Drafting drafting, Originals originals, SigningRounds rounds, Renderer renderer, Signer signer, Keys keys,
            Duration linkLifetime, Clock clock, Timings timings) {
        this.timings = timings;
        this.drafting = drafting;
        this.originals = originals;
        this.rounds = rounds;
        this.renderer = renderer;
        this.signer = signer;
        this.keys = keys;
        this.linkLifetime = linkLifetime;
        this.clock = clock;
    }

    /** An issued original and, per party invited now, the token of its signing link (only its hash is kept). */
    public record Issued(StoredOriginal original, Map<String, String> tokens) {
    }

    /**
     * How the signing round of each original runs: {@code ordered} (null: the configured default) makes each party's
     * invitation wait for the signature of the party before it; {@code emails} (by party id) replace the addresses
     * of the agreement data.
     */
    public record RoundOptions(Boolean ordered, Map<String, String> emails) {

        public RoundOptions {
            emails = Map.copyOf(emails);
        }

        /** The configured order, the data's addresses. */
        public static RoundOptions defaults() {
            return new RoundOptions(null, Map.of());
        }
    }

    /**
     * Issues every original; {@code sealPassword} non-null certifies each with the seal at {@code sealLevel} (a seal in a
     * token needs none: any array, empty, certifies with it).
     */
    public List<Issued> issue(String agreementId, Layout layout, char[] sealPassword, Level sealLevel, String actor) {
        return issue(agreementId, layout, sealPassword, sealLevel, Map.of(), actor);
    }

    /**
     * Issues every original, with {@code signers} (by party id) replacing how the agreement data recognises each
     * party's designated signer. What the originals carry is frozen with them: only that certificate signs.
     */
    public List<Issued> issue(String agreementId, Layout layout, char[] sealPassword, Level sealLevel,
                              Map<String, DesignatedSigner> signers, String actor) {
        return issue(agreementId, layout, sealPassword, sealLevel, signers, RoundOptions.defaults(), actor);
    }

    /** Whether certifying needs the seal's password: false when the seal is in a token the service holds unlocked. */
    public boolean sealNeedsPassword() {
        return keys.sealNeedsPassword();
    }

    /** Issues every original with its signing round run as {@code options} say; invitations go out through the outbox. */
    public List<Issued> issue(String agreementId, Layout layout, char[] sealPassword, Level sealLevel,
                              Map<String, DesignatedSigner> signers, RoundOptions options, String actor) {
        StoredAgreement stored = drafting.get(agreementId);
        if (layout == Layout.SEPARATE) {
            throw new WorkflowException(WorkflowException.Kind.INVALID, "the service issues one PDF per original: "
                    + "choose the parallel or sequential layout (separate is for `accord render`)");
        }
        if (!originals.ofAgreement(agreementId).isEmpty()) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "the originals of agreement " + agreementId
                    + " were issued before; its text is frozen");
        }
        Agreement agreement = withSigners(drafting.model(stored), signers);
        Map<String, String> emails = emails(agreement, options.emails());
        boolean ordered = options.ordered() == null ? rounds.orderedByDefault() : options.ordered();
        Instant deadline = clock.instant().plus(linkLifetime);
        KeyEntry seal = sealPassword == null ? null : keys.seal(sealPassword);
        List<NewOriginal> toStore = new ArrayList<>();
        List<Map<String, String>> tokens = new ArrayList<>();
        for (RenderedPdf pdf : timings.time("render", () -> renderer.render(agreement, layout))) {
            List<NewRevision> revisions = new ArrayList<>();
            // rendered here: no signature in it yet; the seal is the one signature of the certified revision
            revisions.add(NewRevision.of(Revision.ISSUED, pdf.bytes(), 0));
            if (seal != null) {
                revisions.add(new NewRevision(Revision.CERTIFIED, null, new org.accord.sign.Signed(seal.certificate(), null).signerName(),
                        null, sealLevel.code(), signer.certify(pdf.bytes(), sealLevel, seal), 1));
            }
            String custodian = agreement.custodianOf(pdf.original()).map(Party::id).orElse(null);
            StoredOriginal original = new StoredOriginal(UUID.randomUUID().toString(), agreementId, pdf.original(),
                    agreement.finalClause().originals(), layout.code(), custodian, clock.instant());
            SigningRounds.Start start = rounds.start(agreement, original, ordered, emails, deadline, actor);
            tokens.add(start.tokens());
            toStore.add(new NewOriginal(original.id(), pdf.original(), agreement.finalClause().originals(), layout.code(), custodian,
                    revisions, start.round(), start.effects()));
        }
        List<StoredOriginal> issued = originals.issue(agreementId, toStore, actor);
        List<Issued> result = new ArrayList<>();
        for (int i = 0; i < issued.size(); i++) {
            result.add(new Issued(issued.get(i), tokens.get(i)));
        }
        return result;
    }

    private static Agreement withSigners(Agreement a, Map<String, DesignatedSigner> signers) {
        for (String id : signers.keySet()) {
            if (a.parties().stream().noneMatch(p -> p.id().equals(id))) {
                throw new WorkflowException(WorkflowException.Kind.INVALID, "signers." + id + ": agreement " + a.id()
                        + " has no party " + id);
            }
        }
        if (signers.isEmpty()) {
            return a;
        }
        List<Party> parties = a.parties().stream().map(p -> !signers.containsKey(p.id()) ? p
                : p.withSignatory(p.signatory().withCertificate(signers.get(p.id())))).toList();
        return new Agreement(a.id(), a.kind(), a.title(), a.shortTitle(), a.titleBlock(), a.initials(), parties,
                a.preamble(), a.articles(), a.finalClause(), a.entryIntoForce(), a.fullPowersRequired());
    }

    private static Map<String, String> emails(Agreement a, Map<String, String> overrides) {
        Map<String, String> emails = new LinkedHashMap<>();
        for (Party p : a.parties()) {
            if (p.signatory().email() != null) {
                emails.put(p.id(), p.signatory().email());
            }
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (a.parties().stream().noneMatch(p -> p.id().equals(e.getKey()))) {
                throw new WorkflowException(WorkflowException.Kind.INVALID, "emails." + e.getKey() + ": agreement " + a.id()
                        + " has no party " + e.getKey());
            }
            if (!org.accord.model.Signatory.isAddress(e.getValue())) {
                throw new WorkflowException(WorkflowException.Kind.INVALID, "emails." + e.getKey()
                        + ": must be a mail address such as name@example.org");
            }
            emails.put(e.getKey(), e.getValue());
        }
        return emails;
    }

    /**
     * A new signing link for a party of an original, sent as a new invitation; the party's earlier open links stop
     * working.
     */
    public String newLink(String originalId, String partyId, String actor) {
        return rounds.resend(originalId, partyId, actor);
    }
}
