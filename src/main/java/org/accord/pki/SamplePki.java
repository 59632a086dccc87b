package org.accord.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Generates the demo PKI: a root CA, an issuing CA, a signer per party, a secretariat seal, a time-stamping
 * authority, and the negative keystores the tests refuse (expired, not yet valid, revoked, no
 * non-repudiation). All PKCS#12 with {@link PkiFiles#DEMO_PASSWORD}; ECDSA P-256. Demo only.
 */
public final class SamplePki {

    private static final Duration DAY = Duration.ofDays(1);
    private static final String ORGANISATION = "Accord demo PKI (DEMO ONLY)";

    /** A person who signs for an organisation; becomes {@code <fileName>.p12}. */
    public record Holder(String fileName, String commonName, String title, String organization) {

        public Holder {
            Objects.requireNonNull(fileName, "fileName cannot be null");
            Objects.requireNonNull(commonName, "commonName cannot be null");
        }
    }

    private final Path dir;
    private final String baseUrl;
    private final Instant now;
    private final List<Path> written = new ArrayList<>();

    private SamplePki(Path dir, String baseUrl, Instant now) {
        this.dir = dir;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Writes the whole sample PKI into {@code dir}; certificates point to the trust services under
     * {@code baseUrl} (e.g. {@code http://127.0.0.1:7070/pki}). Returns the files written.
     */
    public static List<Path> generate(Path dir, String baseUrl, List<Holder> parties, Holder seal, Instant now)
            throws IOException {
        return new SamplePki(dir, baseUrl, now).generate(parties, seal);
    }

    private List<Path> generate(List<Holder> parties, Holder seal) throws IOException {
        Files.createDirectories(dir.resolve(PkiFiles.NEGATIVE_DIR));
        KeyPair rootKeys = Certificates.newKeyPair();
        X509Certificate root = Certificates.issue(new Certificates.Spec(name("Accord Demo Root CA", null, ORGANISATION),
                now.minus(DAY), years(20), Certificates.Profile.ROOT, null, null, null), rootKeys, null, null);
        KeyPair caKeys = Certificates.newKeyPair();
        X509Certificate ca = Certificates.issue(new Certificates.Spec(name("Accord Demo Issuing CA", null, ORGANISATION),
                now.minus(DAY), years(15), Certificates.Profile.ISSUING_CA, url(PkiFiles.ROOT_CRL_PATH), null,
                url(PkiFiles.ROOT_CERT_PATH)), caKeys, root, rootKeys.getPrivate());
        Issuer issuer = new Issuer(ca, caKeys.getPrivate(), root);

        keystore(dir.resolve(PkiFiles.ROOT_P12), rootKeys.getPrivate(), root);
        pem(dir.resolve(PkiFiles.ROOT_PEM), root);
        keystore(dir.resolve(PkiFiles.ISSUING_P12), caKeys.getPrivate(), ca, root);
        pem(dir.resolve(PkiFiles.ISSUING_PEM), ca);

        for (Holder party : parties) {
            issuer.issue(dir.resolve(party.fileName() + ".p12"), party, now.minus(DAY), years(10), Certificates.Profile.SIGNER);
        }
        issuer.issue(dir.resolve(PkiFiles.SEAL_P12), seal, now.minus(DAY), years(10), Certificates.Profile.SIGNER);
        issuer.issue(dir.resolve(PkiFiles.TSA_P12), new Holder("tsa", "Accord Demo Time-Stamping Authority", null, ORGANISATION),
                now.minus(DAY), years(12), Certificates.Profile.TSA);

        issuer.issue(PkiFiles.negative(dir, "expired"), negative("Expired Demo Signer"),
                now.minus(Duration.ofDays(3 * 365)), now.minus(Duration.ofDays(30)), Certificates.Profile.SIGNER);
        issuer.issue(PkiFiles.negative(dir, "not-yet-valid"), negative("Not Yet Valid Demo Signer"),
                years(10), years(12), Certificates.Profile.SIGNER);
        X509Certificate revoked = issuer.issue(PkiFiles.negative(dir, "revoked"), negative("Revoked Demo Signer"),
                now.minus(DAY), years(10), Certificates.Profile.SIGNER);
        issuer.issue(PkiFiles.negative(dir, "no-non-repudiation"), negative("No Non-Repudiation Demo Signer"),
                now.minus(DAY), years(10), Certificates.Profile.SIGNER_WITHOUT_NON_REPUDIATION);

        revocations(issuer, List.of(revoked.getSerialNumber()));
        return List.copyOf(written);
    }

    /** The issuing CA, which issues every end-entity certificate. */
    private final class Issuer {
        final X509Certificate certificate;
        final PrivateKey key;
        final X509Certificate root;

        Issuer(X509Certificate certificate, PrivateKey key, X509Certificate root) {
            this.certificate = certificate;
            this.key = key;
            this.root = root;
        }

        X509Certificate issue(Path p12, Holder holder, Instant from, Instant to, Certificates.Profile profile)
                throws IOException {
            KeyPair keys = Certificates.newKeyPair();
            X509Certificate cert = Certificates.issue(new Certificates.Spec(
                    name(holder.commonName(), holder.title(), holder.organization()), from, to, profile,
                    url(PkiFiles.ISSUING_CRL_PATH), url(PkiFiles.OCSP_PATH), url(PkiFiles.ISSUING_CERT_PATH)),
                    keys, certificate, key);
            keystore(p12, keys.getPrivate(), cert, certificate, root);
            return cert;
        }
    }

    private void revocations(Issuer issuer, List<BigInteger> serials) throws IOException {
        try {
            X509v2CRLBuilder crl = new X509v2CRLBuilder(
                    X500Name.getInstance(issuer.certificate.getSubjectX500Principal().getEncoded()), java.util.Date.from(now));
            crl.setNextUpdate(java.util.Date.from(now.plus(DAY)));
            crl.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate));
            for (BigInteger serial : serials) {
                crl.addCRLEntry(serial, java.util.Date.from(now), CRLReason.keyCompromise);
            }
            Path file = dir.resolve(PkiFiles.REVOCATIONS);
            Files.write(file, crl.build(Certificates.signer(issuer.key)).getEncoded());
            written.add(file);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the revocation list cannot be built: " + e.getMessage(), e);
        }
    }

    private void keystore(Path file, PrivateKey key, X509Certificate... chain) throws IOException {
        try {
            // The JDK's PKCS#12 (AES-256, PBKDF2), whatever provider comes first: OpenSSL 3 reads it without -legacy.
            KeyStore store = KeyStore.getInstance("PKCS12", "SunJSSE");
            store.load(null, null);
            store.setKeyEntry("key", key, PkiFiles.DEMO_PASSWORD.toCharArray(), (Certificate[]) chain);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PkiFiles.DEMO_PASSWORD.toCharArray());
            }
            written.add(file);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keystore " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    private void pem(Path file, X509Certificate certificate) throws IOException {
        Files.writeString(file, Certificates.pem(certificate), StandardCharsets.US_ASCII);
        written.add(file);
    }

    private Holder negative(String commonName) {
        return new Holder(commonName, commonName, null, ORGANISATION);
    }

    private Instant years(int n) {
        return now.plus(Duration.ofDays(365L * n));
    }

    private String url(String path) {
        return baseUrl + path;
    }

    private static X500Name name(String commonName, String title, String organization) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        b.addRDN(BCStyle.CN, commonName);
        if (title != null) {
            b.addRDN(BCStyle.T, title);
        }
        if (organization != null) {
            b.addRDN(BCStyle.O, organization);
        }
        return b.build();
    }
}
