package org.accord.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.sign.Level;
import org.accord.store.AuditTrail;
import org.accord.store.Revision;
import org.accord.workflow.Archive;
import org.accord.workflow.Workflow;

/** Verification of any PDF, extension of stored originals, and the audit trail. */
final class ArchiveApi {

    private static final Set<Role> STAFF = Set.of(Role.SECRETARIAT, Role.ARCHIVIST);
    private static final Set<Role> ARCHIVIST = Set.of(Role.ARCHIVIST);

    private final Workflow wf;
    private final long maxUpload;

    ArchiveApi(Workflow wf, long maxUpload) {
        this.wf = wf;
        this.maxUpload = maxUpload;
    }

    List<Route> routes() {
        return List.of(
                Route.as(STAFF, HandlerType.POST, "/api/verify", this::verify),
                Route.as(ARCHIVIST, HandlerType.POST, "/api/originals/{id}/extend", this::extend),
                Route.as(STAFF, HandlerType.GET, "/api/audit", this::audit));
    }

    private void verify(Context ctx) {
        byte[] pdf = Uploads.part(ctx, "file", maxUpload);
        String name = java.util.Objects.requireNonNullElse(Uploads.fileName(ctx, "file"), "upload.pdf");
        Archive.Checked checked = wf.archive().verify(name, pdf, Auth.current(ctx).username());
        org.accord.verify.Finding error = checked.verification().report().error();
        if (error != null) {
            throw new Problem(422, "unusable-document", "Unusable document", error.message(), Map.of("code", error.code()), null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documents", List.of(checked.verification().report()));
        checked.issued().ifPresent(i -> body.put("issued", Views.ordered("originalId", i.originalId(), "revision", i.revision(),
                "latestRevision", i.latestRevision(), "final", i.isFinal(), "laterSignatures", i.laterSignatures(),
                "summary", i.isFinal() ? "the latest revision of this original"
                        : "revision " + i.revision() + " of " + i.latestRevision() + "; the final original carries "
                        + i.laterSignatures() + " more signature(s)")));
        ctx.json(body);
    }

    private void extend(Context ctx) {
        Level level = SecretariatApi.parse("level must be B-LT or B-LTA", () -> Level.of(ctx.queryParamAsClass("level", String.class).getOrDefault("B-LTA")));
        if (level != Level.B_LT && level != Level.B_LTA) {
            throw Problem.badRequest("level must be B-LT or B-LTA");
        }
        Revision r = wf.archive().extend(ctx.pathParam("id"), level, Auth.current(ctx).username());
        ctx.status(201).json(Views.revision(r));
    }

    private void audit(Context ctx) {
        AuditTrail.Chain chain = wf.audit().chain();
        ctx.header("Content-Disposition", "attachment; filename=\"accord-audit.json\"");
        ctx.json(Views.ordered("chainValid", chain.firstBreak().isEmpty(), "firstBreak", chain.firstBreak().orElse(null),
                "head", chain.head(), "hashAlgorithm", "SHA-256 over length-prefixed fields and the previous hash",
                "events", chain.events().stream().map(e -> Views.ordered("seq", e.seq(), "at", e.at().toString(), "actor", e.actor(),
                        "action", e.action(), "subject", e.subject(), "documentSha256", e.documentSha256(), "detail", e.detail(),
                        "prevHash", e.prevHash(), "hash", e.hash())).toList()));
    }
}
