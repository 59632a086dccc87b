package org.accord.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.accord.model.Agreement;
import org.accord.model.Party;
import org.accord.store.AuditTrail;
import org.accord.store.ConflictException;
import org.accord.store.Downloads;
import org.accord.store.Effects;
import org.accord.store.Invitation;
import org.accord.store.Invitations;
import org.accord.store.Originals;
import org.accord.store.Outbox;
import org.accord.store.Revision;
import org.accord.store.Rounds;
import org.accord.store.StoredOriginal;

/**
 * Signing rounds that run themselves: who is invited when (all at once, or each party when the one before it has
 * signed), reminders until the deadline, the deadline itself, declining, and completion (the signing certificate
 * and the mails that deliver the signed original). Every step writes its messages in the transaction of its change.
 */
public final class SigningRounds {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SigningRounds.class);
    private static final int MAX_REASON = 1000;

    /**
     * How rounds run: in the parties' order or any by default, how often pending signatories are reminded, the
     * how long links last, the secretariat's address (may be empty), the largest attachment, and how long a download
     * link lasts instead.
     */
    public record Settings(boolean ordered, Duration linkLifetime, Duration reminderInterval, String secretariat,
                           long maxAttachmentBytes, Duration downloadLifetime) {
    }

    private final Drafting drafting;
    private final Originals originals;
    private final Invitations invitations;
    private final Rounds rounds;
    private final Downloads downloads;
    private final AuditTrail audit;
    private final SigningCertificate certificates;
    private final Links links;
    private final Events events;
    private final Letters letters = new Letters();
    private final Settings settings;
    private final Clock clock;

    SigningRounds(Drafting drafting, Originals originals, Invitations invitations, Rounds rounds, Downloads downloads,
                  AuditTrail audit, SigningCertificate certificates, Links links, Events events, Settings settings, Clock clock) {
        this.downloads = downloads;
        this.drafting = drafting;
        this.originals = originals;
        this.invitations = invitations;
        this.rounds = rounds;
        this.audit = audit;
        this.certificates = certificates;
        this.links = links;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether parties sign in their listed order unless an issuing says otherwise. */
    boolean orderedByDefault() {
        return settings.ordered();
    }

    /** The start of an original's round: the round, what goes with it, and the tokens of the parties invited now. */
    record Start(Rounds.NewRound round, Effects effects, Map<String, String> tokens) {
    }

    /** Starts the round of {@code original}: invites every party, or the first when {@code ordered}. */
    Start start(Agreement a, StoredOriginal original, boolean ordered, Map<String, String> emails, Instant deadline, String actor) {
        List<Rounds.NewParty> parties = a.parties().stream().map(p -> new Rounds.NewParty(p.id(), emails.get(p.id()))).toList();
        Effects effects = Effects.none();
        Map<String, String> tokens = new LinkedHashMap<>();
        Instant now = clock.instant();
        if (events.enabled()) {
            effects.send(events.event("original.issued", a, original, null, Map.of("ordered", ordered, "deadline", deadline.toString()), now));
        }
        for (Party p : ordered ? a.parties().subList(0, 1) : a.parties()) {
            tokens.put(p.id(), invite(effects, a, original, p, emails.get(p.id()), deadline, null, false, actor));
        }
        return new Start(new Rounds.NewRound(ordered, deadline, parties), effects, tokens);
    }

    /** Adds the invitation of {@code party} to {@code effects}; returns its token. */
    private String invite(Effects effects, Agreement a, StoredOriginal o, Party party, String email, Instant deadline, Party previous,
                          boolean replaces, String actor) {
        String id = UUID.randomUUID().toString();
        String token = links.token(id);
        effects.invite(party.id(), id, Tokens.sha256(token), deadline, actor)
                .send(letters.invitation(a, o, party, email, links.signingUrl(token), deadline, previous, replaces));
        if (events.enabled()) {
            effects.send(events.event("party.invited", a, o, party.id(), Map.of("deadline", deadline.toString()), clock.instant()));
        }
        return token;
    }

    /** The round of an original (empty for originals issued before rounds existed). */
    public Optional<Rounds.Round> of(String originalId) {
        return rounds.of(originalId);
    }

    /** Refuses a signature the round does not allow now: the round ended, or (in order) an earlier party has not signed. */
    void requireTurn(Agreement a, StoredOriginal o, Party party, List<Revision> revisions) {
        Optional<Rounds.Round> round = rounds.of(o.id());
        if (round.isEmpty()) {
            return;
        }
        switch (round.get().state()) {
            case DECLINED -> throw new WorkflowException(WorkflowException.Kind.GONE, "original " + o.number()
                    + " was declined; it can no longer be signed");
            case EXPIRED -> throw new WorkflowException(WorkflowException.Kind.GONE, "the signing round of original " + o.number()
                    + " closed on its deadline; ask the secretariat for a new link");
            default -> {
            }
        }
        requireOrder(round.get(), a, party, revisions);
    }

    /** In a round in the parties' order, refuses {@code party} before every earlier party has signed. */
    private void requireOrder(Rounds.Round round, Agreement a, Party party, List<Revision> revisions) {
        Optional<Party> waitingFor = round.ordered() ? before(a, party).stream()
                .filter(p -> revisions.stream().noneMatch(r -> r.signedBy(p.id()))).findFirst() : Optional.empty();
        if (waitingFor.isPresent()) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "the parties sign in order: "
                    + party.shortName().en() + " signs after " + waitingFor.get().shortName().en() + " has signed");
        }
    }

    private static List<Party> before(Agreement a, Party party) {
        List<Party> earlier = new ArrayList<>();
        for (Party p : a.parties()) {
            if (p.id().equals(party.id())) {
                break;
            }
            earlier.add(p);
        }
        return earlier;
    }

    /** What goes with {@code party}'s signature on top of {@code revisions}: the next invitation, or the round signed. */
    Effects signed(Agreement a, StoredOriginal o, Party party, List<Revision> revisions, String actor) {
        Effects effects = Effects.none();
        Optional<Rounds.Round> round = rounds.of(o.id());
        if (round.isEmpty()) {
            return effects;
        }
        Instant now = clock.instant();
        if (events.enabled()) {
            effects.send(events.event("party.signed", a, o, party.id(), Map.of(), now));
        }
        List<Party> pending = a.parties().stream().filter(p -> !p.id().equals(party.id())
                && revisions.stream().noneMatch(r -> r.signedBy(p.id()))).toList();
        if (pending.isEmpty()) {
            effects.round(Rounds.State.OPEN, Rounds.State.SIGNED, null, null);
        } else if (round.get().ordered()) {
            Party next = pending.get(0);
            String email = round.get().party(next.id()).map(Rounds.Party::email).orElse(null);
            invite(effects, a, o, next, email, round.get().deadline(), party, false, actor);
        }
        return effects;
    }

    /**
     * A new signing link for a party of an original, sent as a new invitation; the party's earlier links stop
     * working. Refused once the party has signed, when the round ended, or before the party's turn.
     */
    String resend(String originalId, String partyId, String actor) {
        StoredOriginal o = originals.find(originalId).orElseThrow(() -> new WorkflowException(
                WorkflowException.Kind.NOT_FOUND, "there is no original " + originalId));
        Agreement a = drafting.model(drafting.get(o.agreementId()));
        Party party = a.parties().stream().filter(p -> p.id().equals(partyId)).findFirst().orElseThrow(() -> new WorkflowException(
                WorkflowException.Kind.NOT_FOUND, "agreement " + o.agreementId() + " has no party " + partyId));
        List<Revision> revisions = originals.revisions(originalId);
        if (revisions.stream().anyMatch(r -> r.signedBy(partyId))) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "party " + partyId + " has already signed original "
                    + o.number());
        }
        Optional<Rounds.Round> round = rounds.of(originalId);
        Effects effects = Effects.none();
        String id = UUID.randomUUID().toString();
        String token = links.token(id);
        if (round.isEmpty()) {
            // an original issued before rounds existed: a link, no mail
            effects.invite(partyId, id, Tokens.sha256(token), clock.instant().plus(settings.linkLifetime()), actor);
            rounds.apply(originalId, effects);
            return token;
        }
        if (round.get().state() == Rounds.State.DECLINED || round.get().state() == Rounds.State.COMPLETED
                || round.get().state() == Rounds.State.SIGNED) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "the signing round of original " + o.number() + " is "
                    + round.get().state().code() + "; no new link can be sent");
        }
        requireOrder(round.get(), a, party, revisions); // an expired round is what a new link reopens
        Instant deadline = round.get().deadline();
        if (round.get().state() == Rounds.State.EXPIRED || !deadline.isAfter(clock.instant())) {
            // a new link after the deadline reopens the round, and moves its deadline, for the link's lifetime
            deadline = clock.instant().plus(settings.linkLifetime());
            effects.reopen(deadline);
        }
        String email = round.get().party(partyId).map(Rounds.Party::email).orElse(null);
        effects.invite(partyId, id, Tokens.sha256(token), deadline, actor)
                .send(letters.invitation(a, o, party, email, links.signingUrl(token), deadline, null, true));
        if (events.enabled()) {
            effects.send(events.event("party.invited", a, o, partyId, Map.of("deadline", deadline.toString(), "resent", true),
                    clock.instant()));
        }
        apply(originalId, effects);
        return token;
    }

    /** The signatory declines through their link, with a reason; the original is marked declined and its links stop. */
    void decline(Signing.Link link, String reason, String actor) {
        String why = reason == null ? "" : reason.strip().replaceAll("\\p{Cntrl}", " ");
        if (why.isEmpty()) {
            throw new WorkflowException(WorkflowException.Kind.INVALID, "reason: say why the party declines to sign");
        }
        if (why.length() > MAX_REASON) {
            throw new WorkflowException(WorkflowException.Kind.INVALID, "reason: at most " + MAX_REASON + " characters");
        }
        StoredOriginal o = link.original();
        Rounds.Round round = rounds.of(o.id()).orElseThrow(() -> new WorkflowException(WorkflowException.Kind.CONFLICT,
                "original " + o.number() + " has no signing round to decline"));
        Agreement a = link.model();
        Effects effects = Effects.none().round(Rounds.State.OPEN, Rounds.State.DECLINED, link.party().id(), why)
                .revokeLinks(actor, "the original was declined")
                .audit(actor, "original.declined", "original:" + o.id() + "/party:" + link.party().id(), null, why);
        if (!settings.secretariat().isEmpty()) {
            effects.send(letters.declined(a, o, null, settings.secretariat(), link.party(), why));
        }
        for (Rounds.Party p : round.parties()) {
            if (!p.partyId().equals(link.party().id()) && p.email() != null) {
                effects.send(letters.declined(a, o, p.partyId(), p.email(), link.party(), why));
            }
        }
        if (events.enabled()) {
            effects.send(events.event("party.declined", a, o, link.party().id(), Map.of("reason", why), clock.instant()));
        }
        try {
            rounds.apply(o.id(), effects);
        } catch (ConflictException e) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "the signing round of original " + o.number()
                    + " is no longer open", e);
        }
    }

    private void apply(String originalId, Effects effects) {
        try {
            rounds.apply(originalId, effects);
        } catch (ConflictException e) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "the signing round changed meanwhile; try again", e);
        }
    }

    /** One pass of the rounds job: deadlines, reminders, completions. Returns how many steps it took. */
    public int tick() {
        int steps = 0;
        Instant now = clock.instant();
        for (Rounds.Round round : rounds.inState(Rounds.State.OPEN)) {
            try {
                steps += round.deadline().isAfter(now) ? remind(round, now) : expire(round, now);
            } catch (RuntimeException e) {
                LOG.warn("the signing round of original {} could not be advanced: {}", round.originalId(), e.toString());
            }
        }
        for (Rounds.Round round : rounds.inState(Rounds.State.SIGNED)) {
            try {
                complete(round, now);
                steps++;
            } catch (ConflictException e) {
                LOG.info("original {} was completed by another node", round.originalId());
            } catch (RuntimeException e) {
                LOG.warn("the signing certificate of original {} could not be made: {}", round.originalId(), e.toString(), e);
            }
        }
        return steps;
    }

    private int expire(Rounds.Round round, Instant now) {
        StoredOriginal o = originals.find(round.originalId()).orElseThrow();
        Agreement a = drafting.model(drafting.get(o.agreementId()));
        List<Revision> revisions = originals.revisions(o.id());
        List<Party> signed = a.parties().stream().filter(p -> revisions.stream().anyMatch(r -> r.signedBy(p.id()))).toList();
        List<Party> missing = a.parties().stream().filter(p -> !signed.contains(p)).toList();
        Effects effects = Effects.none().round(Rounds.State.OPEN, Rounds.State.EXPIRED, null, null)
                .revokeLinks("scheduler", "the signing round closed on its deadline")
                .audit("scheduler", "round.expired", "original:" + o.id(), null, "deadline " + round.deadline() + "; not signed: "
                        + String.join(", ", missing.stream().map(Party::id).toList()));
        if (!settings.secretariat().isEmpty()) {
            effects.send(letters.expired(a, o, settings.secretariat(), round.deadline(), signed, missing));
        }
        rounds.apply(o.id(), effects);
        return 1;
    }

    private int remind(Rounds.Round round, Instant now) {
        List<Rounds.Party> due = round.parties().stream().filter(p -> {
            Instant last = p.remindedAt() != null ? p.remindedAt() : p.invitedAt();
            return last != null && !last.plus(settings.reminderInterval()).isAfter(now);
        }).toList();
        if (due.isEmpty()) {
            return 0;
        }
        StoredOriginal o = originals.find(round.originalId()).orElseThrow();
        Agreement a = drafting.model(drafting.get(o.agreementId()));
        List<Revision> revisions = originals.revisions(o.id());
        List<Invitation> invited = invitations.ofOriginal(o.id());
        int sent = 0;
        for (Rounds.Party p : due) {
            Optional<Invitation> open = invited.stream()
                    .filter(i -> i.partyId().equals(p.partyId()) && i.state(now) == Invitation.State.OPEN)
                    .reduce((x, y) -> y);
            if (open.isEmpty() || revisions.stream().anyMatch(r -> r.signedBy(p.partyId()))) {
                continue;
            }
            Party party = a.parties().stream().filter(x -> x.id().equals(p.partyId())).findFirst().orElseThrow();
            Effects effects = Effects.none().round(Rounds.State.OPEN, Rounds.State.OPEN, null, null).reminded(p.partyId())
                    .send(letters.reminder(a, o, party, p.email(), links.signingUrl(links.token(open.get().id())), round.deadline()))
                    .audit("scheduler", "party.reminded", "original:" + o.id() + "/party:" + p.partyId(), null,
                            p.email() == null ? "no address: on the outbox page" : "to " + p.email());
            rounds.apply(o.id(), effects);
            sent++;
        }
        return sent;
    }

    private void complete(Rounds.Round round, Instant now) {
        StoredOriginal o = originals.find(round.originalId()).orElseThrow();
        Agreement a = drafting.model(drafting.get(o.agreementId()));
        List<Revision> revisions = originals.revisions(o.id());
        Revision latest = revisions.get(revisions.size() - 1);
        byte[] pdf = originals.bytes(o.id(), latest.number()).orElseThrow();
        byte[] certificate = certificates.make(a, o, revisions, pdf, audit.chain(), now);
        String dataId = drafting.get(o.agreementId()).dataId();
        Outbox.Attachment certificateFile = new Outbox.Attachment(Status.certificateFileName(dataId, o), "application/pdf", certificate);
        List<Outbox.Attachment> files = new ArrayList<>();
        Effects effects = Effects.none().round(Rounds.State.SIGNED, Rounds.State.COMPLETED, null, null).certificate(certificate);
        String download = null;
        Instant expires = now.plus(settings.downloadLifetime());
        if (pdf.length <= settings.maxAttachmentBytes()) {
            files.add(new Outbox.Attachment(Status.baseName(dataId, o) + ".pdf", "application/pdf", pdf));
        } else {
            String token = links.downloadToken(UUID.randomUUID().toString());
            effects.download(Tokens.sha256(token), latest.number(), expires);
            download = links.downloadUrl(token);
        }
        files.add(certificateFile);
        List<Party> signed = a.parties();
        for (Rounds.Party p : round.parties()) {
            if (p.email() != null) {
                effects.send(letters.completed(a, o, p.partyId(), p.email(), signed, files, download, expires));
            }
        }
        if (!settings.secretariat().isEmpty()) {
            effects.send(letters.completed(a, o, null, settings.secretariat(), signed, files, download, expires));
        }
        if (events.enabled()) {
            effects.send(events.event("original.completed", a, o, null, Map.of("revision", latest.number(), "sha256", latest.sha256()),
                    now));
        }
        effects.audit("scheduler", "original.completed", "original:" + o.id(), latest.sha256(),
                "signing certificate " + java.util.HexFormat.of().formatHex(sha256(certificate)));
        rounds.apply(o.id(), effects);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the download link with {@code token} gives: NOT_FOUND when unknown, GONE once it expired. */
    public Downloads.Download download(String token) {
        Downloads.Download d = (Tokens.wellFormed(token) ? downloads.byTokenHash(Tokens.sha256(token)) : Optional.<Downloads.Download>empty())
                .orElseThrow(() -> new WorkflowException(WorkflowException.Kind.NOT_FOUND, "there is no such download link"));
        if (!d.expiresAt().isAfter(clock.instant())) {
            throw new WorkflowException(WorkflowException.Kind.GONE, "this download link expired on " + d.expiresAt()
                    + "; ask the secretariat for the signed original");
        }
        return d;
    }

    /** The signing certificate of a completed original. */
    public Optional<byte[]> certificate(String originalId) {
        return rounds.certificate(originalId);
    }

    /** The webhook event of an extension to {@code level} as revision {@code revision}, to send with it. */
    Effects extended(StoredOriginal o, int revision, String level) {
        Effects effects = Effects.none();
        if (events.enabled()) {
            Agreement a = drafting.model(drafting.get(o.agreementId()));
            effects.send(events.event("original.extended", a, o, null, Map.of("revision", revision, "level", level), clock.instant()));
        }
        return effects;
    }
}
