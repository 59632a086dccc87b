package org.accord.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.accord.pki.KeystoreException;
import org.accord.pki.PkiFiles;
import org.accord.pki.TrustServices;
import org.accord.sign.TrustSetup;
import picocli.CommandLine.Option;

/** Where time-stamps and revocation data come from: a configured TSA, or the sample trust services in-process. */
final class TrustOptions {

    static final String DEFAULT_PKI = "keystores-sample";

    @Option(names = "--tsa", paramLabel = "URL",
            description = "RFC 3161 time-stamping authority. Default: $ACCORD_TSA_URL, else the sample trust services in-process.")
    String tsa;

    @Option(names = "--trust", paramLabel = "CERT.pem",
            description = "A trusted root (repeatable). Default: the sample root (root-ca.pem of --pki).")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--pki", paramLabel = "DIR",
            description = "The sample PKI. Default: $ACCORD_PKI_DIR, else " + DEFAULT_PKI + " (of the installation, when run from one).")
    Path pki;

    Path pkiDir() {
        if (pki != null) {
            return pki;
        }
        String env = System.getenv("ACCORD_PKI_DIR");
        return env == null || env.isBlank() ? org.accord.pki.Home.samplePki() : Path.of(env);
    }

    /** The trust setup these options describe. */
    TrustSetup setup() throws IOException {
        String url = tsa != null ? tsa : System.getenv("ACCORD_TSA_URL");
        if (url != null && !url.isBlank()) {
            List<X509Certificate> anchors = new ArrayList<>();
            List<Path> roots = trust.isEmpty() ? List.of(pkiDir().resolve(PkiFiles.ROOT_PEM)) : trust;
            for (Path root : roots) {
                anchors.add(certificate(root));
            }
            return TrustSetup.online(url, anchors);
        }
        TrustServices services = TrustServices.load(pkiDir(), Clock.systemUTC());
        return TrustSetup.local(services, services.baseUrl());
    }

    /** The CA certificates a key's chain may be completed from: the sample PKI's issuing CA and root, and --trust. */
    List<X509Certificate> issuers() throws IOException {
        List<Path> files = new ArrayList<>(List.of(pkiDir().resolve(PkiFiles.ISSUING_PEM), pkiDir().resolve(PkiFiles.ROOT_PEM)));
        files.addAll(trust);
        List<X509Certificate> issuers = new ArrayList<>();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                issuers.add(certificate(file));
            }
        }
        return issuers;
    }

    static X509Certificate certificate(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new KeystoreException(pem + " is not an X.509 certificate: " + e.getMessage(), e);
        }
    }
}
