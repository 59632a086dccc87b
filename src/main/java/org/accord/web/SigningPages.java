package org.accord.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accord.render.Renderer;
import org.accord.sign.Place;
import org.accord.sign.SigningRefusedException;
import org.accord.sign.TrustServiceException;
import org.accord.sign.WrongSignerException;
import org.accord.store.Revision;
import org.accord.workflow.Signing;
import org.accord.workflow.Workflow;
import org.accord.workflow.WorkflowException;

/**
 * The signatory's page behind a personal link: both language texts, the PDF, place and date, the ways to sign,
 * and clear words when a password is wrong, a link is used or expired, or the field is already signed.
 */
final class SigningPages {

    private final Workflow wf;
    private final Pages pages;
    private final long maxUpload;

    SigningPages(Workflow wf, Pages pages, long maxUpload) {
        this.wf = wf;
        this.pages = pages;
        this.maxUpload = maxUpload;
    }

    List<Route> routes() {
        return List.of(
                Route.open(HandlerType.GET, "/sign/{token}", ctx -> show(ctx, null, null)),
                Route.open(HandlerType.POST, "/sign/{token}", this::sign),
                Route.open(HandlerType.POST, "/sign/{token}/full-powers", this::attachFullPowers),
                Route.open(HandlerType.POST, "/sign/{token}/decline", this::decline),
                // the language switch of a page answered to the form's POST lands here: back to the signing page
                Route.open(HandlerType.GET, "/sign/{token}/decline", ctx -> ctx.redirect("/sign/"
                        + java.net.URLEncoder.encode(ctx.pathParam("token"), java.nio.charset.StandardCharsets.UTF_8)
                        + ("ru".equals(ctx.queryParam("lang")) ? "?lang=ru" : "en".equals(ctx.queryParam("lang")) ? "?lang=en" : "")
                        + "#decline", HttpStatus.SEE_OTHER)));
    }

    private void show(Context ctx, String error, String place) {
        show(ctx, error, place, null);
    }

    private java.util.Optional<Signing.Link> link(Context ctx) {
        try {
            return java.util.Optional.of(wf.signing().view(ctx.pathParam("token")));
        } catch (WorkflowException e) {
            return java.util.Optional.empty();
        }
    }

    /** The refusal of a certificate that is not the party's designated signer's, in the reader's language. */
    static String wrongSigner(Map<String, String> t, WrongSignerException e, String lang) {
        return t.get("sign.error.wrongSigner").replace("{0}", e.certificateName())
                .replace("{1}", "ru".equals(lang) ? e.party().ru() : e.party().en()).replace("{2}", e.designatedName());
    }

    /** The page; {@code keystoreError} is shown next to the keystore field. */
    private void show(Context ctx, String error, String place, String keystoreError) {
        String lang = Pages.lang(ctx);
        Signing.Link link;
        try {
            link = wf.signing().view(ctx.pathParam("token"));
        } catch (WorkflowException e) {
            if (pages.takeFlash(ctx, "declined:" + ctx.pathParam("token")) != null) {
                Map<String, String> t = pages.text(lang);
                pages.render(ctx, "declined.ftlh", Map.of());
                return;
            }
            gone(ctx, e);
            return;
        }
        Map<String, Object> m = new HashMap<>();
        wf.signing().notYet(link).ifPresent(why -> m.put("notYet", why));
        Object declineError = ctx.attribute("declineError");
        if (declineError != null) {
            m.put("declineError", declineError);
        }
        m.put("token", ctx.pathParam("token"));
        m.put("agreement", link.model());
        m.put("pieces", Renderer.pieces(link.model()));
        m.put("tx", Renderer.filler(link.model()));
        m.put("party", link.party());
        m.put("original", link.original());
        m.put("today", Pages.date(Instant.now(), lang));
        m.put("holdsKey", wf.signing().holdsKey(link));
        wf.signing().designated(link).ifPresent(d -> m.put("designated", Map.of("name", d.name(),
                "organization", d.organization() == null ? "" : d.organization())));
        m.put("expires", Pages.dateTime(link.invitation().expiresAt(), lang));
        m.put("place", place == null ? "" : place);
        String placeRu = ctx.method() == HandlerType.POST ? ctx.formParam("placeRu") : null;
        m.put("placeRu", placeRu == null ? "" : placeRu);
        String method = ctx.method() == HandlerType.POST ? ctx.formParam("method") : null;
        if (method != null && java.util.Set.of("held", "browser", "p12").contains(method)) {
            m.put("method", method);
        }
        java.util.Optional<Revision> signed = wf.signing().signature(link);
        if (signed.isPresent()) {
            m.put("signed", Map.of("signer", signed.get().signer(), "at", Pages.dateTime(signed.get().signedAt(), lang),
                    "level", signed.get().level()));
        }
        if (error != null) {
            m.put("error", error);
            // shown next to the field it concerns (which gets the focus), or above the button, never out of sight
            Object field = ctx.attribute("errorField");
            m.put("errorField", field == null ? "top" : field.toString());
        }
        if (keystoreError != null) {
            m.put("keystoreError", keystoreError);
        }
        m.put("fullPowers", wf.signing().fullPowers(link).stream().map(f -> Map.of("fileName", f.fileName(), "sha256", f.sha256(),
                "size", f.size())).toList());
        m.put("fullPowersRequired", link.model().fullPowersRequired());
        pages.render(ctx, "sign.ftlh", m);
    }

    /** The signatory's full powers, uploaded from the page before signing. */
    private void attachFullPowers(Context ctx) {
        Map<String, String> t = pages.text(Pages.lang(ctx));
        String token = ctx.pathParam("token");
        try {
            wf.signing().open(token);
            byte[] pdf = Uploads.optionalPart(ctx, "fullPowers", org.accord.workflow.Signing.MAX_FULL_POWERS);
            if (pdf == null) {
                ctx.status(400);
                show(ctx, t.get("sign.fullPowers.choose"), null);
                return;
            }
            wf.signing().attachFullPowers(token, Uploads.fileName(ctx, "fullPowers"), pdf);
            ctx.redirect("/sign/" + token, HttpStatus.SEE_OTHER);
        } catch (WorkflowException e) {
            switch (e.kind()) {
                case NOT_FOUND, GONE -> gone(ctx, e);
                case CONFLICT -> {
                    ctx.status(409);
                    show(ctx, t.get("sign.fullPowers.conflict"), null);
                }
                default -> {
                    ctx.status(422);
                    show(ctx, t.get("sign.fullPowers.invalid"), null);
                }
            }
        }
    }

    /** The signatory declines, with a reason; then the page says so (Post/Redirect/Get). */
    private void decline(Context ctx) {
        String token = ctx.pathParam("token");
        Map<String, String> t = pages.text(Pages.lang(ctx));
        try {
            wf.signing().decline(token, ctx.formParam("reason"));
            pages.flash(ctx, "declined:" + token, Boolean.TRUE);
            ctx.redirect("/sign/" + token, HttpStatus.SEE_OTHER);
        } catch (WorkflowException e) {
            switch (e.kind()) {
                case NOT_FOUND, GONE -> gone(ctx, e);
                case INVALID -> {
                    ctx.status(400);
                    ctx.attribute("declineError", t.get("sign.decline.required"));
                    show(ctx, null, null);
                }
                default -> {
                    ctx.status(409);
                    show(ctx, e.getMessage(), null);
                }
            }
        }
    }

    private void gone(Context ctx, WorkflowException e) {
        Map<String, String> t = pages.text(Pages.lang(ctx));
        boolean unknown = e.kind() == WorkflowException.Kind.NOT_FOUND;
        ctx.attribute(Problems.WRITTEN, Boolean.TRUE);
        ctx.status(unknown ? 404 : 410);
        pages.render(ctx, "error.ftlh", Map.of("status", unknown ? 404 : 410,
                "title", t.get(unknown ? "sign.unknown" : "sign.gone"), "detail", t.get(unknown ? "sign.unknown.detail" : "sign.gone.detail")));
    }

    private void sign(Context ctx) {
        Map<String, String> t = pages.text(Pages.lang(ctx));
        String token = ctx.pathParam("token");
        String place = ctx.formParam("place");
        String placeRu = ctx.formParam("placeRu");
        if (!SigningApi.placeOk(place) || !SigningApi.placeOk(placeRu)) {
            ctx.status(400);
            ctx.attribute("errorField", "place");
                show(ctx, t.get("sign.error.place"), place);
            return;
        }
        Place where = new Place(place, placeRu);
        String password = ctx.formParam("password");
        if (password == null || password.isEmpty()) {
            ctx.status(400);
            ctx.attribute("errorField", "password");
                show(ctx, t.get("sign.error.password"), place);
            return;
        }
        if ("browser".equals(ctx.formParam("method"))) {
            // the page signs in the browser with JavaScript; a form posted without it is not used
            ctx.status(400);
            ctx.attribute("errorField", "form");
                show(ctx, t.get("sign.error.javascript"), place);
            return;
        }
        char[] secret = password.toCharArray();
        try {
            if ("p12".equals(ctx.formParam("method"))) {
                byte[] p12 = Uploads.optionalPart(ctx, "keystore", maxUpload);
                if (p12 == null) {
                    ctx.status(400);
                    ctx.attribute("errorField", "keystore");
                show(ctx, t.get("sign.error.keystore"), place);
                    return;
                }
                wf.signing().withKeystore(token, where, p12, secret);
            } else {
                wf.signing().withHeldKey(token, where, secret);
            }
            ctx.redirect("/sign/" + token, HttpStatus.SEE_OTHER);
        } catch (WorkflowException e) {
            switch (e.kind()) {
                case NOT_FOUND -> gone(ctx, e);
                case GONE -> {
                    if (e.getCause() instanceof WorkflowException) {
                        ctx.status(410);
                        pages.render(ctx, "error.ftlh", Map.of("status", 410, "title", t.get("sign.withdrawn"),
                                "detail", t.get("sign.withdrawn.detail")));
                    } else {
                        gone(ctx, e);
                    }
                }
                case FORBIDDEN -> {
                    ctx.status(403);
                    ctx.attribute("errorField", "password");
                show(ctx, t.get("sign.error.wrongPassword"), place);
                }
                case CONFLICT -> {
                    ctx.status(409);
                    boolean powers = link(ctx).map(l -> l.model().fullPowersRequired() && wf.signing().fullPowers(l).isEmpty()).orElse(false);
                    show(ctx, t.get(powers ? "sign.fullPowers.required" : "sign.error.conflict"), place);
                }
                case INVALID -> {
                    ctx.status(422);
                    ctx.attribute("errorField", "keystore");
                show(ctx, t.get("sign.error.keystoreUnusable"), place);
                }
                default -> throw e;
            }
        } catch (WrongSignerException e) {
            ctx.status(422);
            show(ctx, null, place, wrongSigner(t, e, Pages.lang(ctx)));
        } catch (SigningRefusedException e) {
            ctx.status(422);
            ctx.attribute("errorField", "form");
            show(ctx, t.get("sign.error.refused") + " " + e.getMessage(), place);
        } catch (TrustServiceException e) {
            ctx.status(502);
            ctx.attribute("errorField", "form");
                show(ctx, t.get("sign.error.tsa"), place);
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
    }
}
