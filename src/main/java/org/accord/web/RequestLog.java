package org.accord.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.UUID;
import org.accord.store.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per request, written when it ends, and the request id every line written meanwhile carries (MDC
 * {@code request}), which is also the {@code X-Request-Id} response header and the incident id of a failure. The line
 * names the route (the path template), never the path: signing links carry their token in it.
 */
final class RequestLog {

    static final String MDC_KEY = "request";
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final String ID = "accord.request.id";
    private static final String STARTED = "accord.request.started";
    private static final String HEADER = "X-Request-Id";
    private final ClientAddress clients;

    RequestLog(ClientAddress clients) {
        this.clients = clients;
    }

    /** Before anything else: the request's id (a trusted proxy's, when well-formed, else a new one) in the MDC. */
    void begin(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && given.matches("[A-Za-z0-9._-]{8,64}") && clients.trusted(ctx.ip())
                ? given : UUID.randomUUID().toString().replace("-", "");
        ctx.attribute(ID, id);
        ctx.attribute(STARTED, System.nanoTime());
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** After everything, exceptions mapped included: the request's line, then the MDC is cleared for the thread. */
    void end(Context ctx) {
        try {
            Long started = ctx.attribute(STARTED);
            if (started == null || !LOG.isInfoEnabled()) {
                return;
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            User user = Auth.current(ctx);
            String route = route(ctx);
            LOG.atInfo().addKeyValue("method", ctx.method().name()).addKeyValue("route", route)
                    .addKeyValue("status", ctx.statusCode()).addKeyValue("ms", ms).addKeyValue("client", ClientAddress.of(ctx))
                    .addKeyValue("user", user == null ? "-" : user.username())
                    .log("{} {} {} {} ms client={} user={}", ctx.method().name(), route, ctx.statusCode(), ms, ClientAddress.of(ctx),
                            user == null ? "-" : user.username());
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The request's id, or null outside a request. */
    static String id(Context ctx) {
        return ctx.attribute(ID);
    }

    /** What logs may say of the request's target: its route's path template, or {@code unmatched}. */
    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }
}
