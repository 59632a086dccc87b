package org.accord.verify;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.FileCacheDataLoader;
import eu.europa.esig.dss.spi.client.http.IgnoreDataLoader;
import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import eu.europa.esig.dss.spi.x509.CertificateSource;
import eu.europa.esig.dss.tsl.job.TLValidationJob;
import eu.europa.esig.dss.tsl.source.LOTLSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EU list of trusted lists (LOTL) and the national lists it points to, as trust anchors: refreshed over
 * the network into a file cache with {@code online}, read from that cache alone otherwise (archives are often
 * offline). The LOTL's own signature is checked against {@code lotlSigners} when given.
 */
public final class TrustedLists {

    /** The EU LOTL's address. */
    public static final String EU_LOTL = "https://ec.europa.eu/tools/lotl/eu-lotl.xml";

    private TrustedLists() {
    }

    /** What was loaded: the certificate source to trust, and how many trusted entity keys it holds. */
    public record Loaded(CertificateSource source, int trustedEntityKeys) {
    }

    public static Loaded load(Path cacheDir, boolean online, String lotlUrl, CertificateSource lotlSigners) throws IOException {
        Files.createDirectories(cacheDir);
        TrustedListsCertificateSource trusted = new TrustedListsCertificateSource();
        LOTLSource lotl = new LOTLSource();
        lotl.setUrl(lotlUrl);
        lotl.setPivotSupport(true);
        if (lotlSigners != null) {
            lotl.setCertificateSource(lotlSigners);
        }
        TLValidationJob job = new TLValidationJob();
        job.setListOfTrustedListSources(lotl);
        job.setTrustedListCertificateSource(trusted);
        FileCacheDataLoader offline = new FileCacheDataLoader(new IgnoreDataLoader());
        offline.setFileCacheDirectory(cacheDir.toFile());
        offline.setCacheExpirationTime(-1);
        job.setOfflineDataLoader(offline);
        if (online) {
            FileCacheDataLoader refresh = new FileCacheDataLoader(new CommonsDataLoader());
            refresh.setFileCacheDirectory(cacheDir.toFile());
            refresh.setCacheExpirationTime(0);
            job.setOnlineDataLoader(refresh);
            job.onlineRefresh();
        } else {
            job.offlineRefresh();
        }
        return new Loaded(trusted, trusted.getNumberOfTrustedEntityKeys());
    }
}
