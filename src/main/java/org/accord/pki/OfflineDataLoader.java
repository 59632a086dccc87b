package org.accord.pki;

import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import java.util.List;

/** The network, when the user has not allowed it: every request fails at once, so validation never waits. */
public final class OfflineDataLoader implements DataLoader {

    private static final long serialVersionUID = 1L;

    @Override
    public byte[] get(String url) {
        throw new DSSException("offline (use --online to fetch " + url + ")");
    }

    @Override
    public DataAndUrl get(List<String> urls) {
        throw new DSSException("offline (use --online to fetch " + urls + ")");
    }

    @Override
    public byte[] post(String url, byte[] content) {
        throw new DSSException("offline (use --online to post to " + url + ")");
    }

    @Override
    public void setContentType(String contentType) {
        // nothing is sent
    }
}
