package org.accord.workflow;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.accord.model.Agreement;
import org.accord.model.Party;
import org.accord.render.Renderer;
import org.accord.sign.Signed;
import org.accord.store.AuditEvent;
import org.accord.store.AuditTrail;
import org.accord.store.Revision;
import org.accord.store.StoredOriginal;
import org.accord.verify.DocumentReport;
import org.accord.verify.SignatureReport;
import org.accord.verify.Verifier;
import org.accord.verify.Wording;

/**
 * The signing certificate of a completed original: a PDF/A in English and Russian stating each signature (signer,
 * party, time proven by its time-stamp, place, certificate fingerprint), the revision hashes, the verdict of a fresh
 * validation, and the audit events of the original with the hash of the trail's head.
 */
final class SigningCertificate {

    private final Renderer renderer;
    private final Verifier verifier;

    SigningCertificate(Renderer renderer, Verifier verifier) {
        this.renderer = renderer;
        this.verifier = verifier;
    }

    /** What the certificate says; the template's model. */
    public record Sheet(String titleEn, String titleRu, int original, int originals, String originalId, String completedEn,
                        String completedRu, boolean valid, String verdictEn, String verdictRu, List<Line> signatures,
                        List<Revision> revisions, List<AuditEvent> events, String head, boolean chainHolds) {
    }

    /** One signature. */
    public record Line(String partyEn, String partyRu, String signer, String timeEn, String timeRu, String placeEn,
                       String placeRu, String level, String fingerprint) {
    }

    /** The certificate of {@code original} whose latest revision is {@code pdf}, with the trail as it stands. */
    byte[] make(Agreement a, StoredOriginal original, List<Revision> revisions, byte[] pdf, AuditTrail.Chain chain, Instant now) {
        DocumentReport report = verifier.verify("original-" + original.number() + ".pdf", pdf).report();
        List<Line> lines = new ArrayList<>();
        for (Party p : a.parties()) {
            Revision r = revisions.stream().filter(x -> x.signedBy(p.id())).findFirst().orElse(null);
            if (r == null) {
                continue;
            }
            SignatureReport s = report.signatures().stream().filter(x -> p.id().equals(x.party())).findFirst().orElse(null);
            Signed signed = Signed.in(pdf, p.signatureFieldName());
            Instant proven = s == null ? null : s.timestampTime();
            SignatureReport.Completion done = s == null ? null : s.completion();
            lines.add(new Line(p.shortName().en(), p.shortName().ru(), signed.signerName(),
                    proven == null ? "not proven" : Times.format(proven, "en"), proven == null ? "не подтверждено" : Times.format(proven, "ru"),
                    done == null || done.place() == null ? "—" : done.place(), done == null || done.placeRu() == null ? "—" : "в " + done.placeRu(),
                    r.level(), fingerprint(signed)));
        }
        String prefix = "original:" + original.id();
        List<AuditEvent> events = chain.events().stream().filter(e -> e.subject().equals(prefix)
                || e.subject().startsWith(prefix + "/")).toList();
        Sheet sheet = new Sheet(a.shortTitle().en(), a.shortTitle().ru(), original.number(), original.ofTotal(), original.id(),
                Times.format(now, "en"), Times.format(now, "ru"), report.valid(), Wording.of("en").headline(report),
                Wording.of("ru").headline(report), lines, revisions, events, chain.head(), chain.firstBreak().isEmpty());
        return renderer.renderDocument("fo/certificate.ftlx", Map.of("c", sheet));
    }

    private static String fingerprint(Signed signed) {
        if (signed.certificate() == null) {
            return "—";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signed.certificate().getEncoded());
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the signer's certificate", e);
        }
    }
}
