package org.accord.workflow;

import java.time.Clock;
import org.accord.render.Renderer;
import org.accord.sign.Level;
import org.accord.sign.Signer;
import org.accord.store.AuditTrail;
import org.accord.store.Database;
import org.accord.store.Invitations;
import org.accord.store.Originals;
import org.accord.store.Users;
import org.accord.verify.Verifier;

/** The service's journeys wired over one database, renderer, signer and verifier (each made once per process). */
public final class Workflow {

    private final Drafting drafting;
    private final Issuing issuing;
    private final Signing signing;
    private final Archive archive;
    private final Status status;
    private final Users users;
    private final AuditTrail audit;
    private final org.accord.verify.HumanReport reports;
    private final SigningRounds rounds;
    private final org.accord.store.Outbox outbox;
    private final org.accord.store.BrowserSessions sessions;

    /**
     * What a workflow is made of; {@code level} is the level of every party's signature, {@code links} derives the
     * signing links, {@code rounds} says how signing rounds run, {@code webhookUrl} (may be empty) gets the events.
     */
    public record Parts(Database db, Renderer renderer, Signer signer, Verifier verifier, Keys keys, Level level,
                        int maxPasswordFailures, Links links, SigningRounds.Settings rounds, String webhookUrl, Clock clock,
                        Timings timings) {

        /** Parts whose expensive steps are not measured. */
        public Parts(Database db, Renderer renderer, Signer signer, Verifier verifier, Keys keys, Level level,
                     int maxPasswordFailures, Links links, SigningRounds.Settings rounds, String webhookUrl, Clock clock) {
            this(db, renderer, signer, verifier, keys, level, maxPasswordFailures, links, rounds, webhookUrl, clock, Timings.NONE);
        }
    }

    public Workflow(Parts p) {
        Originals originals = new Originals(p.db());
        Invitations invitations = new Invitations(p.db());
        Locks locks = new Locks(new org.accord.store.OriginalLocks(p.db()));
        this.audit = new AuditTrail(p.db());
        this.users = new Users(p.db());
        this.sessions = new org.accord.store.BrowserSessions(p.db());
        this.outbox = new org.accord.store.Outbox(p.db());
        this.drafting = new Drafting(new org.accord.store.Agreements(p.db()), p.renderer());
        this.rounds = new SigningRounds(drafting, originals, invitations, new org.accord.store.Rounds(p.db()),
                new org.accord.store.Downloads(p.db()), audit,
                new SigningCertificate(p.renderer(), p.verifier()), p.links(), new Events(p.webhookUrl()), p.rounds(), p.clock());
        this.issuing = new Issuing(drafting, originals, rounds, p.renderer(), p.signer(), p.keys(), p.rounds().linkLifetime(), p.clock(),
                p.timings());
        this.signing = new Signing(drafting, originals, invitations, new org.accord.store.FullPowers(p.db()), p.signer(), p.keys(), locks, p.level(),
                p.maxPasswordFailures(), rounds, p.clock(), p.timings(),
                new org.accord.store.PendingSignatures(p.db()));
        this.archive = new Archive(p.verifier(), originals, p.signer(), audit, locks, rounds, p.clock(), p.timings());
        this.status = new Status(drafting, originals, invitations, rounds, p.clock());
        this.reports = new org.accord.verify.HumanReport(p.renderer());
    }

    /** The signing rounds: declining, reminders, deadlines, completion (the rounds job calls {@link SigningRounds#tick()}). */
    public SigningRounds rounds() {
        return rounds;
    }

    /** The messages waiting to go out and those sent (the outbox page, and the delivery job). */
    public org.accord.store.Outbox outbox() {
        return outbox;
    }

    public Drafting drafting() {
        return drafting;
    }

    public Issuing issuing() {
        return issuing;
    }

    public Signing signing() {
        return signing;
    }

    public Archive archive() {
        return archive;
    }

    public Status status() {
        return status;
    }

    public Users users() {
        return users;
    }

    /** The browser sessions, shared by every node (the sessions job purges the idle ones). */
    public org.accord.store.BrowserSessions sessions() {
        return sessions;
    }

    public AuditTrail audit() {
        return audit;
    }

    /** The human validation report (HTML, PDF/A), made with the process's one renderer. */
    public org.accord.verify.HumanReport reports() {
        return reports;
    }
}
