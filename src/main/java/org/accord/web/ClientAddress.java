package org.accord.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * The client's address, for throttling and logs. Behind a reverse proxy every request comes from the proxy, so when the
 * peer is one of the configured trusted proxies the address is read from {@code X-Forwarded-For}: the right-most entry
 * that is not itself a trusted proxy (entries further left were written by the client and prove nothing). From any
 * other peer the header is ignored.
 */
final class ClientAddress {

    private static final String ATTRIBUTE = "accord.client";
    private final Set<String> trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = Set.copyOf(trustedProxies);
    }

    /** Before every request: works out the client's address once. */
    void resolve(Context ctx) {
        ctx.attribute(ATTRIBUTE, of(ctx.ip(), ctx.header("X-Forwarded-For")));
    }

    /** Whether {@code peer} is one of the trusted reverse proxies. */
    boolean trusted(String peer) {
        return trusted.contains(peer);
    }

    String of(String peer, String forwardedFor) {
        if (!trusted.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.matches("[0-9A-Fa-f.:]{2,45}")) {
                return peer;
            }
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** The request's client address. */
    static String of(Context ctx) {
        String resolved = ctx.attribute(ATTRIBUTE);
        return resolved != null ? resolved : ctx.ip();
    }
}
