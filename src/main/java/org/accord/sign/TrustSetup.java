package org.accord.sign;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.accord.pki.LocalTrustDataLoader;
import org.accord.pki.TrustServices;

/**
 * Where signing gets its time-stamps and revocation data, and which roots it trusts when it checks its own
 * output. {@code description} says which, for the user.
 */
public record TrustSetup(String tsaUrl, List<X509Certificate> anchors, DataLoader loader, String description) {

    public TrustSetup {
        Objects.requireNonNull(tsaUrl, "tsaUrl cannot be null");
        anchors = List.copyOf(anchors);
        Objects.requireNonNull(loader, "loader cannot be null");
    }

    /**
     * The sample PKI's trust services answered in-process: no socket, nothing to start. URLs under
     * {@code baseUrl} (as baked into the sample certificates) are routed to {@code services}.
     */
    public static TrustSetup local(TrustServices services, String baseUrl) {
        DataLoader loader = new LocalTrustDataLoader(services, baseUrl, online());
        return new TrustSetup(baseUrl + org.accord.pki.PkiFiles.TSA_PATH, List.of(services.rootCertificate()), loader,
                "the sample trust services, in-process (demo only)");
    }

    /** A time-stamping authority and revocation services reached over HTTP. */
    public static TrustSetup online(String tsaUrl, List<X509Certificate> anchors) {
        return new TrustSetup(tsaUrl, anchors, online(), "the time-stamping authority at " + tsaUrl);
    }

    private static DataLoader online() {
        CommonsDataLoader loader = new CommonsDataLoader();
        loader.setTimeoutConnection(10_000);
        loader.setTimeoutResponse(20_000);
        return loader;
    }
}
