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
                    "Secretariat of the Conference on Interaction and Confidence Building Measures in Asia"),
            new SamplePki.Holder("sco-rats", "Yevgeniy Sysoyev", "Director of the Executive Committee",
                    "Regional Anti-Terrorist Structure of the Shanghai Cooperation Organization"));
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
