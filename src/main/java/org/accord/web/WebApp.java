package org.accord.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.accord.pki.TrustServices;
import org.accord.workflow.Workflow;

/** The Javalin application: every route of the service, behind one error mapper and one set of security headers. */
public final class WebApp {

    /** What the web layer needs to know of the configuration. */
    /** Failed logins allowed per account and per client address within a window. */
    public record LoginLimits(int perAccount, int perAddress, java.time.Duration window) {
        static final LoginLimits DEFAULT = new LoginLimits(5, 20, java.time.Duration.ofMinutes(15));
    }

    public record Settings(String publicUrl, long maxUploadBytes, boolean mailConfigured, LoginLimits login,
                           io.github.bucket4j.distributed.proxy.ProxyManager<String> buckets,
                           io.micrometer.core.instrument.MeterRegistry metrics, java.util.function.Supplier<String> scrape,
                           List<String> trustedProxies) {

        public Settings(String publicUrl, long maxUploadBytes) {
            this(publicUrl, maxUploadBytes, false, LoginLimits.DEFAULT, null, null, null, List.of());
        }

        public Settings {
            Objects.requireNonNull(publicUrl, "publicUrl cannot be null");
            publicUrl = publicUrl.replaceAll("/+$", "");
            trustedProxies = List.copyOf(trustedProxies);
        }

        boolean tls() {
            return publicUrl.startsWith("https://");
        }
    }

    private WebApp() {
    }

    /**
     * The application, not yet started. {@code trustServices} (may be null) are served under {@code /pki} for tools
     * that fetch the sample PKI's CRLs, OCSP answers and time-stamps over HTTP.
     */
    public static Javalin create(Workflow wf, Settings settings, TrustServices trustServices, BooleanSupplier healthy) {
        Sessions sessions = new Sessions(wf.sessions(), settings.tls(), Clock.systemUTC());
        Pages pages = new Pages(sessions);
        Auth auth = new Auth(wf.users(), sessions, Clock.systemUTC(), new LoginThrottle(settings.buckets(), settings.login(), wf.audit()));
        List<Route> routes = routes(wf, settings, trustServices, healthy);
        routes.addAll(pages(wf, settings, pages, sessions, auth));
        SecurityHeaders headers = new SecurityHeaders(settings.tls());
        long max = settings.maxUploadBytes();
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.maxRequestSize = max;
            cfg.jetty.multipartConfig.maxFileSize(max, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(max + 64 * 1024, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(headers)));
            cfg.staticFiles.enableWebjars();
            ClientAddress clients = new ClientAddress(settings.trustedProxies());
            RequestLog requests = new RequestLog(clients);
            cfg.routes.before(requests::begin);
            cfg.routes.before(headers::apply);
            cfg.routes.before(clients::resolve);
            if (settings.metrics() != null) {
                cfg.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
                cfg.routes.after(ctx -> requestMetric(ctx, settings.metrics()));
            }
            cfg.routes.before(ctx -> bound(ctx, max));
            cfg.routes.before(ctx -> sameOrigin(ctx, settings.publicUrl()));
            cfg.routes.before(ctx -> PublicPages.checkCsrf(ctx, sessions));
            cfg.routes.beforeMatched(auth::check);
            for (Route r : routes) {
                cfg.routes.addHttpHandler(r.method(), r.path(), r.handler(), r.roles().toArray(new Role[0]));
            }
            Problems.register(cfg.routes, pages);
            cfg.routes.after(requests::end);
        });
    }

    /** Every route, in one list: what is registered is what the OpenAPI document is checked against. */
    static List<Route> routes(Workflow wf, Settings settings, TrustServices trustServices, BooleanSupplier healthy) {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.open(HandlerType.GET, "/health", ctx -> health(ctx, healthy, wf)));
        if (settings.scrape() != null) {
            // Prometheus scrapes it with basic_auth as a staff user; it is not for the public
            routes.add(Route.as(java.util.Set.of(Role.SECRETARIAT, Role.ARCHIVIST), HandlerType.GET, "/metrics",
                    ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").header("Cache-Control", "no-store")
                            .result(settings.scrape().get())));
        }
        routes.addAll(Docs.routes(settings.publicUrl()));
        routes.addAll(new SecretariatApi(wf, settings.publicUrl(), settings.mailConfigured()).routes());
        routes.addAll(new SigningApi(wf, settings.maxUploadBytes()).routes());
        routes.addAll(new ArchiveApi(wf, settings.maxUploadBytes()).routes());
        if (trustServices != null) {
            routes.add(Route.open(HandlerType.GET, "/pki/<path>", ctx -> pki(ctx, trustServices)));
            routes.add(Route.open(HandlerType.POST, "/pki/<path>", ctx -> pki(ctx, trustServices)));
        }
        return routes;
    }

    /** The pages: home and login, the secretariat's, the signatory's and the archivist's. */
    static List<Route> pages(Workflow wf, Settings settings, Pages pages, Sessions sessions, Auth auth) {
        List<Route> routes = new ArrayList<>(new PublicPages(pages, sessions, auth).routes());
        routes.addAll(new SecretariatPages(wf, pages, settings.publicUrl(), settings.mailConfigured()).routes());
        routes.addAll(new SigningPages(wf, pages, settings.maxUploadBytes()).routes());
        routes.addAll(new ArchivePages(wf, pages, sessions, settings.maxUploadBytes()).routes());
        routes.addAll(new StoredOriginalsPages(wf, pages).routes());
        routes.add(Route.open(HandlerType.GET, "/static/<file>", WebApp::staticFile));
        return routes;
    }

    private static final String STARTED = "accord.started";

    /** One request: its route (the path template, never a token), method and status, and how long it took. */
    private static void requestMetric(Context ctx, io.micrometer.core.instrument.MeterRegistry registry) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        io.micrometer.core.instrument.Timer.builder("http.server.requests").description("requests by route and status")
                .tag("method", ctx.method().name()).tag("route", RequestLog.route(ctx))
                .tag("status", String.valueOf(ctx.statusCode())).register(registry)
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** The pages' own CSS and scripts, from the jar; nothing else under /static. */
    private static void staticFile(Context ctx) {
        String name = ctx.pathParam("file");
        if (!name.matches("[a-z0-9-]+\\.(css|js|svg)")) {
            throw Problem.notFound("no such file");
        }
        try (java.io.InputStream in = WebApp.class.getClassLoader().getResourceAsStream("templates/web/static/" + name)) {
            if (in == null) {
                throw Problem.notFound("no such file");
            }
            ctx.contentType(name.endsWith(".css") ? "text/css; charset=utf-8" : name.endsWith(".svg") ? "image/svg+xml"
                            : "text/javascript; charset=utf-8")
                    .header("Cache-Control", "no-cache").result(in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void health(Context ctx, BooleanSupplier healthy, Workflow wf) {
        boolean up = healthy.getAsBoolean();
        org.accord.verify.Verifier.Load load = wf.archive().load();
        ctx.status(up ? 200 : 503).json(Views.ordered("status", up ? "UP" : "DOWN", "database", up ? "UP" : "DOWN",
                "verifications", Views.ordered("running", load.running(), "abandoned", load.abandoned(),
                        "threads", load.threads(), "abandonedSinceStart", load.abandonedTotal(), "refusedSinceStart", load.refused())));
    }

    private static void pki(Context ctx, TrustServices services) {
        TrustServices.Response r = services.handle(ctx.method().name(), "/" + ctx.pathParam("path"), ctx.bodyAsBytes());
        ctx.status(r.status()).contentType(r.contentType()).result(r.body());
    }

    /**
     * Refuses a state-changing request that a browser sent from another site (Fetch Metadata, then Origin): a
     * browser that once answered the Basic prompt would otherwise lend its credentials to any page. Clients that
     * are not browsers send neither header and are not affected.
     */
    static void sameOrigin(Context ctx, String publicUrl) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            // a browser that sends Fetch Metadata says where the request came from; trust it over Origin, which
            // is "null" for form posts under Referrer-Policy: no-referrer
            if (!site.equals("same-origin") && !site.equals("none")) {
                throw new Problem(403, "cross-site", "Cross-site request refused", "this request came from another site ("
                        + site + ")");
            }
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals(origin(publicUrl)) && !origin.equals(ctx.scheme() + "://" + ctx.host())) {
            throw new Problem(403, "cross-site", "Cross-site request refused", "this request came from another origin");
        }
    }

    private static String origin(String url) {
        java.net.URI u = java.net.URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    /** Refuses a body larger than allowed before anything reads it. */
    private static void bound(Context ctx, long max) {
        long length = ctx.req().getContentLengthLong();
        if (length > max) {
            throw Problems.fromStatus(413, "the request is " + length + " bytes; at most " + max + " are accepted");
        }
    }
}
