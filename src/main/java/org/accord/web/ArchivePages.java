package org.accord.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.accord.verify.DocumentReport;
import org.accord.verify.SignatureReport;
import org.accord.verify.Wording;
import org.accord.workflow.Archive;
import org.accord.workflow.Workflow;

/**
 * The archivist's page: upload any PDF, read the verdict per signature in plain words with the changes found,
 * download the ETSI validation report and the human report. Reports stay with the session that asked for them.
 */
final class ArchivePages {

    private static final Set<Role> STAFF = Set.of(Role.SECRETARIAT, Role.ARCHIVIST);

    private final Workflow wf;
    private final Pages pages;
    private final Sessions sessions;
    private final long maxUpload;

    ArchivePages(Workflow wf, Pages pages, Sessions sessions, long maxUpload) {
        this.wf = wf;
        this.pages = pages;
        this.sessions = sessions;
        this.maxUpload = maxUpload;
    }

    List<Route> routes() {
        return List.of(
                Route.as(STAFF, HandlerType.GET, "/verify", ctx -> pages.render(ctx, "verify.ftlh", Map.of())),
                Route.as(STAFF, HandlerType.POST, "/verify", this::verify),
                Route.as(STAFF, HandlerType.GET, "/verify/{id}/{file}", this::download));
    }

    private void verify(Context ctx) {
        String lang = Pages.lang(ctx);
        byte[] pdf = Uploads.optionalPart(ctx, "file", maxUpload);
        if (pdf == null) {
            ctx.status(400);
            pages.render(ctx, "verify.ftlh", Map.of("error", pages.text(lang).get("verify.choose")));
            return;
        }
        String name = java.util.Objects.requireNonNullElse(Uploads.fileName(ctx, "file"), "upload.pdf");
        Archive.Checked checked = wf.archive().verify(name, pdf, Auth.current(ctx).username());
        String id = UUID.randomUUID().toString();
        org.accord.verify.Verification v = checked.verification();
        sessions.get(ctx).remember(id, new org.accord.store.BrowserSessions.Kept(org.accord.verify.KeptReport.freeze(v.report()),
                v.dss() == null ? null : v.dss().getXmlValidationReport().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.time.Instant.now());
        pages.render(ctx, "verdict.ftlh", view(checked, name, id, lang));
    }

    private static Map<String, Object> view(Archive.Checked checked, String name, String id, String lang) {
        DocumentReport r = checked.verification().report();
        Wording w = Wording.of(lang);
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("verdict", r.verdict().json());
        m.put("valid", r.valid());
        m.put("headline", w.headline(r));
        m.put("error", r.error() == null ? "" : w.finding(r.error()));
        m.put("sha256", r.sha256() == null ? "" : r.sha256());
        m.put("demoTrust", r.demoTrust());
        m.put("findings", r.findings().stream().map(w::finding).toList());
        List<Map<String, Object>> signatures = new ArrayList<>();
        for (SignatureReport s : r.signatures()) {
            Map<String, Object> v = new HashMap<>();
            v.put("field", s.field() == null ? "" : s.field());
            v.put("timestamp", s.documentTimestamp());
            v.put("signer", s.signer() == null ? "" : s.signer());
            v.put("signedFor", w.signedFor(r, s));
            v.put("wrongSigner", Boolean.FALSE.equals(s.designatedSigner()));
            v.put("fullPowers", s.fullPowers().stream().map(w::fullPowers).toList());
            v.put("completion", s.completion() == null ? "" : w.completion(s.completion()));
            v.put("passed", s.passed());
            v.put("indication", s.indication() == null ? "" : s.indication().name());
            v.put("indeterminate", s.indication() == eu.europa.esig.dss.enumerations.Indication.INDETERMINATE);
            v.put("subIndication", s.subIndication() == null ? "" : s.subIndication().name());
            v.put("reason", w.subIndication(s.subIndication()));
            v.put("level", s.level() == null ? "" : s.level());
            v.put("time", s.timestampTime() == null ? "" : Pages.dateTime(s.timestampTime(), lang));
            v.put("claimed", s.signingTime() == null ? "" : Pages.dateTime(s.signingTime(), lang));
            v.put("intact", s.intact());
            v.put("independent", w.independent(s.independentCheck()));
            v.put("independentOutcome", s.independentCheck() == null ? "" : s.independentCheck().outcome().json());
            v.put("anchor", s.trustAnchor() == null ? "" : s.trustAnchor());
            v.put("timestamps", s.timestamps().stream().map(t -> Map.of("kind", w.timestampKind(t.kind()),
                    "time", t.genTime() == null ? "" : Pages.dateTime(t.genTime(), lang), "passed", t.passed(),
                    "result", w.indication(t.indication()), "reason", w.subIndication(t.subIndication()),
                    "tsa", t.tsa() == null ? "" : t.tsa())).toList());
            v.put("changes", w.changes(s.modificationsAfter()));
            v.put("errors", s.errors().stream().map(w::finding).toList());
            signatures.add(v);
        }
        m.put("signatures", signatures);
        checked.issued().ifPresent(i -> m.put("issued", Map.of("revision", i.revision(), "latest", i.latestRevision(),
                "final", i.isFinal(), "later", i.laterSignatures())));
        if (r.agreement() != null) {
            DocumentReport.Agreement a = r.agreement();
            m.put("agreement", Map.of("id", a.id(), "original", a.original(), "originals", a.originals(),
                    "signedBy", a.signedBy().stream().map(p -> a.name(p, lang)).toList(),
                    "missing", r.missingParties().stream().map(p -> a.name(p, lang)).toList(),
                    "entryIntoForce", a.entryIntoForce() == null ? "" : a.entryIntoForce().toString()));
        }
        return m;
    }

    private void download(Context ctx) {
        org.accord.store.BrowserSessions.Kept kept = sessions.get(ctx).recalled(ctx.pathParam("id")).orElseThrow(() ->
                Problem.notFound("this report is no longer kept; verify the file again"));
        String lang = Pages.lang(ctx);
        DocumentReport r = org.accord.verify.KeptReport.thaw(kept.report());
        switch (ctx.pathParam("file")) {
            case "etsi-validation-report.xml" -> {
                if (kept.etsiXml() == null) {
                    throw Problem.notFound("no ETSI report: the file could not be validated");
                }
                attachment(ctx, "application/xml", "etsi-validation-report.xml", kept.etsiXml());
            }
            case "report.html" -> attachment(ctx, "text/html; charset=utf-8", "validation-report-" + lang + ".html",
                    wf.reports().html(r, lang).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "report.pdf" -> attachment(ctx, "application/pdf", "validation-report-" + lang + ".pdf", wf.reports().pdf(r, lang));
            default -> throw Problem.notFound("no such report");
        }
    }

    /** Reports are downloads, never rendered in the page (the HTML report too). */
    private static void attachment(Context ctx, String type, String name, byte[] body) {
        ctx.contentType(type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").result(body);
    }
}
