package org.accord.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.accord.pki.PkiFiles;
import org.accord.testing.Fixtures;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignCommandTest {

    @TempDir
    Path dir;
    Path original;
    Path password;

    @BeforeEach
    void files() throws IOException {
        original = Files.write(dir.resolve("original.pdf"), Fixtures.original(Seeds.CICA));
        password = Files.writeString(dir.resolve("password"), PkiFiles.DEMO_PASSWORD + "\n");
    }

    private RenderCommandTest.Run sign(String party, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sign", original.toString(), "--party", party,
                "--keystore", PkiFiles.party(TestPki.dir(), party).toString(), "--password-file", password.toString(),
                "--pki", TestPki.dir().toString()));
        if (!List.of(more).contains("--place")) {
            args.addAll(List.of("--place", "Astana", "--place-ru", "Астане"));
        }
        args.addAll(List.of(more));
        return RenderCommandTest.accord(args.toArray(String[]::new));
    }

    @Test
    void an_original_is_signed_only_with_a_place_to_complete_its_block() {
        RenderCommandTest.Run run = sign("cica", "--place", "", "--level", "B-B");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("the place (in English) is required"), run.err());
        assertFalse(Files.exists(dir.resolve("original-signed-cica.pdf")));
    }

    @Test
    void sign_writes_the_signed_revision_beside_the_original_and_says_which_trust_services_it_used() {
        RenderCommandTest.Run run = sign("cica", "--place", "Astana", "--place-ru", "Астане", "--level", "B-T");
        assertEquals(0, run.exit(), run.err());
        assertEquals(dir.resolve("original-signed-cica.pdf").toString(), run.out().strip());
        assertTrue(run.err().contains("the sample trust services, in-process (demo only)"), run.err());
        assertTrue(Files.isRegularFile(dir.resolve("original-signed-cica.pdf")));
    }

    @Test
    void a_wrong_password_exits_2_and_writes_nothing() throws IOException {
        Files.writeString(password, "guess\n");
        RenderCommandTest.Run run = sign("cica");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("refused: wrong password for keystore cica.p12; nothing written"), run.err());
        assertEquals(List.of("original.pdf", "password"), listing());
    }

    @Test
    void a_certificate_that_is_not_the_partys_designated_signers_exits_2_and_writes_nothing() {
        for (String other : List.of("sco-rats", "secretariat-seal")) {
            RenderCommandTest.Run run = RenderCommandTest.accord("sign", original.toString(), "--party", "cica", "--keystore",
                    PkiFiles.party(TestPki.dir(), other).toString(), "--password-file", password.toString(),
                    "--pki", TestPki.dir().toString(), "--any-signer");
            assertEquals(2, run.exit(), run.err());
            assertTrue(run.err().contains("is not that of Gong Jianwei, who signs for CICA Secretariat"), run.err());
            assertEquals(List.of("original.pdf", "password"), listing());
        }
        RenderCommandTest.Run revoked = RenderCommandTest.accord("sign", original.toString(), "--party", "cica", "--keystore",
                PkiFiles.negative(TestPki.dir(), "revoked").toString(), "--password-file", password.toString(),
                "--pki", TestPki.dir().toString());
        assertEquals(2, revoked.exit());
        assertTrue(revoked.err().contains("the certificate of Revoked Demo Signer is not that of Gong Jianwei"), revoked.err());
        assertEquals(List.of("original.pdf", "password"), listing());
    }

    @Test
    void unreachable_trust_services_exit_3_and_write_nothing() {
        RenderCommandTest.Run run = sign("cica", "--tsa", "http://127.0.0.1:9/tsa", "--trust",
                TestPki.dir().resolve(PkiFiles.ROOT_PEM).toString());
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("nothing written"), run.err());
        assertEquals(List.of("original.pdf", "password"), listing());
    }

    @Test
    void the_original_is_never_replaced_and_an_existing_output_needs_force() throws IOException {
        RenderCommandTest.Run over = sign("cica", "--out", original.toString());
        assertEquals(2, over.exit());
        assertTrue(over.err().contains("would replace the input"), over.err());
        Path taken = Files.writeString(dir.resolve("taken.pdf"), "keep");
        RenderCommandTest.Run exists = sign("cica", "--out", taken.toString());
        assertEquals(2, exists.exit());
        assertEquals("keep", Files.readString(taken));
    }

    @Test
    void a_bad_level_or_party_id_exits_2() {
        assertEquals(2, sign("cica", "--level", "B-XL").exit());
        RenderCommandTest.Run party = RenderCommandTest.accord("sign", original.toString(), "--party", "../etc",
                "--keystore", PkiFiles.party(TestPki.dir(), "cica").toString(), "--password-file", password.toString(),
                "--pki", TestPki.dir().toString());
        assertEquals(2, party.exit());
        assertTrue(party.err().contains("'../etc' is not a party id"), party.err());
    }

    @Test
    void certify_then_sign_from_the_command_line() {
        RenderCommandTest.Run certify = RenderCommandTest.accord("certify", original.toString(), "--keystore",
                TestPki.dir().resolve(PkiFiles.SEAL_P12).toString(), "--password-file", password.toString(),
                "--pki", TestPki.dir().toString(), "--level", "B-T");
        assertEquals(0, certify.exit(), certify.err());
        Path certified = Path.of(certify.out().strip());
        assertEquals(dir.resolve("original-certified.pdf"), certified);
        RenderCommandTest.Run run = RenderCommandTest.accord("sign", certified.toString(), "--party", "sco-rats",
                "--place", "Tashkent", "--place-ru", "Ташкенте", "--keystore", PkiFiles.party(TestPki.dir(), "sco-rats").toString(), "--password-file", password.toString(),
                "--pki", TestPki.dir().toString(), "--level", "B-B");
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void pki_init_writes_the_whole_sample_and_refuses_to_overwrite_it() throws Exception {
        Path out = dir.resolve("pki");
        RenderCommandTest.Run run = RenderCommandTest.accord("pki", "init", "--out", out.toString(), "--base-url",
                "http://127.0.0.1:7171/pki");
        assertEquals(0, run.exit(), run.err());
        for (String name : List.of("interpol", "impact", "cica", "sco-rats", "secretariat-seal", "tsa", "root-ca", "issuing-ca")) {
            assertTrue(Files.isRegularFile(out.resolve(name + ".p12")), name);
        }
        assertTrue(run.err().contains("DEMO ONLY"), run.err());
        java.security.KeyStore jdk = java.security.KeyStore.getInstance("PKCS12", "SunJSSE");
        try (java.io.InputStream in = Files.newInputStream(out.resolve("cica.p12"))) {
            jdk.load(in, PkiFiles.DEMO_PASSWORD.toCharArray());
        }
        assertEquals(3, jdk.getCertificateChain("key").length, "a chain the JDK (and so OpenSSL 3) can read");
        RenderCommandTest.Run again = RenderCommandTest.accord("pki", "init", "--out", out.toString(), "--base-url",
                "http://127.0.0.1:7171/pki");
        assertEquals(2, again.exit());
        assertEquals(2, RenderCommandTest.accord("pki", "init", "--out", dir.resolve("x").toString(), "--base-url", "ftp://x").exit());
    }

    private List<String> listing() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void help_lists_the_signing_commands() {
        String help = RenderCommandTest.accord("--help").out();
        for (String command : List.of("sign", "certify", "pki", "trust-services")) {
            assertTrue(help.contains(command), help);
        }
        assertFalse(RenderCommandTest.accord("sign", "--help").out().isBlank());
    }
}
