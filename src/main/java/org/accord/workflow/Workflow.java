package org.accord.workflow;

import java.time.Clock;
import java.time.Duration;
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

    /** What a workflow is made of; {@code level} is the level of every party's signature. */
    public record Parts(Database db, Renderer renderer, Signer signer, Verifier verifier, Keys keys, Level level,
                        Duration linkLifetime, int maxPasswordFailures, Clock clock) {
    }

    public Workflow(Parts p) {
        Originals originals = new Originals(p.db());
        Invitations invitations = new Invitations(p.db());
        Locks locks = new Locks();
        this.audit = new AuditTrail(p.db());
        this.users = new Users(p.db());
        this.drafting = new Drafting(new org.accord.store.Agreements(p.db()), p.renderer());
        this.issuing = new Issuing(drafting, originals, invitations, p.renderer(), p.signer(), p.keys(), p.linkLifetime(), p.clock());
        this.signing = new Signing(drafting, originals, invitations, new org.accord.store.FullPowers(p.db()), p.signer(), p.keys(), locks, p.level(),
                p.maxPasswordFailures(), p.clock());
        this.archive = new Archive(p.verifier(), originals, p.signer(), audit, locks);
        this.status = new Status(drafting, originals, invitations, p.clock());
        this.reports = new org.accord.verify.HumanReport(p.renderer());
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

    public AuditTrail audit() {
        return audit;
    }

    /** The human validation report (HTML, PDF/A), made with the process's one renderer. */
    public org.accord.verify.HumanReport reports() {
        return reports;
    }
}
