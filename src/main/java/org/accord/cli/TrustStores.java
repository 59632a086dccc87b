package org.accord.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.accord.pki.KeystoreException;
import org.accord.verify.TrustAnchor;

/**
 * Trust anchors from certificate files (PEM or DER), PKCS#12 stores (password in $ACCORD_TRUST_PASSWORD, else
 * none) and directories of such files; a directory's {@code labels.properties} maps file names to labels.
 */
final class TrustStores {

    private TrustStores() {
    }

    static List<TrustAnchor> read(List<Path> paths) throws IOException {
        List<TrustAnchor> anchors = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                Properties labels = labels(path);
                try (Stream<Path> files = Files.list(path)) {
                    for (Path f : files.sorted().toList()) {
                        String name = f.getFileName().toString();
                        if (name.matches("(?i).*\\.(pem|crt|cer|der|p12|pfx)")) {
                            anchors.addAll(file(f, labels.getProperty(name, name.replaceFirst("\\.[^.]+$", ""))));
                        }
                    }
                }
            } else {
                anchors.addAll(file(path, path.getFileName().toString().replaceFirst("\\.[^.]+$", "")));
            }
        }
        if (anchors.isEmpty()) {
            throw new KeystoreException("no trusted certificate found in " + paths);
        }
        return anchors;
    }

    private static Properties labels(Path dir) throws IOException {
        Properties labels = new Properties();
        Path file = dir.resolve("labels.properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                labels.load(in);
            }
        }
        return labels;
    }

    private static List<TrustAnchor> file(Path file, String label) throws IOException {
        try {
            if (file.getFileName().toString().matches("(?i).*\\.(p12|pfx)")) {
                return pkcs12(file, label);
            }
            try (InputStream in = Files.newInputStream(file)) {
                List<TrustAnchor> anchors = new ArrayList<>();
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    anchors.add(new TrustAnchor((X509Certificate) c, label, false));
                }
                return anchors;
            }
        } catch (GeneralSecurityException e) {
            throw new KeystoreException(file + " holds no readable certificate: " + e.getMessage(), e);
        }
    }

    private static List<TrustAnchor> pkcs12(Path file, String label) throws IOException, GeneralSecurityException {
        String password = System.getenv().getOrDefault("ACCORD_TRUST_PASSWORD", "");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        List<TrustAnchor> anchors = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            Certificate[] chain = store.isKeyEntry(alias) ? store.getCertificateChain(alias)
                    : new Certificate[] {store.getCertificate(alias)};
            if (chain != null && chain.length > 0) {
                anchors.add(new TrustAnchor((X509Certificate) chain[chain.length - 1], label, false));
            }
        }
        return anchors;
    }
}
