package org.accord.pki;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The trust services over HTTP on 127.0.0.1, under {@code /pki}: for the command line and for tests. */
public final class TrustServicesServer implements AutoCloseable {

    /** The path under which the services are mounted; the sample PKI's URLs end in it. */
    public static final String PREFIX = "/pki";
    /** Requests larger than this are refused (a time-stamp or OCSP request is a few hundred bytes). */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    private TrustServicesServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Serves {@code services} on 127.0.0.1:{@code port} (0 = any free port). */
    public static TrustServicesServer start(TrustServices services, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(PREFIX, exchange -> answer(services, exchange));
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.start();
        return new TrustServicesServer(server, executor);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL to put in certificates, e.g. {@code http://127.0.0.1:7070/pki}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + PREFIX;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void answer(TrustServices services, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            TrustServices.Response r = body.length > MAX_REQUEST_BYTES
                    ? new TrustServices.Response(413, "text/plain", "request too large".getBytes())
                    : services.handle(exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath().substring(PREFIX.length()), body);
            exchange.getResponseHeaders().set("Content-Type", r.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(r.status(), r.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(r.body());
            }
        }
    }
}
