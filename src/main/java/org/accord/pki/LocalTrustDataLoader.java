package org.accord.pki;

import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import java.util.List;

/**
 * DSS's way to the trust services of the sample PKI without a socket: requests under the sample base URL are
 * answered in-process by the same handlers the HTTP server uses; any other URL goes to {@code fallback}.
 */
public final class LocalTrustDataLoader implements DataLoader {

    private static final long serialVersionUID = 1L;

    private final transient TrustServices services;
    private final String baseUrl;
    private final DataLoader fallback;

    /** Routes requests under {@code baseUrl} to {@code services}, and all others to {@code fallback}. */
    public LocalTrustDataLoader(TrustServices services, String baseUrl, DataLoader fallback) {
        this.services = services;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.fallback = fallback;
    }

    @Override
    public byte[] get(String url) {
        return local(url) ? answer("GET", url, new byte[0]) : fallback.get(url);
    }

    @Override
    public DataAndUrl get(List<String> urls) {
        for (String url : urls) {
            if (local(url)) {
                return new DataAndUrl(url, answer("GET", url, new byte[0]));
            }
        }
        return fallback.get(urls);
    }

    @Override
    public byte[] post(String url, byte[] content) {
        return local(url) ? answer("POST", url, content) : fallback.post(url, content);
    }

    @Override
    public void setContentType(String contentType) {
        fallback.setContentType(contentType);
    }

    private boolean local(String url) {
        return url != null && url.startsWith(baseUrl + "/");
    }

    private byte[] answer(String method, String url, byte[] body) {
        TrustServices.Response r = services.handle(method, url.substring(baseUrl.length()), body);
        if (r.status() != 200) {
            throw new DSSException("sample trust service answered " + r.status() + " for " + url);
        }
        return r.body();
    }
}
