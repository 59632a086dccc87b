package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.accord.model.Party;
import org.accord.sign.Place;
import org.accord.store.Revision;
import org.accord.workflow.Signing;
import org.accord.workflow.Workflow;

/**
 * The signatory's API, reached only through a signing link: the token in the path names the party and the
 * original; nothing in the request can name another.
 */
final class SigningApi {

    private final Workflow wf;
    private final long maxUpload;

    SigningApi(Workflow wf, long maxUpload) {
        this.wf = wf;
        this.maxUpload = maxUpload;
    }

    List<Route> routes() {
        return List.of(
                Route.open(HandlerType.GET, "/api/sign/{token}", this::describe),
                Route.open(HandlerType.GET, "/api/sign/{token}/pdf", ctx -> {
                    Signing.Link link = wf.signing().view(ctx.pathParam("token"));
                    Pdfs.send(ctx, wf.signing().latestPdf(link), wf.status().fileName(link.original().id(), null));
                }),
                Route.open(HandlerType.POST, "/api/sign/{token}", this::sign),
                Route.open(HandlerType.POST, "/api/sign/{token}/full-powers", this::fullPowers),
                Route.open(HandlerType.POST, "/api/sign/{token}/data-to-sign", this::dataToSign),
                Route.open(HandlerType.POST, "/api/sign/{token}/signature", this::signature),
                Route.open(HandlerType.GET, "/download/{token}", this::download),
                Route.open(HandlerType.POST, "/api/sign/{token}/decline", ctx -> {
                    JsonNode body = Json.read(ctx.bodyAsBytes());
                    wf.signing().decline(ctx.pathParam("token"), body.path("reason").isTextual() ? body.path("reason").asText() : null);
                    ctx.status(204);
                }));
    }

    /** A completed original (or its certificate) behind a time-limited link from a completion mail. */
    private void download(Context ctx) {
        var d = wf.rounds().download(ctx.pathParam("token"));
        Pdfs.send(ctx, wf.status().revisionPdf(d.originalId(), d.revision()), wf.status().fileName(d.originalId(), d.revision()));
    }

    private void fullPowers(Context ctx) {
        byte[] pdf = Uploads.part(ctx, "file", Signing.MAX_FULL_POWERS);
        var attached = wf.signing().attachFullPowers(ctx.pathParam("token"), Uploads.fileName(ctx, "file"), pdf);
        ctx.status(201).json(Views.fullPowers(attached));
    }

    private void describe(Context ctx) {
        Signing.Link link = wf.signing().view(ctx.pathParam("token"));
        Party p = link.party();
        java.util.Optional<String> notYet = wf.signing().notYet(link);
        ctx.json(Views.ordered("agreement", Views.ordered("title", Views.text(link.model().title()),
                        "shortTitle", Views.text(link.model().shortTitle())),
                "original", Views.ordered("number", link.original().number(), "of", link.original().ofTotal(),
                        "custodian", link.original().custodian()),
                "party", Views.ordered("id", p.id(), "name", Views.text(p.name()), "signatory", Views.text(p.signatory().name()),
                        "function", Views.text(p.signatory().function())),
                "link", Views.ordered("state", link.invitation().state(java.time.Instant.now()).name().toLowerCase(),
                        "expiresAt", Views.str(link.invitation().expiresAt())),
                "fullPowers", wf.signing().fullPowers(link).stream().map(Views::fullPowers).toList(),
                "fullPowersRequired", link.model().fullPowersRequired(),
                "canSignNow", notYet.isEmpty(),
                "notYet", notYet.orElse(null),
                "pdf", "/api/sign/" + ctx.pathParam("token") + "/pdf"));
    }

    private void sign(Context ctx) {
        String token = ctx.pathParam("token");
        wf.signing().open(token); // an unknown or spent link is refused before an upload of up to the bound is parsed
        Place place = place(Uploads.field(ctx, "place"), Uploads.field(ctx, "placeRu"));
        String password = Uploads.field(ctx, "password");
        if (password == null) {
            throw Problem.badRequest("password is required: the password of the key held for you, or of your keystore");
        }
        char[] secret = password.toCharArray();
        try {
            Revision r = Uploads.has(ctx, "keystore")
                    ? wf.signing().withKeystore(token, place, Uploads.part(ctx, "keystore", maxUpload), secret)
                    : wf.signing().withHeldKey(token, place, secret);
            signed(ctx, r);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private void dataToSign(Context ctx) {
        wf.signing().open(ctx.pathParam("token"));
        JsonNode body = Json.read(ctx.bodyAsBytes());
        List<X509Certificate> chain = new ArrayList<>();
        for (JsonNode c : body.path("certificates")) {
            chain.add(certificate(c.asText()));
        }
        if (chain.isEmpty()) {
            throw Problem.badRequest("certificates must list the signer's certificate first, then its issuers (base64 DER or PEM)");
        }
        Signing.DataToSign data = wf.signing().dataToSign(ctx.pathParam("token"),
                place(body.path("place").asText(null), body.path("placeRu").asText(null)), chain);
        ctx.json(Views.ordered("dataToSign", Base64.getEncoder().encodeToString(data.data()), "algorithm", data.algorithm(),
                "expiresAt", data.expires().toString()));
    }

    private void signature(Context ctx) {
        wf.signing().open(ctx.pathParam("token"));
        JsonNode body = Json.read(ctx.bodyAsBytes());
        byte[] value;
        try {
            value = Base64.getDecoder().decode(body.path("signatureValue").asText(""));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("signatureValue must be base64");
        }
        if (value.length == 0) {
            throw Problem.badRequest("signatureValue is required (base64; ECDSA as DER or r||s)");
        }
        signed(ctx, wf.signing().complete(ctx.pathParam("token"), value));
    }

    private static void signed(Context ctx, Revision r) {
        ctx.status(201).json(Views.ordered("party", r.partyId(), "signer", r.signer(), "signedAt", Views.str(r.signedAt()),
                "level", r.level(), "revision", r.number(), "sha256", r.sha256(),
                "pdf", "/api/sign/" + ctx.pathParam("token") + "/pdf"));
    }

    /**
     * Where the signatory signs: {@code place} in English and {@code placeRu} in Russian as after «в» (both complete the
     * signature block; an original made before place fields takes {@code place} alone).
     */
    private static Place place(String place, String placeRu) {
        if (place == null || place.isBlank()) {
            throw Problem.badRequest("place is required: where you sign, in English, as on paper (e.g. Astana)");
        }
        check("place", place);
        if (placeRu != null && !placeRu.isBlank()) {
            check("placeRu", placeRu);
        }
        return new Place(place, placeRu);
    }

    /** The signer's own rule for a place (one line, the fonts' characters, at most 80), as a 400 before any work. */
    private static void check(String name, String value) {
        try {
            org.accord.sign.Completion.requirePlace(value, name);
        } catch (org.accord.sign.SigningRefusedException e) {
            throw Problem.badRequest(e.getMessage());
        }
    }

    /** Whether a place from the signing form can complete a signature block. */
    static boolean placeOk(String value) {
        try {
            org.accord.sign.Completion.requirePlace(value, "place");
            return true;
        } catch (org.accord.sign.SigningRefusedException e) {
            return false;
        }
    }

    private static X509Certificate certificate(String text) {
        String b64 = text.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(b64);
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw Problem.badRequest("a certificate is not base64 DER or PEM X.509");
        }
    }

}
