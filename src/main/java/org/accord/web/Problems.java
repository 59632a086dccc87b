package org.accord.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.accord.model.InvalidAgreementException;
import org.accord.pki.KeystoreException;
import org.accord.render.RenderException;
import org.accord.sign.SigningRefusedException;
import org.accord.sign.WrongSignerException;
import org.accord.sign.TrustServiceException;
import org.accord.store.ConflictException;
import org.accord.store.DuplicateTitleException;
import org.accord.verify.UnusableInputException;
import org.accord.verify.VerifierBusyException;
import org.accord.workflow.WorkflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become responses: RFC 9457 problem+json for the API, an error page in the
 * reader's language for pages; never a stack trace.
 */
final class Problems {

    static final String TYPE_BASE = "https://accord.invalid/problems/";
    static final String CONTENT_TYPE = "application/problem+json";
    static final String WRITTEN = "accord.problem";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    static void register(RoutesConfig routes, Pages pages) {
        routes.exception(Problem.class, (e, ctx) -> write(ctx, pages, e));
        routes.exception(WorkflowException.class, (e, ctx) -> write(ctx, pages, switch (e.kind()) {
            case NOT_FOUND -> new Problem(404, "not-found", "Not found", e.getMessage());
            case GONE -> new Problem(410, "link-gone", "Signing link no longer usable", e.getMessage());
            case CONFLICT -> new Problem(409, "conflict", "Conflict", e.getMessage());
            case FORBIDDEN -> new Problem(403, "wrong-password", "Wrong password", e.getMessage());
            case INVALID -> new Problem(422, "invalid", "Unusable input", e.getMessage());
        }));
        routes.exception(InvalidAgreementException.class, (e, ctx) -> write(ctx, pages, new Problem(422, "invalid-agreement",
                "The agreement is not valid", e.problems().size() + " problem(s); see problems",
                Map.of("problems", e.problems()), e)));
        routes.exception(SigningRefusedException.class, (e, ctx) -> write(ctx, pages, e instanceof WrongSignerException w
                ? new Problem(422, "wrong-signer", "Not the designated signatory", e.getMessage(), wrongSigner(w), null)
                : new Problem(422, "signing-refused", "Signing refused", e.getMessage(), cause(ctx, e), null)));
        routes.exception(KeystoreException.class, (e, ctx) -> write(ctx, pages, e.wrongPassword()
                ? new Problem(403, "wrong-password", "Wrong password", "the password does not unlock the key")
                : new Problem(422, "invalid-keystore", "Unusable keystore", e.getMessage(), cause(ctx, e), null)));
        routes.exception(UnusableInputException.class, (e, ctx) -> write(ctx, pages,
                new Problem(422, "unusable-document", "Unusable document", e.getMessage(), Map.of("code", e.reason().code()), null)));
        routes.exception(VerifierBusyException.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            write(ctx, pages, new Problem(503, "busy", "Busy", "every verification slot is taken; try again in "
                    + e.retryAfterSeconds() + " s", Map.of("retryAfter", e.retryAfterSeconds()), null));
        });
        routes.exception(DuplicateTitleException.class, (e, ctx) -> write(ctx, pages, new Problem(409, "duplicate-title",
                "Title already drafted", e.getMessage(), Map.of("existing", e.existingId()), null)));
        routes.exception(ConflictException.class, (e, ctx) -> write(ctx, pages,
                new Problem(409, "conflict", "Conflict", e.getMessage())));
        routes.exception(TrustServiceException.class, (e, ctx) -> {
            write(ctx, pages, new Problem(502, "trust-service", "Trust service failed", e.getMessage(), cause(ctx, e), null));
        });
        routes.exception(RenderException.class, (e, ctx) -> write(ctx, pages, incident(ctx, e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, pages, fromStatus(e.getStatus(), e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> write(ctx, pages, incident(ctx, e)));
        for (int status : new int[] {404, 405, 413, 415}) {
            routes.error(status, ctx -> {
                if (ctx.attribute(WRITTEN) == null) {
                    write(ctx, pages, fromStatus(status, null));
                }
            });
        }
    }

    /**
     * A refusal whose cause came from a library: the cause is logged under an incident id, and only the id goes with
     * the answer (the library's words stay in the log). None when there is no cause.
     */
    private static Map<String, Object> cause(Context ctx, Exception e) {
        if (e.getCause() == null) {
            return Map.of();
        }
        String id = incidentId(ctx);
        LOG.warn("incident {} on {} {}: {} (cause: {})", id, ctx.method(), RequestLog.route(ctx), e.getMessage(), e.getCause().toString());
        return Map.of("incident", id);
    }

    /** A failure of ours: logged with an incident id, answered with that id and nothing of the cause. */
    private static Problem incident(Context ctx, Exception e) {
        String id = incidentId(ctx);
        LOG.error("incident {} on {} {}", id, ctx.method(), RequestLog.route(ctx), e);
        return new Problem(500, "internal", "Internal error", "the service failed; incident " + id + " is logged",
                Map.of("incident", id), e);
    }

    /** The request's id, so that the incident a user reports leads to every log line of its request. */
    private static String incidentId(Context ctx) {
        String id = RequestLog.id(ctx);
        return id != null ? id : UUID.randomUUID().toString();
    }

    static Problem fromStatus(int status, String message) {
        return switch (status) {
            case 400 -> Problem.badRequest(message == null ? "the request cannot be read" : message);
            case 401 -> new Problem(401, "unauthorized", "Authentication required", "log in as the secretariat or the archivist");
            case 403 -> new Problem(403, "forbidden", "Forbidden", message == null ? "not allowed" : message);
            case 404 -> Problem.notFound("no such resource");
            case 405 -> new Problem(405, "method-not-allowed", "Method not allowed", "this resource does not accept that method");
            case 413 -> new Problem(413, "too-large", "Request too large", message == null ? "the request is larger than allowed" : message);
            case 415 -> new Problem(415, "unsupported-media-type", "Unsupported media type",
                    message == null ? "this resource does not accept that content type" : message);
            default -> new Problem(status, "http-" + status, "HTTP " + status, message == null ? "" : message);
        };
    }

    /** Whether the request is for a page (answered in HTML) rather than the API. */
    static boolean page(Context ctx) {
        String path = ctx.path();
        return !path.startsWith("/api/") && !path.startsWith("/pki/") && !path.equals("/openapi.json") && !path.equals("/health");
    }

    /** Writes a problem as the request wants it: an error page for a page, problem+json otherwise. */
    static void write(Context ctx, Pages pages, Problem p) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
        if (page(ctx)) {
            Map<String, String> t = pages.text(Pages.lang(ctx));
            ctx.status(p.status());
            pages.render(ctx, "error.ftlh", Map.of("status", p.status(),
                    "title", t.getOrDefault("problem." + p.slug(), p.title()),
                    "detail", t.containsKey("problem." + p.slug() + ".detail") ? t.get("problem." + p.slug() + ".detail") : p.getMessage()));
            return;
        }
        json(ctx, p);
    }

    private static void json(Context ctx, Problem p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + p.slug());
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.getMessage());
        body.put("instance", ctx.path());
        body.putAll(p.extensions());
        ctx.status(p.status()).contentType(CONTENT_TYPE).result(Json.write(body));
        if (p.status() == 401) {
            ctx.header("WWW-Authenticate", "Basic realm=\"Accord\", charset=\"UTF-8\"");
        }
    }

    /** What a wrong-signer refusal says, as values a page can word in its own language. */
    static Map<String, Object> wrongSigner(WrongSignerException e) {
        return Map.of("code", "wrong-signer", "party", e.partyId(), "partyName", Map.of("en", e.party().en(), "ru", e.party().ru()),
                "certificateName", e.certificateName(), "designatedSigner", e.designatedName(),
                "mismatches", e.mismatches().stream().map(m -> m.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
