package org.accord.workflow;

import java.time.Clock;
import java.time.Duration;
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
import org.accord.store.Invitations;
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
    private final Invitations invitations;
    private final Renderer renderer;
    private final Signer signer;
    private final Keys keys;
    private final Duration linkLifetime;
    private final Clock clock;

    Issuing(Drafting drafting, Originals originals, Invitations invitations, Renderer renderer, Signer signer, Keys keys,
            Duration linkLifetime, Clock clock) {
        this.drafting = drafting;
        this.originals = originals;
        this.invitations = invitations;
        this.renderer = renderer;
        this.signer = signer;
        this.keys = keys;
        this.linkLifetime = linkLifetime;
        this.clock = clock;
    }

    /** An issued original and, per party, the token of its signing link (shown once: only its hash is kept). */
    public record Issued(StoredOriginal original, Map<String, String> tokens) {
    }

    /** Issues every original; {@code sealPassword} non-null certifies each with the seal at {@code sealLevel}. */
    public List<Issued> issue(String agreementId, Layout layout, char[] sealPassword, Level sealLevel, String actor) {
        return issue(agreementId, layout, sealPassword, sealLevel, Map.of(), actor);
    }

    /**
     * Issues every original, with {@code signers} (by party id) replacing how the agreement data recognises each
     * party's designated signer. What the originals carry is frozen with them: only that certificate signs.
     */
    public List<Issued> issue(String agreementId, Layout layout, char[] sealPassword, Level sealLevel,
                              Map<String, DesignatedSigner> signers, String actor) {
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
        KeyEntry seal = sealPassword == null ? null : keys.seal(sealPassword);
        List<NewOriginal> toStore = new ArrayList<>();
        List<Map<String, String>> tokens = new ArrayList<>();
        for (RenderedPdf pdf : renderer.render(agreement, layout)) {
            List<NewRevision> revisions = new ArrayList<>();
            revisions.add(NewRevision.of(Revision.ISSUED, pdf.bytes()));
            if (seal != null) {
                revisions.add(new NewRevision(Revision.CERTIFIED, null, new org.accord.sign.Signed(seal.certificate(), null).signerName(),
                        null, sealLevel.code(), signer.certify(pdf.bytes(), sealLevel, seal)));
            }
            Map<String, String> partyTokens = new LinkedHashMap<>();
            Map<String, String> hashes = new LinkedHashMap<>();
            for (Party party : agreement.parties()) {
                String token = Tokens.next();
                partyTokens.put(party.id(), token);
                hashes.put(party.id(), Tokens.sha256(token));
            }
            tokens.add(partyTokens);
            String custodian = agreement.custodianOf(pdf.original()).map(Party::id).orElse(null);
            toStore.add(new NewOriginal(pdf.original(), agreement.finalClause().originals(), layout.code(), custodian, revisions,
                    hashes));
        }
        List<StoredOriginal> issued = originals.issue(agreementId, toStore, clock.instant().plus(linkLifetime), actor);
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

    /** A new signing link for a party of an original; the party's earlier open links stop working. */
    public String newLink(String originalId, String partyId, String actor) {
        StoredOriginal original = originals.find(originalId).orElseThrow(() -> new WorkflowException(
                WorkflowException.Kind.NOT_FOUND, "there is no original " + originalId));
        Agreement agreement = drafting.model(drafting.get(original.agreementId()));
        if (agreement.parties().stream().noneMatch(p -> p.id().equals(partyId))) {
            throw new WorkflowException(WorkflowException.Kind.NOT_FOUND, "agreement " + original.agreementId()
                    + " has no party " + partyId);
        }
        if (originals.revisions(originalId).stream().anyMatch(r -> r.signedBy(partyId))) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "party " + partyId + " has already signed original "
                    + original.number());
        }
        String token = Tokens.next();
        invitations.reissue(originalId, partyId, Tokens.sha256(token), clock.instant().plus(linkLifetime), actor);
        return token;
    }
}
