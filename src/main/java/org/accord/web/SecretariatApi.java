package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.model.DesignatedSigner;
import org.accord.model.Language;
import org.accord.render.Layout;
import org.accord.sign.Level;
import org.accord.store.StoredAgreement;
import org.accord.workflow.Issuing;
import org.accord.workflow.Workflow;
import org.accord.workflow.WorkflowException;

/** Drafting agreements, previewing them, issuing originals and following their status. */
final class SecretariatApi {

    private static final Set<Role> SECRETARIAT = Set.of(Role.SECRETARIAT);
    private static final Set<Role> STAFF = Set.of(Role.SECRETARIAT, Role.ARCHIVIST);

    private final Workflow wf;
    private final String publicUrl;
    private final boolean mailConfigured;

    SecretariatApi(Workflow wf, String publicUrl, boolean mailConfigured) {
        this.wf = wf;
        this.publicUrl = publicUrl;
        this.mailConfigured = mailConfigured;
    }

    List<Route> routes() {
        return List.of(
                Route.as(SECRETARIAT, HandlerType.POST, "/api/agreements", this::create),
                Route.as(STAFF, HandlerType.GET, "/api/agreements", ctx -> ctx.json(Map.of("agreements",
                        wf.drafting().list().stream().map(Views::agreement).toList()))),
                Route.as(STAFF, HandlerType.GET, "/api/agreements/{id}", this::agreement),
                Route.as(SECRETARIAT, HandlerType.DELETE, "/api/agreements/{id}", ctx -> {
                    wf.drafting().delete(ctx.pathParam("id"), Auth.current(ctx).username());
                    ctx.status(204);
                }),
                Route.as(SECRETARIAT, HandlerType.GET, "/api/agreements/{id}/preview", this::preview),
                Route.as(SECRETARIAT, HandlerType.POST, "/api/agreements/{id}/originals", this::issue),
                Route.as(SECRETARIAT, HandlerType.POST, "/api/originals/{id}/full-powers/{party}", this::fullPowers),
                Route.as(STAFF, HandlerType.GET, "/api/originals/{id}", ctx -> ctx.json(Views.status(
                        wf.status().of(ctx.pathParam("id"))))),
                Route.as(STAFF, HandlerType.GET, "/api/originals/{id}/pdf", ctx -> Pdfs.send(ctx,
                        wf.status().latestPdf(ctx.pathParam("id")), wf.status().fileName(ctx.pathParam("id"), null))),
                Route.as(STAFF, HandlerType.GET, "/api/originals/{id}/revisions/{n}/pdf", this::revision),
                Route.as(SECRETARIAT, HandlerType.POST, "/api/originals/{id}/links/{party}", this::newLink),
                Route.as(STAFF, HandlerType.GET, "/api/originals/{id}/certificate", ctx -> Pdfs.send(ctx,
                        wf.rounds().certificate(ctx.pathParam("id")).orElseThrow(() -> new WorkflowException(
                                WorkflowException.Kind.NOT_FOUND, "original " + ctx.pathParam("id")
                                + " has no signing certificate (it is made once every party has signed)")),
                        wf.status().certificateFileName(ctx.pathParam("id")))),
                Route.as(SECRETARIAT, HandlerType.GET, "/api/outbox", ctx -> ctx.json(Map.of("mailConfigured", mailConfigured,
                        "messages", wf.outbox().recent(200).stream().map(Views::message).toList()))),
                Route.as(SECRETARIAT, HandlerType.POST, "/api/outbox/{id}/handed-over", this::handedOver));
    }

    private void handedOver(Context ctx) {
        if (!wf.outbox().handedOver(ctx.pathParam("id"), Auth.current(ctx).username())) {
            throw wf.outbox().find(ctx.pathParam("id")).isEmpty()
                    ? new WorkflowException(WorkflowException.Kind.NOT_FOUND, "there is no message " + ctx.pathParam("id"))
                    : new WorkflowException(WorkflowException.Kind.CONFLICT, "the message was sent or handed over before");
        }
        ctx.status(204);
    }

    private void create(Context ctx) {
        String type = String.valueOf(ctx.contentType()).toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/yaml") && !type.startsWith("application/x-yaml") && !type.startsWith("text/yaml")
                && !type.startsWith("application/json")) {
            throw Problems.fromStatus(415, "send the agreement as application/yaml or application/json");
        }
        String id = wf.drafting().create(ctx.bodyAsBytes(), Auth.current(ctx).username());
        ctx.status(201).header("Location", "/api/agreements/" + id).json(Map.of("id", id));
    }

    private void agreement(Context ctx) {
        StoredAgreement a = wf.drafting().get(ctx.pathParam("id"));
        ctx.json(Views.agreement(a, wf.drafting().model(a), wf.status().originalsOf(a.id())));
    }

    static final String LAYOUTS = "layout must be parallel, sequential or separate";

    private void preview(Context ctx) {
        Layout layout = parse(LAYOUTS, () -> Layout.of(ctx.queryParamAsClass("layout", String.class).getOrDefault("parallel")));
        Language lang = parse("lang must be en or ru", () -> Language.valueOf(ctx.queryParamAsClass("lang", String.class).getOrDefault("en")
                .toUpperCase(java.util.Locale.ROOT)));
        var draft = wf.drafting().previewFile(ctx.pathParam("id"), layout, lang);
        Pdfs.send(ctx, draft.bytes(), draft.fileName());
    }

    private void issue(Context ctx) {
        JsonNode body = Json.read(ctx.bodyAsBytes());
        Layout layout = parse(LAYOUTS, () -> Layout.of(body.path("layout").asText("parallel")));
        char[] seal = null;
        Level level = Level.B_LT;
        if (body.path("certify").asBoolean(false)) {
            if (!wf.issuing().sealNeedsPassword()) {
                seal = new char[0]; // the seal is in a token, logged in at start with the PIN of signing.pkcs11.pinFile
            } else if (!body.path("sealPassword").isTextual()) {
                throw Problem.badRequest("certify needs sealPassword, the password of the secretariat's seal");
            } else {
                seal = body.path("sealPassword").asText().toCharArray();
            }
            level = parse("sealLevel must be B-T, B-LT or B-LTA", () -> Level.of(body.path("sealLevel").asText("B-LT")));
        }
        List<Issuing.Issued> issued;
        try {
            issued = wf.issuing().issue(ctx.pathParam("id"), layout, seal, level, signers(body.path("signers")),
                    roundOptions(body), Auth.current(ctx).username());
        } finally {
            if (seal != null) {
                java.util.Arrays.fill(seal, '\0');
            }
        }
        ctx.status(201).json(Map.of("originals", issued.stream().map(i -> {
            Map<String, String> links = new LinkedHashMap<>();
            i.tokens().forEach((party, token) -> links.put(party, signingUrl(token)));
            return Views.ordered("id", i.original().id(), "number", i.original().number(), "custodian", i.original().custodian(),
                    "href", "/api/originals/" + i.original().id(), "signingLinks", links);
        }).toList()));
    }

    /** {@code order} ("any" or "listed") and {@code emails} (party id → address) of an issuing request. */
    static Issuing.RoundOptions roundOptions(JsonNode body) {
        Boolean ordered = null;
        JsonNode order = body.path("order");
        if (!order.isMissingNode() && !order.isNull()) {
            if (!order.isTextual() || !List.of("any", "listed").contains(order.asText())) {
                throw Problem.badRequest("order must be \"any\" (parties sign in any order) or \"listed\" (in the order of the "
                        + "agreement's parties)");
            }
            ordered = order.asText().equals("listed");
        }
        JsonNode emails = body.path("emails");
        Map<String, String> addresses = new LinkedHashMap<>();
        if (!emails.isMissingNode() && !emails.isNull()) {
            if (!emails.isObject()) {
                throw Problem.badRequest("emails must be an object: party id → mail address");
            }
            var fields = emails.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                if (!e.getValue().isTextual()) {
                    throw Problem.badRequest("emails." + e.getKey() + ": must be a mail address such as name@example.org");
                }
                addresses.put(e.getKey(), e.getValue().asText().strip());
            }
        }
        return new Issuing.RoundOptions(ordered, addresses);
    }

    /** {@code signers}: per party id, how its designated signer's certificate is recognised (400 when malformed). */
    static Map<String, DesignatedSigner> signers(JsonNode signers) {
        if (signers.isMissingNode() || signers.isNull()) {
            return Map.of();
        }
        if (!signers.isObject()) {
            throw Problem.badRequest("signers must be an object: party id → {name, organization, issuer, fingerprints}");
        }
        Map<String, DesignatedSigner> result = new LinkedHashMap<>();
        var fields = signers.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String where = "signers." + e.getKey();
            JsonNode s = e.getValue();
            if (!s.isObject() || !s.path("name").isTextual() || s.path("name").asText().isBlank()) {
                throw Problem.badRequest(where + ".name: the name the signatory's certificate carries is required");
            }
            String issuer = text(s, "issuer");
            String fingerprint = DesignatedSigner.normaliseFingerprint(issuer);
            if (issuer != null && fingerprint == null) {
                throw Problem.badRequest(where + ".issuer: not a SHA-256 fingerprint (64 hexadecimal digits, colons allowed)");
            }
            List<String> certificates = new java.util.ArrayList<>();
            JsonNode list = s.path("fingerprints");
            if (!list.isMissingNode() && !list.isArray()) {
                throw Problem.badRequest(where + ".fingerprints: must be a list of SHA-256 fingerprints");
            }
            for (JsonNode f : list) {
                String c = DesignatedSigner.normaliseFingerprint(f.asText());
                if (c == null) {
                    throw Problem.badRequest(where + ".fingerprints: '" + f.asText() + "' is not a SHA-256 fingerprint");
                }
                certificates.add(c);
            }
            result.put(e.getKey(), new DesignatedSigner(s.path("name").asText().strip(), text(s, "organization"), fingerprint,
                    certificates));
        }
        return result;
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }

    private void fullPowers(Context ctx) {
        byte[] pdf = Uploads.part(ctx, "file", org.accord.workflow.Signing.MAX_FULL_POWERS);
        var attached = wf.signing().attachFullPowers(ctx.pathParam("id"), ctx.pathParam("party"), Uploads.fileName(ctx, "file"), pdf,
                Auth.current(ctx).username());
        ctx.status(201).json(Views.fullPowers(attached));
    }

    private void revision(Context ctx) {
        int n = parse("the revision number must be a whole number from 0", () -> Integer.parseInt(ctx.pathParam("n")));
        if (n < 0) {
            throw Problem.badRequest("the revision number must be a whole number from 0");
        }
        Pdfs.send(ctx, wf.status().revisionPdf(ctx.pathParam("id"), n), wf.status().fileName(ctx.pathParam("id"), n));
    }

    private void newLink(Context ctx) {
        String token = wf.issuing().newLink(ctx.pathParam("id"), ctx.pathParam("party"), Auth.current(ctx).username());
        ctx.status(201).json(Map.of("party", ctx.pathParam("party"), "signingLink", signingUrl(token)));
    }

    private String signingUrl(String token) {
        return publicUrl + "/sign/" + token;
    }

    /**
     * A parameter parsed, or 400 with {@code refusal}: our own words saying what is accepted, never the parser's message
     * (a JDK or library message names classes and echoes input the client already has).
     */
    static <T> T parse(String refusal, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(refusal);
        }
    }
}
