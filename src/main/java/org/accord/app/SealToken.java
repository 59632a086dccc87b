package org.accord.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.accord.pki.KeyEntry;
import org.accord.pki.Pkcs11Token;
import org.accord.pki.PkiFiles;

/**
 * The seal in a PKCS#11 token ({@code signing.seal=pkcs11}), logged in once at start with the PIN of its file. A chain
 * the token holds incompletely is completed from the sample PKI's CA certificates and the trusted roots.
 */
final class SealToken {

    private SealToken() {
    }

    static KeyEntry open(Config.Pkcs11 token, Config.Trust trust) throws IOException {
        Pkcs11Token.Slot slot = token.slotLabel() != null ? Pkcs11Token.Slot.labelled(token.library(), token.slotLabel())
                : Pkcs11Token.Slot.numbered(token.library(), token.slot());
        char[] pin = Pkcs11Token.readPin(token.pinFile());
        try {
            return Pkcs11Token.key(slot, token.keyLabel(), pin, issuers(trust));
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** The CA certificates a chain may be completed from: pki.dir's issuing CA and root, and trust.roots. */
    static List<X509Certificate> issuers(Config.Trust trust) throws IOException {
        List<Path> files = new ArrayList<>(List.of(trust.pkiDir().resolve(PkiFiles.ISSUING_PEM), trust.pkiDir().resolve(PkiFiles.ROOT_PEM)));
        files.addAll(trust.roots());
        List<X509Certificate> issuers = new ArrayList<>();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    issuers.add((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
                } catch (CertificateException e) {
                    throw new Config.ConfigException(file + " is not an X.509 certificate");
                }
            }
        }
        return issuers;
    }
}
