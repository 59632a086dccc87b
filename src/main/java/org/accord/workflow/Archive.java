package org.accord.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.accord.sign.Level;
import org.accord.sign.Signer;
import org.accord.store.AuditTrail;
import org.accord.store.NewRevision;
import org.accord.store.Originals;
import org.accord.store.Revision;
import org.accord.store.StoredOriginal;
import org.accord.verify.Verification;
import org.accord.verify.Verifier;

/** The archivist's journey: verdicts on any PDF, and extension of stored originals for the long term. */
public final class Archive {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Archive.class);

    private final Verifier verifier;
    private final Originals originals;
    private final Signer signer;
    private final AuditTrail audit;
    private final Locks locks;
    private final SigningRounds rounds;
    private final Clock clock;
    private final Timings timings;

    Archive(Verifier verifier, Originals originals, Signer signer, AuditTrail audit, Locks locks, SigningRounds rounds,
            Clock clock, Timings timings) {
        this.timings = timings;
        this.rounds = rounds;
        this.clock = clock;
        this.verifier = verifier;
        this.originals = originals;
        this.signer = signer;
        this.audit = audit;
        this.locks = locks;
    }

    /**
     * Where a verified file stands among the revisions Accord issued: revision {@code revision} of
     * {@code latestRevision}; {@code isFinal} only for the latest, and {@code laterSignatures} says how many
     * signatures the latest revision carries beyond this copy.
     */
    public record Issued(String originalId, int revision, int latestRevision, boolean isFinal, int laterSignatures) {
    }

    /** The verdict, and where the file stands if it is one of Accord's revisions. */
    public record Checked(Verification verification, Optional<Issued> issued) {
    }

    /** How many verifications run now, and how many went past their deadline and still run. */
    public Verifier.Load load() {
        return verifier.load();
    }

    /** Validates {@code pdf} and records that it was checked (by whom, its SHA-256, the verdict). */
    public Checked verify(String name, byte[] pdf, String actor) {
        Verification v = timings.time("verification", () -> verifier.verify(name, pdf));
        Optional<Issued> issued = Optional.empty();
        if (v.report().sha256() != null) {
            issued = originals.withHash(v.report().sha256()).stream().findFirst().map(this::issued);
        }
        audit.record(actor, "document.verified", "file:" + clip(name), v.report().sha256(),
                v.report().error() != null ? "unusable: " + v.report().error().code() : v.report().verdict().json());
        return new Checked(v, issued);
    }

    private Issued issued(Revision r) {
        List<Revision> all = originals.revisions(r.originalId());
        Revision latest = all.stream().max(Comparator.comparingInt(Revision::number)).orElseThrow();
        int later = (int) all.stream().filter(x -> x.number() > r.number() && Revision.SIGNED.equals(x.kind())).count();
        return new Issued(r.originalId(), r.number(), latest.number(), latest.number() == r.number(), later);
    }

    /** Extends the latest revision of an original to {@code level} (B-LT or B-LTA) as the next revision. */
    public Revision extend(String originalId, Level level, String actor) {
        return extend(originalId, level, actor, "original.extended");
    }

    private Revision extend(String originalId, Level level, String actor, String action) {
        StoredOriginal original = originals.find(originalId).orElseThrow(() -> new WorkflowException(
                WorkflowException.Kind.NOT_FOUND, "there is no original " + originalId));
        return locks.with(originalId, () -> {
            List<Revision> all = originals.revisions(originalId);
            Revision latest = all.get(all.size() - 1);
            if (all.stream().noneMatch(Revision::signature)) {
                throw new WorkflowException(WorkflowException.Kind.CONFLICT, "original " + originalId
                        + " carries no signature yet; there is nothing to extend");
            }
            byte[] extended = signer.extend(originals.bytes(originalId, latest.number()).orElseThrow(), level);
            // extending validated every signature and adds none (document time-stamps are not counted)
            return originals.append(originalId, latest.number(), new NewRevision(Revision.EXTENDED, null, null, null, level.code(),
                    extended, latest.intactSignatures()), null, actor, action, rounds.extended(original, latest.number() + 1, level.code()));
        });
    }

    /** The outcome of one pass of the archive job. */
    public record Renewal(int checked, int renewed, int failed) {
    }

    /**
     * The archive job: every original whose latest revision is at B-LTA gets a new archive time-stamp once {@code now}
     * is within {@code renewBefore} of the expiry of the certificate behind its last one. Each result is in the trail.
     */
    public Renewal renewDue(Duration renewBefore) {
        int checked = 0;
        int renewed = 0;
        int failed = 0;
        Instant now = clock.instant();
        for (Revision latest : originals.latestAtLevel(Level.B_LTA.code())) {
            checked++;
            try {
                byte[] pdf = originals.bytes(latest.originalId(), latest.number()).orElseThrow();
                Optional<Instant> expiry = Signer.archiveExpiry(pdf);
                if (expiry.isPresent() && now.isBefore(expiry.get().minus(renewBefore))) {
                    continue;
                }
                Revision r = extend(latest.originalId(), Level.B_LTA, "scheduler", "original.renewed");
                renewed++;
                LOG.info("original {}: archive time-stamp renewed as revision {} "
                        + "(the last one's certificate expires {})", latest.originalId(), r.number(), expiry.orElse(null));
            } catch (RuntimeException e) {
                failed++;
                audit.record("scheduler", "original.renewal-failed", "original:" + latest.originalId(), latest.sha256(),
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return new Renewal(checked, renewed, failed);
    }

    private static String clip(String name) {
        String n = name == null ? "upload" : name.replaceAll("[\\p{Cntrl}]", "?");
        return n.length() > 150 ? n.substring(0, 150) : n;
    }
}
