package org.accord.workflow;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.accord.sign.Level;
import org.accord.sign.Signer;
import org.accord.store.AuditTrail;
import org.accord.store.NewRevision;
import org.accord.store.Originals;
import org.accord.store.Revision;
import org.accord.verify.Verification;
import org.accord.verify.Verifier;

/** The archivist's journey: verdicts on any PDF, and extension of stored originals for the long term. */
public final class Archive {

    private final Verifier verifier;
    private final Originals originals;
    private final Signer signer;
    private final AuditTrail audit;
    private final Locks locks;

    Archive(Verifier verifier, Originals originals, Signer signer, AuditTrail audit, Locks locks) {
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
        Verification v = verifier.verify(name, pdf);
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
        originals.find(originalId).orElseThrow(() -> new WorkflowException(WorkflowException.Kind.NOT_FOUND,
                "there is no original " + originalId));
        return locks.with(originalId, () -> {
            List<Revision> all = originals.revisions(originalId);
            Revision latest = all.get(all.size() - 1);
            if (all.stream().noneMatch(Revision::signature)) {
                throw new WorkflowException(WorkflowException.Kind.CONFLICT, "original " + originalId
                        + " carries no signature yet; there is nothing to extend");
            }
            byte[] extended = signer.extend(originals.bytes(originalId, latest.number()).orElseThrow(), level);
            return originals.append(originalId, latest.number(), new NewRevision(Revision.EXTENDED, null, null, null, level.code(),
                    extended), null, actor, "original.extended");
        });
    }

    private static String clip(String name) {
        String n = name == null ? "upload" : name.replaceAll("[\\p{Cntrl}]", "?");
        return n.length() > 150 ? n.substring(0, 150) : n;
    }
}
