package org.accord.workflow;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.accord.model.Agreement;
import org.accord.model.Party;
import org.accord.pki.KeyEntry;
import org.accord.sign.CheckedRevision;
import org.accord.sign.Level;
import org.accord.sign.Place;
import org.accord.sign.Prepared;
import org.accord.sign.SignRequest;
import org.accord.sign.Signed;
import org.accord.sign.Signer;
import org.accord.store.ConflictException;
import org.accord.store.Invitation;
import org.accord.store.Invitations;
import org.accord.store.NewRevision;
import org.accord.store.Originals;
import org.accord.store.Revision;
import org.accord.store.StoredAgreement;
import org.accord.store.StoredOriginal;

/**
 * A signatory's journey through a link: the token names one party of one original, and every signature made
 * through it goes into that party's field as the next revision. The party always comes from the token.
 */
public final class Signing {

    /** How long a prepared two-step signature waits for its signature value. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final int ATTEMPTS = 3;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Signing.class);

    private final Drafting drafting;
    private final Originals originals;
    private final Invitations invitations;
    private final org.accord.store.FullPowers fullPowers;
    private final Signer signer;
    private final Keys keys;
    private final Locks locks;
    private final Level level;
    private final int maxFailures;
    private final Timings timings;
    private final Clock clock;
    private final SigningRounds rounds;
    private final org.accord.store.PendingSignatures pending;
    /** Runs between signing and storing; tests use it to make another process win the race. */
    volatile Runnable beforeStore = () -> {
    };

    Signing(Drafting drafting, Originals originals, Invitations invitations, org.accord.store.FullPowers fullPowers, Signer signer,
            Keys keys, Locks locks, Level level, int maxFailures, SigningRounds rounds, Clock clock, Timings timings,
            org.accord.store.PendingSignatures pending) {
        this.pending = pending;
        this.timings = timings;
        this.rounds = rounds;
        this.drafting = drafting;
        this.originals = originals;
        this.invitations = invitations;
        this.fullPowers = fullPowers;
        this.signer = signer;
        this.keys = keys;
        this.locks = locks;
        this.level = level;
        this.maxFailures = maxFailures;
        this.clock = clock;
    }

    /** What a link opens: the invitation, the original, the agreement and the party it is for. */
    public record Link(Invitation invitation, StoredOriginal original, StoredAgreement agreement, Agreement model, Party party) {
    }

    /** The bytes the signer's device must sign and the JCA algorithm to sign them with. */
    public record DataToSign(byte[] data, String algorithm, Instant expires) {
    }

    /** The link for {@code token}, to sign with: NOT_FOUND when unknown, GONE when used, revoked or expired. */
    public Link open(String token) {
        return link(token, false);
    }

    /** The link for {@code token}, to read with: a used link still shows (and downloads) what was signed. */
    public Link view(String token) {
        return link(token, true);
    }

    private Link link(String token, boolean readOnly) {
        if (!Tokens.wellFormed(token)) {
            throw new WorkflowException(WorkflowException.Kind.NOT_FOUND, "there is no such signing link");
        }
        Invitation inv = invitations.byTokenHash(Tokens.sha256(token)).orElseThrow(() -> new WorkflowException(
                WorkflowException.Kind.NOT_FOUND, "there is no such signing link"));
        Invitation.State state = inv.state(clock.instant());
        switch (readOnly && state == Invitation.State.USED ? Invitation.State.OPEN : state) {
            case USED -> throw new WorkflowException(WorkflowException.Kind.GONE, "this signing link was used on "
                    + inv.usedAt() + "; the signed original can be downloaded from the secretariat");
            case REVOKED -> throw new WorkflowException(WorkflowException.Kind.GONE,
                    "this signing link was withdrawn; ask the secretariat for a new one");
            case EXPIRED -> throw new WorkflowException(WorkflowException.Kind.GONE, "this signing link expired on "
                    + inv.expiresAt() + "; ask the secretariat for a new one");
            default -> {
            }
        }
        StoredOriginal original = originals.find(inv.originalId()).orElseThrow();
        StoredAgreement agreement = drafting.get(original.agreementId());
        Agreement model = drafting.model(agreement);
        Party party = model.parties().stream().filter(p -> p.id().equals(inv.partyId())).findFirst().orElseThrow();
        return new Link(inv, original, agreement, model, party);
    }

    /** Whether the service holds a key for the link's party (so it can sign with a password alone). */
    public boolean holdsKey(Link link) {
        return keys.holds(link.party().id());
    }

    /** Who alone may sign for the link's party, as its original records it (empty for an original that does not). */
    public java.util.Optional<org.accord.model.DesignatedSigner> designated(Link link) {
        Revision first = originals.revisions(link.original().id()).get(0);
        return originals.bytes(first.originalId(), first.number()).flatMap(org.accord.render.OriginalMetadata::read)
                .flatMap(m -> m.signatory(link.party().id())).map(org.accord.render.OriginalMetadata.Signatory::designated);
    }

    /** The party's signature on the link's original, if it has signed. */
    public java.util.Optional<Revision> signature(Link link) {
        return originals.revisions(link.original().id()).stream()
                .filter(r -> r.signedBy(link.party().id())).findFirst();
    }

    /** The latest revision's bytes of the link's original (what the signatory reads and signs). */
    public byte[] latestPdf(Link link) {
        Revision latest = originals.latest(link.original().id());
        return originals.bytes(latest.originalId(), latest.number()).orElseThrow();
    }

    /** Signs with the party's key held by the server, unlocked by {@code password}. */
    public Revision withHeldKey(String token, Place place, char[] password) {
        Link link = open(token);
        KeyEntry key = unlockCounting(link, () -> keys.party(link.party().id(), password));
        requireFullPowers(link);
        return commit(link, (pdf, base) -> signWith(link, pdf, base, place, key));
    }

    /** Signs with the signatory's own PKCS#12, used for this signature only and never stored. */
    public Revision withKeystore(String token, Place place, byte[] p12, char[] password) {
        Link link = open(token);
        KeyEntry key = unlockCounting(link, () -> Keys.unlock(p12, password));
        requireFullPowers(link);
        return commit(link, (pdf, base) -> signWith(link, pdf, base, place, key));
    }

    /** Two-step signing, step one: the data the signatory's device signs with the key matching {@code chain}. */
    public DataToSign dataToSign(String token, Place place, List<X509Certificate> chain) {
        Link link = open(token);
        if (chain.isEmpty()) {
            throw new WorkflowException(WorkflowException.Kind.INVALID, "the certificate chain is empty");
        }
        Revision base = originals.latest(link.original().id());
        refuseIfSigned(link);
        requireFullPowers(link);
        byte[] latest = originals.bytes(base.originalId(), base.number()).orElseThrow();
        // the designated signer is checked on the original as stored, before full powers are embedded into it
        signer.requireDesignated(request(link, latest, place, chain.get(0)), chain);
        byte[] pdf = withFullPowers(link, latest);
        Prepared prepared = signer.dataToSign(pdf, request(link, pdf, place, chain.get(0)), chain, checked(base, latest));
        Instant expires = clock.instant().plus(PENDING_LIFETIME);
        pending.put(new org.accord.store.PendingSignatures.Pending(link.invitation().id(), base.number(), prepared.pdf(),
                place.en(), place.ru(), prepared.level().code(), prepared.chain(), prepared.signingTime(), prepared.dataToSign(),
                prepared.javaAlgorithm(), expires), clock.instant());
        return new DataToSign(prepared.dataToSign(), prepared.javaAlgorithm(), expires);
    }

    /** Two-step signing, step two: the signature value for the data of step one. */
    public Revision complete(String token, byte[] signatureValue) {
        Link link = open(token);
        org.accord.store.PendingSignatures.Pending p = pending.take(link.invitation().id(), clock.instant())
                .orElseThrow(() -> new WorkflowException(WorkflowException.Kind.CONFLICT,
                        "no signature is being prepared for this link (or it expired); request the data to sign again"));
        // the state is rebuilt as step one made it; Signer.complete insists the data to sign comes out the same
        Prepared prepared = new Prepared(p.pdf(), request(link, p.pdf(), new Place(p.placeEn(), p.placeRu()), p.chain().get(0)),
                Level.of(p.level()), p.chain(), p.signingTime(), p.dataToSign(), p.algorithm());
        return locks.with(link.original().id(), () -> {
            Revision latest = originals.latest(link.original().id());
            if (latest.number() != p.baseRevision()) {
                throw new WorkflowException(WorkflowException.Kind.CONFLICT,
                        "the original changed since the data to sign was prepared; request it again");
            }
            byte[] signed = timings.time("signature", () -> signer.complete(prepared,
                    SignatureValues.toDer(signatureValue, prepared.javaAlgorithm())));
            // step one checked the base (as recorded, or in full when nothing was); one signature more now
            return store(link, latest, signed, latest.intactSignatures() == null ? null : latest.intactSignatures() + 1);
        });
    }

    /** The largest full powers accepted, in bytes. */
    public static final int MAX_FULL_POWERS = 10 << 20;

    /** The full powers attached for a party of an original, oldest first. */
    public List<org.accord.store.FullPowers.Attached> fullPowers(String originalId, String partyId) {
        return fullPowers.of(originalId, partyId);
    }

    /** The full powers attached for the link's party, oldest first. */
    public List<org.accord.store.FullPowers.Attached> fullPowers(Link link) {
        return fullPowers.of(link.original().id(), link.party().id());
    }

    /** The signatory attaches their full powers through their link, before signing. */
    public org.accord.store.FullPowers.Attached attachFullPowers(String token, String fileName, byte[] pdf) {
        Link link = open(token);
        return attach(link.original(), link.party().id(), fileName, pdf, "link:" + link.party().id());
    }

    /** The secretariat attaches a party's full powers to an original, before the party signs. */
    public org.accord.store.FullPowers.Attached attachFullPowers(String originalId, String partyId, String fileName, byte[] pdf,
                                                                 String actor) {
        StoredOriginal original = originals.find(originalId).orElseThrow(() -> new WorkflowException(
                WorkflowException.Kind.NOT_FOUND, "there is no original " + originalId));
        Agreement model = drafting.model(drafting.get(original.agreementId()));
        if (model.parties().stream().noneMatch(p -> p.id().equals(partyId))) {
            throw new WorkflowException(WorkflowException.Kind.NOT_FOUND, "agreement " + original.agreementId() + " has no party " + partyId);
        }
        return attach(original, partyId, fileName, pdf, actor);
    }

    private org.accord.store.FullPowers.Attached attach(StoredOriginal original, String partyId, String fileName, byte[] pdf, String actor) {
        if (originals.revisions(original.id()).stream().anyMatch(r -> r.signedBy(partyId))) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "party " + partyId + " has already signed original "
                    + original.number() + "; full powers go with the signature they precede");
        }
        if (originals.revisions(original.id()).stream().anyMatch(r -> Revision.CERTIFIED.equals(r.kind()))) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "original " + original.number() + " is certified: its "
                    + "certification permits form filling and signatures only, so full powers cannot be added to it");
        }
        FullPowersFiles.requirePdf(pdf, MAX_FULL_POWERS);
        try {
            return fullPowers.attach(original.id(), partyId, FullPowersFiles.name(fileName, partyId), pdf, actor);
        } catch (ConflictException e) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, e.getMessage(), e);
        }
    }

    private void requireFullPowers(Link link) {
        if (link.model().fullPowersRequired() && fullPowers(link).isEmpty()) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "the full powers of the signatory for "
                    + link.party().shortName().en() + " must be attached before signing");
        }
    }

    /** {@code pdf} with the party's full powers associated with its signature field (nothing when none). */
    private byte[] withFullPowers(Link link, byte[] pdf) {
        byte[] result = pdf;
        for (org.accord.store.FullPowers.Attached a : fullPowers(link)) {
            result = org.accord.sign.FullPowersAttachment.attach(result, link.party().signatureFieldName(), a.fileName(), a.bytes(),
                    "Full powers for " + link.party().shortName().en() + " / Полномочия подписанта. Сторона: " + link.party().shortName().ru());
        }
        return result;
    }

    /** One-step signing: the certificate checked on the stored original, then full powers embedded and signed over. */
    private byte[] signWith(Link link, byte[] pdf, CheckedRevision base, Place place, KeyEntry key) {
        SignRequest request = request(link, pdf, place, key.certificate());
        signer.requireDesignated(request, key.chain());
        byte[] attached = withFullPowers(link, pdf);
        // full powers go into an increment of their own, after the metadata the request was read from
        SignRequest over = attached == pdf ? request : request(link, attached, place, key.certificate());
        return timings.time("signature", () -> signer.sign(attached, over, key, base));
    }

    /**
     * The verdict recorded with the stored revision {@code base} of these bytes; when none was recorded (a revision
     * stored before verdicts were), its signatures are validated now, as signing over them requires.
     */
    private CheckedRevision checked(Revision base, byte[] bytes) {
        if (base.intactSignatures() != null) {
            return new CheckedRevision(base.size(), base.sha256(), base.intactSignatures());
        }
        return signer.check(bytes);
    }

    /** Signs a stored revision's bytes, given with the verdict recorded for them. */
    @FunctionalInterface
    private interface SignOver {
        byte[] sign(byte[] pdf, CheckedRevision base);
    }

    private KeyEntry unlockCounting(Link link, java.util.function.Supplier<KeyEntry> unlock) {
        try {
            return unlock.get();
        } catch (WorkflowException e) {
            if (e.kind() == WorkflowException.Kind.FORBIDDEN) {
                int failures = invitations.recordFailure(link.invitation().id(), maxFailures, "link:" + link.party().id());
                if (failures >= maxFailures) {
                    throw new WorkflowException(WorkflowException.Kind.GONE, "the password was wrong " + failures
                            + " times; this signing link is withdrawn; ask the secretariat for a new one", e);
                }
                throw new WorkflowException(WorkflowException.Kind.FORBIDDEN, "the password does not unlock the key ("
                        + (maxFailures - failures) + " attempts left)", e);
            }
            throw e;
        }
    }

    private SignRequest request(Link link, byte[] pdf, Place place, X509Certificate certificate) {
        // A stored original always carries its metadata; one that does not is refused rather than signed by anyone.
        return Requests.designated(pdf, link.party().id(), level, place.en(), place.ru(), certificate).orElseThrow(() -> new WorkflowException(
                WorkflowException.Kind.CONFLICT, "original " + link.original().number() + " does not say who signs for "
                + link.party().id()));
    }

    /** Signs the latest revision under the original's lock and stores the result; retries if another process won. */
    private Revision commit(Link link, SignOver sign) {
        return locks.with(link.original().id(), () -> {
            for (int attempt = 1; ; attempt++) {
                refuseIfSigned(link);
                Revision latest = originals.latest(link.original().id());
                byte[] bytes = originals.bytes(latest.originalId(), latest.number()).orElseThrow();
                CheckedRevision base = checked(latest, bytes);
                byte[] signed = sign.sign(bytes, base);
                beforeStore.run();
                try {
                    return store(link, latest, signed, base.afterOneMore());
                } catch (ConflictException e) {
                    // another process stored revision n+1 first: sign again on top of it
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                    LOG.info("revision {} of original {} was stored by another process; signing again on top of it",
                            latest.number() + 1, link.original().id());
                }
            }
        });
    }

    private Revision store(Link link, Revision base, byte[] signed, Integer intactSignatures) {
        Signed facts = Signed.in(signed, link.party().signatureFieldName());
        List<Revision> before = originals.revisions(link.original().id()).stream().filter(r -> r.number() <= base.number()).toList();
        String actor = "link:" + link.party().id();
        try {
            return originals.append(link.original().id(), base.number(), new NewRevision(Revision.SIGNED, link.party().id(),
                    facts.signerName(), facts.timestamp(), level.code(), signed, intactSignatures), link.invitation().id(),
                    actor, "original.signed", rounds.signed(link.model(), link.original(), link.party(), before, actor));
        } catch (ConflictException e) {
            Invitation now = invitations.ofOriginal(link.original().id()).stream()
                    .filter(i -> i.id().equals(link.invitation().id())).findFirst().orElseThrow();
            if (now.state(clock.instant()) != Invitation.State.OPEN) {
                throw new WorkflowException(WorkflowException.Kind.GONE, "this signing link was used or withdrawn meanwhile", e);
            }
            throw e;
        }
    }

    private void refuseIfSigned(Link link) {
        List<Revision> revisions = originals.revisions(link.original().id());
        if (revisions.stream().anyMatch(r -> r.signedBy(link.party().id()))) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "party " + link.party().id()
                    + " has already signed original " + link.original().number());
        }
        rounds.requireTurn(link.model(), link.original(), link.party(), revisions);
    }

    /** Whether the link's party may sign now (its turn has come, the round is open); the reason when not. */
    public java.util.Optional<String> notYet(Link link) {
        try {
            rounds.requireTurn(link.model(), link.original(), link.party(), originals.revisions(link.original().id()));
            return java.util.Optional.empty();
        } catch (WorkflowException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /** The signatory declines to sign, with a reason: the original is marked declined and every link of it stops. */
    public void decline(String token, String reason) {
        Link link = open(token);
        refuseIfSigned(link);
        rounds.decline(link, reason, "link:" + link.party().id());
    }
}
