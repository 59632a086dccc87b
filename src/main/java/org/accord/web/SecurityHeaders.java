package org.accord.web;

import io.javalin.http.Context;

/** Headers on every response: a strict CSP without unsafe-inline, no sniffing, no framing, no referrer. */
final class SecurityHeaders {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final boolean tls;

    SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        // signing links carry their token in the path: never hand it to another site
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        if (tls) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/sign/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
