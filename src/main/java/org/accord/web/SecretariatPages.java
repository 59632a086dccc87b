package org.accord.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.model.Agreement;
import org.accord.model.DesignatedSigner;
import org.accord.model.InvalidAgreementException;
import org.accord.store.DuplicateTitleException;
import org.accord.render.Layout;
import org.accord.sign.Level;
import org.accord.store.StoredAgreement;
import org.accord.store.StoredOriginal;
import org.accord.workflow.Issuing;
import org.accord.workflow.Status;
import org.accord.workflow.Workflow;
import org.accord.workflow.WorkflowException;

/** The secretariat's dashboard: agreements, creating one, previews, issuing originals, links and live status. */
final class SecretariatPages {

    private static final Set<Role> SECRETARIAT = Set.of(Role.SECRETARIAT);
    /** The agreements bundled with Accord, offered as examples to start from. */
    static final Map<String, String> EXAMPLES = Map.of(
            "cica-sco-rats-2017", "templates/agreements/cica-sco-rats-2017.yaml",
            "interpol-impact-2012", "templates/agreements/interpol-impact-2012.yaml");

    private final Workflow wf;
    private final Pages pages;
    private final String publicUrl;

    private final boolean mailConfigured;

    SecretariatPages(Workflow wf, Pages pages, String publicUrl, boolean mailConfigured) {
        this.wf = wf;
        this.pages = pages;
        this.publicUrl = publicUrl;
        this.mailConfigured = mailConfigured;
    }

    List<Route> routes() {
        return List.of(
                Route.as(SECRETARIAT, HandlerType.GET, "/dashboard", ctx -> dashboard(ctx, null, null)),
                Route.as(SECRETARIAT, HandlerType.POST, "/agreements", this::create),
                Route.as(SECRETARIAT, HandlerType.GET, "/agreements/{id}", this::agreement),
                Route.as(SECRETARIAT, HandlerType.POST, "/agreements/{id}/originals", this::issue),
                // the address the issuing form posts to, opened directly: the agreement's page lists its originals
                Route.as(SECRETARIAT, HandlerType.GET, "/agreements/{id}/originals",
                        ctx -> ctx.redirect("/agreements/" + wf.drafting().get(ctx.pathParam("id")).id(), HttpStatus.SEE_OTHER)),
                Route.as(SECRETARIAT, HandlerType.POST, "/agreements/{id}/delete", this::delete),
                Route.as(SECRETARIAT, HandlerType.GET, "/originals/{id}", this::original),
                Route.as(SECRETARIAT, HandlerType.POST, "/originals/{id}/links/{party}", this::newLink),
                Route.as(SECRETARIAT, HandlerType.POST, "/originals/{id}/full-powers/{party}", this::attachFullPowers),
                Route.as(SECRETARIAT, HandlerType.GET, "/outbox", ctx -> pages.render(ctx, "outbox.ftlh", Map.of("messages",
                        messages(wf.outbox().recent(200), Pages.lang(ctx)), "mailConfigured", mailConfigured,
                        "handed", handed(ctx)))),
                Route.as(SECRETARIAT, HandlerType.POST, "/outbox/{id}/handed-over", this::handedOver));
    }

    /** Marks a waiting mail handed over, then returns to the page it was marked on (Post/Redirect/Get). */
    private void handedOver(Context ctx) {
        wf.outbox().handedOver(ctx.pathParam("id"), Auth.current(ctx).username());
        String next = ctx.formParam("next");
        // only our own pages: an absolute path without a scheme or a second slash
        String id = ctx.pathParam("id");
        pages.flash(ctx, "handed", id);
        ctx.redirect((next != null && next.matches("/(outbox|originals/[0-9a-f-]{36})") ? next : "/outbox") + "#message-" + id,
                HttpStatus.SEE_OTHER);
    }

    /** The message just marked handed over, once, to say so next to it ("" when none). */
    private String handed(Context ctx) {
        Object id = pages.takeFlash(ctx, "handed");
        return id == null ? "" : id.toString();
    }

    /** Outbox messages as the pages show them; a waiting mail with its personal link. */
    static List<Map<String, Object>> messages(List<org.accord.store.Outbox.Message> messages, String lang) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var m : messages) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", m.id());
            row.put("channel", m.channel());
            row.put("kind", m.kind());
            row.put("recipient", m.recipient());
            row.put("subject", m.subject());
            row.put("state", m.state().name().toLowerCase(java.util.Locale.ROOT));
            row.put("attempts", m.attempts());
            row.put("lastError", m.lastError() == null ? "" : m.lastError());
            row.put("created", Pages.dateTime(m.createdAt(), lang));
            row.put("sent", Pages.dateTime(m.sentAt(), lang));
            if (m.state() == org.accord.store.Outbox.State.PENDING && "mail".equals(m.channel())) {
                row.put("body", m.body());
                if (m.link() != null) {
                    row.put("link", m.link());
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private void dashboard(Context ctx, List<String> problems, String existing) {
        String lang = Pages.lang(ctx);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StoredAgreement a : wf.drafting().list()) {
            List<StoredOriginal> originals = wf.status().originalsOf(a.id());
            int complete = (int) originals.stream().filter(o -> wf.status().of(o.id()).complete()).count();
            rows.add(Map.of("id", a.id(), "title", lang.equals("ru") ? a.titleRu() : a.titleEn(), "created",
                    Pages.dateTime(a.createdAt(), lang), "originals", originals.size(), "complete", complete));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("agreements", rows);
        model.put("examples", EXAMPLES.keySet().stream().sorted().toList());
        if (problems != null) {
            model.put("problems", problems);
            if (existing != null) {
                model.put("existing", existing);
            } else {
                ctx.status(422);
            }
        }
        pages.render(ctx, "dashboard.ftlh", model);
    }

    private void create(Context ctx) throws IOException {
        String example = ctx.formParam("example");
        byte[] source = Uploads.optionalPart(ctx, "file", org.accord.model.AgreementReader.MAX_BYTES);
        if (source == null && example != null && EXAMPLES.containsKey(example)) {
            try (InputStream in = SecretariatPages.class.getClassLoader().getResourceAsStream(EXAMPLES.get(example))) {
                source = in != null ? in.readAllBytes() : Files.readAllBytes(Path.of(EXAMPLES.get(example)));
            }
        }
        if (source == null) {
            dashboard(ctx, List.of(pages.text(Pages.lang(ctx)).get("dashboard.choose")), null);
            return;
        }
        try {
            String id = wf.drafting().create(source, Auth.current(ctx).username());
            ctx.redirect("/agreements/" + id, HttpStatus.SEE_OTHER);
        } catch (InvalidAgreementException e) {
            dashboard(ctx, e.problems(), null);
        } catch (DuplicateTitleException e) {
            ctx.status(409);
            dashboard(ctx, List.of(pages.text(Pages.lang(ctx)).get("dashboard.duplicate")), e.existingId());
        }
    }

    /** Deletes a draft once the box saying so is ticked, then shows the dashboard (Post/Redirect/Get). */
    private void delete(Context ctx) {
        StoredAgreement a = wf.drafting().get(ctx.pathParam("id"));
        if (!"yes".equals(ctx.formParam("confirm"))) {
            ctx.status(400);
            agreementPage(ctx, a, null, pages.text(Pages.lang(ctx)).get("agreement.delete.unconfirmed"));
            return;
        }
        try {
            wf.drafting().delete(a.id(), Auth.current(ctx).username());
        } catch (WorkflowException e) {
            ctx.status(e.kind() == WorkflowException.Kind.CONFLICT ? 409 : 400);
            agreementPage(ctx, a, null, pages.text(Pages.lang(ctx)).get("agreement.delete.issued"));
            return;
        }
        ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
    }

    @SuppressWarnings("unchecked")
    private void agreement(Context ctx) {
        StoredAgreement a = wf.drafting().get(ctx.pathParam("id"));
        agreementPage(ctx, a, (List<Map<String, Object>>) pages.takeFlash(ctx, "issued:" + a.id()), null);
    }

    private void agreementPage(Context ctx, StoredAgreement a, List<Map<String, Object>> issuedLinks, String error) {
        String lang = Pages.lang(ctx);
        Agreement model = wf.drafting().model(a);
        Map<String, Object> m = new HashMap<>();
        m.put("a", a);
        m.put("title", lang.equals("ru") ? a.titleRu() : a.titleEn());
        m.put("parties", model.parties().stream().map(p -> {
            DesignatedSigner d = p.signatory().certificate();
            return Map.of("id", p.id(), "name", p.name().in(lang), "signatory", p.signatory().name().in(lang),
                    "certName", d.name(), "certOrganization", d.organization() == null ? "" : d.organization(),
                    "certIssuer", d.issuer() == null ? "" : d.issuer(), "certFingerprints", String.join(" ", d.certificates()));
        }).toList());
        m.put("originalsToIssue", model.finalClause().originals());
        m.put("sealNeedsPassword", wf.issuing().sealNeedsPassword());
        m.put("created", Pages.dateTime(a.createdAt(), lang));
        List<Map<String, Object>> originals = new ArrayList<>();
        for (StoredOriginal o : wf.status().originalsOf(a.id())) {
            originals.add(statusView(wf.status().of(o.id()), lang));
        }
        m.put("originals", originals);
        if (issuedLinks != null) {
            m.put("issued", issuedLinks);
        }
        if (error != null) {
            m.put("error", error);
        }
        pages.render(ctx, "agreement.ftlh", m);
    }

    private void issue(Context ctx) {
        StoredAgreement a = wf.drafting().get(ctx.pathParam("id"));
        Layout layout = SecretariatApi.parse(SecretariatApi.LAYOUTS, () -> Layout.of(String.valueOf(ctx.formParam("layout"))));
        String sealPassword = ctx.formParam("sealPassword");
        char[] seal = !"on".equals(ctx.formParam("certify")) ? null : !wf.issuing().sealNeedsPassword() ? new char[0]
                : sealPassword != null ? sealPassword.toCharArray() : null;
        List<Issuing.Issued> issued;
        Map<String, DesignatedSigner> signers;
        try {
            signers = signers(ctx, wf.drafting().model(a));
        } catch (Problem e) {
            ctx.status(400);
            agreementPage(ctx, a, null, pages.text(Pages.lang(ctx)).get("issue.failed.signer").replace("{0}", e.getMessage()));
            return;
        }
        try {
            issued = wf.issuing().issue(a.id(), layout, seal, Level.B_LT, signers, Auth.current(ctx).username());
        } catch (WorkflowException e) {
            ctx.status(e.kind() == WorkflowException.Kind.FORBIDDEN ? 403 : e.kind() == WorkflowException.Kind.CONFLICT ? 409 : 422);
            agreementPage(ctx, a, null, pages.text(Pages.lang(ctx)).get("issue.failed." + e.kind().name().toLowerCase()));
            return;
        } finally {
            if (seal != null) {
                java.util.Arrays.fill(seal, '\0');
            }
        }
        String lang = Pages.lang(ctx);
        Agreement model = wf.drafting().model(a);
        List<Map<String, Object>> links = new ArrayList<>();
        for (Issuing.Issued i : issued) {
            List<Map<String, String>> byParty = new ArrayList<>();
            model.parties().forEach(p -> byParty.add(Map.of("id", p.id(), "name", p.shortName().in(lang),
                    "url", publicUrl + "/sign/" + i.tokens().get(p.id()))));
            links.add(Map.of("number", i.original().number(), "id", i.original().id(), "links", byParty));
        }
        // Post/Redirect/Get: the links are shown once on the agreement's page; a reload shows its originals instead of
        // sending the form again
        pages.flash(ctx, "issued:" + a.id(), links);
        ctx.redirect("/agreements/" + a.id() + "#signing-links", HttpStatus.SEE_OTHER);
    }

    /** The designated signers as the form gives them ({@code signer.<party>.name} …); a party left out keeps the data's. */
    private static Map<String, DesignatedSigner> signers(Context ctx, Agreement model) {
        com.fasterxml.jackson.databind.node.ObjectNode all = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (org.accord.model.Party p : model.parties()) {
            String prefix = "signer." + p.id() + ".";
            if (ctx.formParam(prefix + "name") == null) {
                continue;
            }
            com.fasterxml.jackson.databind.node.ObjectNode one = all.putObject(p.id());
            one.put("name", ctx.formParam(prefix + "name"));
            one.put("organization", ctx.formParam(prefix + "organization"));
            one.put("issuer", ctx.formParam(prefix + "issuer"));
            com.fasterxml.jackson.databind.node.ArrayNode prints = one.putArray("fingerprints");
            String written = ctx.formParam(prefix + "fingerprints");
            if (written != null && !written.isBlank()) {
                for (String f : written.strip().split("[\\s,;]+")) {
                    prints.add(f);
                }
            }
        }
        return SecretariatApi.signers(all);
    }

    private void original(Context ctx) {
        originalPage(ctx, null);
    }

    /** A party's full powers, uploaded by the secretariat on the original's page. */
    private void attachFullPowers(Context ctx) {
        Map<String, String> t = pages.text(Pages.lang(ctx));
        byte[] pdf = Uploads.optionalPart(ctx, "fullPowers", org.accord.workflow.Signing.MAX_FULL_POWERS);
        if (pdf == null) {
            ctx.status(400);
            originalPage(ctx, t.get("sign.fullPowers.choose"));
            return;
        }
        try {
            wf.signing().attachFullPowers(ctx.pathParam("id"), ctx.pathParam("party"), Uploads.fileName(ctx, "fullPowers"), pdf,
                    Auth.current(ctx).username());
        } catch (WorkflowException e) {
            if (e.kind() == WorkflowException.Kind.NOT_FOUND) {
                throw e;
            }
            ctx.status(e.kind() == WorkflowException.Kind.CONFLICT ? 409 : 422);
            originalPage(ctx, t.get(e.kind() == WorkflowException.Kind.CONFLICT ? "sign.fullPowers.conflict" : "sign.fullPowers.invalid"));
            return;
        }
        ctx.redirect("/originals/" + ctx.pathParam("id"), HttpStatus.SEE_OTHER);
    }

    private void originalPage(Context ctx, String error) {
        String lang = Pages.lang(ctx);
        Status.OriginalStatus s = wf.status().of(ctx.pathParam("id"));
        StoredAgreement a = wf.drafting().get(s.original().agreementId());
        Map<String, Object> m = new HashMap<>(statusView(s, lang));
        m.put("agreementId", a.id());
        m.put("title", lang.equals("ru") ? a.titleRu() : a.titleEn());
        m.put("revisions", s.revisions().stream().map(r -> Map.of("number", r.number(), "kind", r.kind(),
                "party", r.partyId() == null ? "" : r.partyId(), "at", Pages.dateTime(r.createdAt(), lang),
                "sha256", r.sha256(), "size", r.size())).toList());
        List<Map<String, Object>> powers = new ArrayList<>();
        for (Status.PartyStatus p : s.parties()) {
            powers.add(Map.of("id", p.partyId(), "name", p.name().in(lang), "signed", p.signature().isPresent(),
                    "files", wf.signing().fullPowers(s.original().id(), p.partyId()).stream()
                            .map(f -> Map.of("fileName", f.fileName(), "sha256", f.sha256())).toList()));
        }
        m.put("fullPowers", powers);
        m.put("messages", messages(wf.outbox().ofOriginal(s.original().id()).stream()
                .filter(x -> "mail".equals(x.channel())).toList(), lang));
        m.put("mailConfigured", mailConfigured);
        m.put("handed", handed(ctx));
        Object fresh = pages.takeFlash(ctx, "newLink:" + s.original().id());
        if (fresh != null) {
            m.put("newLink", fresh);
        }
        if (error != null) {
            m.put("error", error);
        }
        pages.render(ctx, "original.ftlh", m);
    }

    /**
     * Makes a new link for a party, then shows it once on the original's page (Post/Redirect/Get: reloading that page
     * shows the status again and makes no other link). A party that has signed takes none: the page says so.
     */
    private void newLink(Context ctx) {
        String lang = Pages.lang(ctx);
        String id = ctx.pathParam("id");
        Status.OriginalStatus s = wf.status().of(id);
        java.util.Optional<Status.PartyStatus> party = s.parties().stream().filter(p -> p.partyId().equals(ctx.pathParam("party")))
                .findFirst();
        if (party.isPresent() && party.get().signature().isPresent()) {
            ctx.status(409);
            originalPage(ctx, pages.text(lang).get("link.replace.signed"));
            return;
        }
        String token;
        try {
            token = wf.issuing().newLink(id, ctx.pathParam("party"), Auth.current(ctx).username());
        } catch (org.accord.workflow.WorkflowException e) {
            if (e.kind() != org.accord.workflow.WorkflowException.Kind.CONFLICT && e.kind() != org.accord.workflow.WorkflowException.Kind.GONE) {
                throw e;
            }
            ctx.status(409);
            originalPage(ctx, e.getMessage());
            return;
        }
        pages.flash(ctx, "newLink:" + id, Map.of("party", party.map(p -> p.name().in(lang)).orElse(ctx.pathParam("party")),
                "url", publicUrl + "/sign/" + token));
        ctx.redirect("/originals/" + id + "#new-link", HttpStatus.SEE_OTHER);
    }

    /** An original's status as the pages show it. */
    static Map<String, Object> statusView(Status.OriginalStatus s, String lang) {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (Status.PartyStatus p : s.parties()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", p.partyId());
            row.put("name", p.name().in(lang));
            row.put("signed", p.signature().isPresent());
            row.put("signer", p.signature().map(r -> r.signer()).orElse(""));
            row.put("at", p.signature().map(r -> Pages.dateTime(r.signedAt(), lang)).orElse(""));
            row.put("link", p.link().name().toLowerCase());
            parties.add(row);
        }
        Map<String, Object> view = new HashMap<>(Map.of("id", s.original().id(), "number", s.original().number(), "of",
                s.original().ofTotal(), "complete", s.complete(), "parties", parties,
                "latest", s.revisions().get(s.revisions().size() - 1).number(), "certificate", s.certificate()));
        s.round().ifPresent(r -> {
            Map<String, Object> round = new HashMap<>();
            round.put("state", r.state().code());
            round.put("ordered", r.ordered());
            round.put("deadline", Pages.dateTime(r.deadline(), lang));
            round.put("declinedBy", r.endedBy() == null ? "" : s.parties().stream().filter(p -> p.partyId().equals(r.endedBy()))
                    .findFirst().map(p -> p.name().in(lang)).orElse(r.endedBy()));
            round.put("reason", r.reason() == null ? "" : r.reason());
            view.put("round", round);
            for (Map<String, Object> row : parties) {
                r.party((String) row.get("id")).ifPresent(rp -> {
                    row.put("invited", Pages.dateTime(rp.invitedAt(), lang));
                    row.put("reminded", Pages.dateTime(rp.remindedAt(), lang));
                });
            }
        });
        return view;
    }
}
