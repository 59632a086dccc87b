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

    /** The headers every response carries, whoever writes it (a route, or Jetty's own error handling). */
    java.util.Map<String, String> fixed() {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        // signing links carry their token in the path: never hand it to another site
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        if (tls) {
            h.put("Strict-Transport-Security", "max-age=31536000");
        }
        return h;
    }

    void apply(Context ctx) {
        fixed().forEach(ctx::header);
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/sign/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
