package org.accord.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import org.accord.verify.DocumentReport;
import org.accord.verify.SignatureReport;
import org.accord.verify.TimestampReport;
import org.accord.verify.Wording;

/** The verdicts as text, in English or Russian, worded from the report bundles. */
final class Texts {

    private Texts() {
    }

    static void print(PrintWriter out, DocumentReport r, String lang) {
        Wording w = Wording.of(lang);
        if (r.error() != null) {
            out.println(r.file() + ": " + w.verdict(r.verdict()) + ": " + w.finding(r.error()));
            return;
        }
        String headline = switch (r.verdict()) {
            case INCOMPLETE -> w.verdict(r.verdict()) + " \u2014 " + w.incomplete(r);
            default -> w.verdict(r.verdict());
        };
        out.println(r.file() + ": " + headline + (r.demoTrust() ? " (" + w.text("label.demo.short") + ")" : ""));
        for (SignatureReport s : r.signatures()) {
            out.println("  " + s.field() + " [" + w.text("label.kind." + s.kind().json()) + "] " + (s.signer() == null ? "?" : s.signer())
                    + ": " + s.indication() + (s.subIndication() == null ? "" : "/" + s.subIndication())
                    + (s.level() == null ? "" : ", " + s.level())
                    + (s.timestampTime() == null ? "" : ", " + w.text("label.proven.short") + " " + w.time(s.timestampTime()))
                    + (s.intact() ? "" : ", " + w.text("label.broken")));
            if (s.party() != null) {
                out.println("      " + w.text("label.signedFor") + ": " + w.signedFor(r, s));
            }
            if (s.completion() != null) {
                out.println("      " + w.text("label.completion") + ": " + w.completion(s.completion()));
            }
            s.fullPowers().forEach(f -> out.println("      " + w.text("label.fullPowers") + ": " + w.fullPowers(f)));
            for (TimestampReport t : s.timestamps()) {
                out.println("      " + w.text("label.timestamp.line", "kind", w.timestampKind(t.kind()), "genTime", w.time(t.genTime()),
                        "result", w.indication(t.indication()) + (t.subIndication() == null ? "" : " (" + w.subIndication(t.subIndication()) + ")")));
            }
            if (s.independentCheck() != null) {
                out.println("      " + w.text("label.independent") + ": " + w.independent(s.independentCheck()));
            }
            s.modificationsAfter().forEach(c -> out.println("      " + w.text("label.after.prefix") + " " + w.change(c)));
            s.errors().forEach(e -> out.println("      " + w.text("label.error.prefix") + " " + w.finding(e)));
        }
        r.findings().forEach(f -> out.println("  " + w.text("label.finding.prefix") + " " + w.finding(f)));
        if (r.agreement() != null) {
            DocumentReport.Agreement a = r.agreement();
            String line = w.text("label.agreement.line", "id", a.id(), "original", a.original(), "originals", a.originals(),
                    "signed", a.signedBy().isEmpty() ? w.text("label.none")
                            : a.signedBy().stream().map(p -> a.name(p, lang)).collect(Collectors.joining(", ")));
            if (a.lastSignedAt() != null) {
                line += ", " + w.text("label.lastSigned.line", "time", w.time(a.lastSignedAt()));
            }
            if (a.entryIntoForce() != null) {
                line += ", " + w.text("label.entry.line", "date", a.entryIntoForce().toString());
            }
            out.println("  " + line);
        }
    }
}
