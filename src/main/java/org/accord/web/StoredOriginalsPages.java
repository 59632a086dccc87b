package org.accord.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.accord.sign.Level;
import org.accord.store.AuditTrail;
import org.accord.store.Revision;
import org.accord.store.StoredAgreement;
import org.accord.store.StoredOriginal;
import org.accord.workflow.Status;
import org.accord.workflow.Workflow;
import org.accord.workflow.WorkflowException;

/**
 * The archivist's list of stored originals: searched by title, party and state, each with its revisions, its audit
 * trail and "extend to B-LTA" (a new revision with validation data and an archive time-stamp).
 */
final class StoredOriginalsPages {

    private static final Set<Role> STAFF = Set.of(Role.SECRETARIAT, Role.ARCHIVIST);
    static final List<String> STATES = List.of("open", "signed", "completed", "declined", "expired");

    private final Workflow wf;
    private final Pages pages;

    StoredOriginalsPages(Workflow wf, Pages pages) {
        this.wf = wf;
        this.pages = pages;
    }

    List<Route> routes() {
        return List.of(
                Route.as(STAFF, HandlerType.GET, "/archive", this::list),
                Route.as(STAFF, HandlerType.GET, "/archive/originals/{id}", ctx -> original(ctx, null)),
                Route.as(STAFF, HandlerType.POST, "/archive/originals/{id}/extend", this::extend));
    }

    private void list(Context ctx) {
        String lang = Pages.lang(ctx);
        String q = clean(ctx.queryParam("q"));
        String requested = ctx.queryParam("state");
        String state = requested != null && STATES.contains(requested) ? requested : "";
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, StoredAgreement> agreements = new HashMap<>();
        for (StoredAgreement a : wf.drafting().list()) {
            agreements.put(a.id(), a);
        }
        for (StoredOriginal o : wf.status().allOriginals()) {
            StoredAgreement a = agreements.get(o.agreementId());
            if (a == null) {
                continue;
            }
            Status.OriginalStatus s = wf.status().of(o.id());
            String roundState = s.round().map(r -> r.state().code()).orElse(s.complete() ? "completed" : "open");
            List<String> parties = s.parties().stream().map(p -> p.name().in(lang)).toList();
            String haystack = (a.titleEn() + " " + a.titleRu() + " " + String.join(" ", s.parties().stream()
                    .map(p -> p.name().en() + " " + p.name().ru() + " " + p.partyId()).toList())).toLowerCase(Locale.ROOT);
            if (!q.isEmpty() && !haystack.contains(q.toLowerCase(Locale.ROOT)) || !state.isEmpty() && !state.equals(roundState)) {
                continue;
            }
            Revision latest = s.revisions().get(s.revisions().size() - 1);
            rows.add(Map.of("id", o.id(), "title", lang.equals("ru") ? a.titleRu() : a.titleEn(), "number", o.number(), "of", o.ofTotal(),
                    "parties", String.join(", ", parties), "state", roundState, "level", latest.level() == null ? "" : latest.level(),
                    "revision", latest.number(), "at", Pages.dateTime(latest.createdAt(), lang)));
        }
        pages.render(ctx, "archive.ftlh", Map.of("rows", rows, "q", q, "state", state, "states", STATES));
    }

    private void original(Context ctx, String error) {
        String lang = Pages.lang(ctx);
        Status.OriginalStatus s = wf.status().of(ctx.pathParam("id"));
        StoredAgreement a = wf.drafting().get(s.original().agreementId());
        AuditTrail.Chain chain = wf.audit().chain();
        String subject = "original:" + s.original().id();
        List<Map<String, Object>> events = chain.events().stream()
                .filter(e -> e.subject().equals(subject) || e.subject().startsWith(subject + "/"))
                .map(e -> Map.<String, Object>of("seq", e.seq(), "at", Pages.dateTime(e.at(), lang), "actor", e.actor(), "action", e.action(),
                        "detail", e.detail() == null ? "" : e.detail(), "hash", e.hash())).toList();
        Map<String, Object> m = new HashMap<>(SecretariatPages.statusView(s, lang));
        m.put("title", lang.equals("ru") ? a.titleRu() : a.titleEn());
        m.put("revisions", s.revisions().stream().map(r -> Map.of("number", r.number(), "kind", r.kind(),
                "party", r.partyId() == null ? "" : r.partyId(), "level", r.level() == null ? "" : r.level(),
                "at", Pages.dateTime(r.createdAt(), lang), "sha256", r.sha256())).toList());
        m.put("events", events);
        m.put("head", chain.head());
        m.put("chainHolds", chain.firstBreak().isEmpty());
        m.put("signed", s.revisions().stream().anyMatch(Revision::signature));
        Object done = pages.takeFlash(ctx, "extended:" + s.original().id());
        if (done != null) {
            m.put("extended", done);
        }
        if (error != null) {
            m.put("error", error);
        }
        pages.render(ctx, "archived.ftlh", m);
    }

    /** Extends the original to B-LTA as a new revision, then shows it (Post/Redirect/Get). */
    private void extend(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            Revision r = wf.archive().extend(id, Level.B_LTA, Auth.current(ctx).username());
            pages.flash(ctx, "extended:" + id, r.number());
            ctx.redirect("/archive/originals/" + id + "#extended", HttpStatus.SEE_OTHER);
        } catch (WorkflowException e) {
            if (e.kind() != WorkflowException.Kind.CONFLICT) {
                throw e;
            }
            ctx.status(409);
            original(ctx, pages.text(Pages.lang(ctx)).get("archive.extend.nothing"));
        }
    }

    private static String clean(String q) {
        return q == null ? "" : q.strip().replaceAll("\\p{Cntrl}", "");
    }
}
