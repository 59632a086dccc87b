package org.accord.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/** Reads a signatory's {@code certificate:} mapping: how the designated signer's certificate is recognised. */
final class DesignatedSigners {

    /** A CA certificate file named by an agreement larger than this is refused. */
    private static final long MAX_CERTIFICATE = 64 * 1024;

    private DesignatedSigners() {
    }

    static DesignatedSigner read(Node node, Path baseDir) {
        String name = node.string("name", true);
        String organization = node.string("organization", false);
        String issuerText = node.string("issuer", false);
        List<String> written = node.list("fingerprints", false, Node.Element::string);
        node.rejectUnknown();
        String issuer = issuerText == null ? null : issuer(node, issuerText, baseDir);
        List<String> fingerprints = new java.util.ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            String f = DesignatedSigner.normaliseFingerprint(written.get(i));
            if (f == null && written.get(i) != null) {
                node.problem(node.at("fingerprints") + "[" + i + "]", "'" + written.get(i)
                        + "' is not a SHA-256 fingerprint (64 hexadecimal digits, colons allowed)");
            }
            if (f != null) {
                fingerprints.add(f);
            }
        }
        if (name == null || (issuerText != null && issuer == null) || fingerprints.size() != written.size()) {
            return null;
        }
        return new DesignatedSigner(name.strip(), organization == null ? null : organization.strip(), issuer, fingerprints);
    }

    /** A fingerprint, or a PEM/DER certificate file beside the agreement file whose fingerprint is taken. */
    private static String issuer(Node node, String text, Path baseDir) {
        String fingerprint = DesignatedSigner.normaliseFingerprint(text);
        if (fingerprint != null) {
            return fingerprint;
        }
        String where = node.at("issuer");
        if (!text.matches("[^\\u0000-\\u001f]+\\.(pem|crt|cer|der)")) {
            node.problem(where, "'" + text + "' is neither a SHA-256 fingerprint nor a certificate file (.pem, .crt, .cer, .der)");
            return null;
        }
        if (baseDir == null) {
            node.problem(where, "a certificate file can be named only in an agreement read from a file; "
                    + "give the CA certificate's SHA-256 fingerprint instead");
            return null;
        }
        Path file = baseDir.resolve(text).normalize();
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_CERTIFICATE) {
                node.problem(where, file + " is not a certificate file of at most " + MAX_CERTIFICATE + " bytes");
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
                if (ca.getBasicConstraints() < 0) {
                    node.problem(where, file + " is not a CA certificate");
                    return null;
                }
                return DesignatedSigner.fingerprint(ca);
            }
        } catch (IOException | CertificateException | ClassCastException e) {
            node.problem(where, file + " cannot be read as an X.509 certificate");
            return null;
        }
    }
}
