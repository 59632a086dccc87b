package org.accord.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.accord.pki.KeyEntry;
import org.accord.pki.PkiFiles;
import org.accord.pki.SamplePki;
import org.accord.pki.TrustServices;

/** A sample PKI generated once per test JVM, with the four seed parties, a seal and the negative keys. */
public final class TestPki {

    /** The base URL baked into the test certificates; requests to it are answered in-process. */
    public static final String BASE_URL = "http://127.0.0.1:7070/pki";
    public static final List<SamplePki.Holder> PARTIES = List.of(
            new SamplePki.Holder("interpol", "Ronald K. Noble", "Secretary General",
                    "The International Criminal Police Organization – INTERPOL"),
            new SamplePki.Holder("impact", "Mohd Noor Amin", "Chairman, Management Board",
                    "The International Multilateral Partnership Against Cyber Threats – IMPACT"),
            new SamplePki.Holder("cica", "Gong Jianwei", "Executive Director",
                    "The Secretariat of the Conference on Interaction and Confidence Building Measures in Asia"),
            new SamplePki.Holder("sco-rats", "Yevgeniy Sysoyev", "Director of the Executive Committee",
                    "The Regional Anti-Terrorist Structure of the Shanghai Cooperation Organization"));
    public static final SamplePki.Holder SEAL = new SamplePki.Holder("secretariat-seal", "Secretariat Seal", null,
            "Accord Demo Secretariat");

    private static final Path DIR = generate();
    private static final TrustServices SERVICES = TrustServices.load(DIR, Clock.systemUTC());

    private TestPki() {
    }

    public static Path dir() {
        return DIR;
    }

    public static TrustServices services() {
        return SERVICES;
    }

    public static KeyEntry key(String partyId) {
        return KeyEntry.read(PkiFiles.party(DIR, partyId), PkiFiles.DEMO_PASSWORD.toCharArray());
    }

    public static KeyEntry negative(String name) {
        return KeyEntry.read(PkiFiles.negative(DIR, name), PkiFiles.DEMO_PASSWORD.toCharArray());
    }

    public static KeyEntry seal() {
        return KeyEntry.read(DIR.resolve(PkiFiles.SEAL_P12), PkiFiles.DEMO_PASSWORD.toCharArray());
    }

    /**
     * Another PKI with its own root, whose certificates carry the same names and organisations as this one's:
     * "the right name from another CA". Generated on first use.
     */
    public static Path otherCa() {
        return Other.DIR;
    }

    /** {@code partyId}'s key of {@link #otherCa()}. */
    public static KeyEntry otherCaKey(String partyId) {
        return KeyEntry.read(PkiFiles.party(Other.DIR, partyId), PkiFiles.DEMO_PASSWORD.toCharArray());
    }

    /** A PKCS#12 (password {@link PkiFiles#DEMO_PASSWORD}) holding {@code key} with {@code chain} instead of its own. */
    public static byte[] p12(KeyEntry key, List<java.security.cert.X509Certificate> chain) {
        try {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", key.key(), PkiFiles.DEMO_PASSWORD.toCharArray(),
                    chain.toArray(new java.security.cert.Certificate[0]));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            store.store(out, PkiFiles.DEMO_PASSWORD.toCharArray());
            return out.toByteArray();
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Other {
        static final Path DIR = generate();
    }

    private static Path generate() {
        try {
            Path dir = Files.createTempDirectory("accord-test-pki");
            SamplePki.generate(dir, BASE_URL, PARTIES, SEAL, Instant.now());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
