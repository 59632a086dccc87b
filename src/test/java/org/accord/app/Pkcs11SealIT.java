package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.accord.cli.AccordCommand;
import org.accord.pki.KeyEntry;
import org.accord.pki.Pkcs11Token;
import org.accord.pki.TokenException;
import org.accord.testing.ExternalTool;
import org.accord.testing.Fixtures;
import org.accord.testing.Http;
import org.accord.testing.Pem;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The secretariat's seal in a PKCS#11 token: a private SoftHSM2 token holding the test PKI's seal key (imported as an
 * operator would, with softhsm2-util and pkcs11-tool), used by {@code accord certify} and by the service; the key
 * never leaves the token. SunPKCS11 loads SoftHSM2 into this JVM, which reads {@code SOFTHSM2_CONF} (set by failsafe).
 */
class Pkcs11SealIT {

    private static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String TOKEN = "accord-seal";
    private static final String PIN = "246810";

    @TempDir
    static Path dir;
    private static Path tokens;
    private static Path pinFile;
    private static Path original;
    private static String pkcs11Tool;

    @BeforeAll
    static void token() throws Exception {
        String softhsm = ExternalTool.require("softhsm2-util", "softhsm2").toString();
        pkcs11Tool = ExternalTool.require("pkcs11-tool", "opensc").toString();
        require(Files.isRegularFile(MODULE), MODULE + " is missing (Debian package softhsm2)");
        String conf = System.getenv("SOFTHSM2_CONF");
        require(conf != null, "SOFTHSM2_CONF is not set: run through mvn verify (failsafe sets it)");
        tokens = Files.createTempDirectory("accord-softhsm");
        Files.createDirectories(Path.of(conf).getParent());
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        run(softhsm, "--init-token", "--free", "--label", TOKEN, "--so-pin", "13579135", "--pin", PIN);
        run(softhsm, "--init-token", "--free", "--label", "another-token", "--so-pin", "13579135", "--pin", "999999");
        KeyEntry seal = TestPki.seal();
        Path key = Files.writeString(dir.resolve("seal-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(seal.key().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Path cert = Files.write(dir.resolve("seal.der"), seal.certificate().getEncoded());
        run(softhsm, "--import", key.toString(), "--token", TOKEN, "--label", "seal", "--id", "01", "--pin", PIN);
        Files.delete(key);
        run(pkcs11Tool, "--module", MODULE.toString(), "--token-label", TOKEN, "--login", "--pin", PIN,
                "--write-object", cert.toString(), "--type", "cert", "--label", "seal", "--id", "01");
        pinFile = Files.writeString(dir.resolve("seal.pin"), PIN + "\n");
        original = Files.write(dir.resolve("original.pdf"), Fixtures.original(Seeds.CICA));
    }

    @AfterAll
    static void removeToken() throws Exception {
        if (tokens != null) {
            try (var files = Files.walk(tokens)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void accord_certify_seals_through_the_token_and_dss_and_pdfsig_find_it_valid() throws Exception {
        Path out = dir.resolve("certified.pdf");
        Run certify = accord("certify", original.toString(), "--pkcs11-library", MODULE.toString(), "--slot-label", TOKEN,
                "--key-label", "seal", "--pin-file", pinFile.toString(), "--pki", TestPki.dir().toString(), "--out", out.toString());
        assertEquals(0, certify.exit(), certify.err());
        assertEquals(out.toString(), certify.out().strip());
        Run verify = accord("verify", "--json", "--pki", TestPki.dir().toString(), out.toString());
        assertEquals(0, verify.exit(), verify.out() + verify.err());
        JsonNode doc = new ObjectMapper().readTree(verify.out()).get("documents").get(0);
        assertTrue(doc.get("valid").asBoolean(), doc.toString());
        assertEquals(1, doc.get("signatures").size(), doc.toString());
        assertEquals("PAdES-BASELINE-LT", doc.get("signatures").get(0).path("level").asText(), doc.toString());
        assertTrue(doc.toString().contains("Secretariat Seal"), doc.toString());
        assertEquals(List.of("  - Signature Validation: Signature is Valid."), pdfsig(out), "pdfsig agrees");
    }

    @Test
    void the_seal_key_stays_in_the_token_and_the_token_signs() throws Exception {
        KeyEntry seal = Pkcs11Token.key(Pkcs11Token.Slot.labelled(MODULE, TOKEN), "seal", PIN.toCharArray(), List.of());
        assertNull(seal.key().getEncoded(), "a token key has no encoding to export");
        assertThrows(java.security.GeneralSecurityException.class, () -> java.security.KeyFactory.getInstance("EC")
                .getKeySpec(seal.key(), java.security.spec.PKCS8EncodedKeySpec.class), "nor can one be made");
        assertEquals(TestPki.seal().certificate(), seal.certificate());
        assertEquals(1, seal.chain().size(), "the token holds the seal's certificate only");
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(seal.key());
        signature.update(new byte[] {1, 2, 3});
        byte[] value = signature.sign();
        assertTrue(signature.getProvider().getName().startsWith("SunPKCS11-"), "chosen for the key: " + signature.getProvider());
        Signature check = Signature.getInstance("SHA256withECDSA");
        check.initVerify(seal.certificate());
        check.update(new byte[] {1, 2, 3});
        assertTrue(check.verify(value));

        ExternalTool.Result listed = tool(pkcs11Tool, "--module", MODULE.toString(), "--token-label", TOKEN, "--login", "--pin", PIN,
                "--list-objects", "--type", "privkey");
        assertEquals(0, listed.exitCode(), listed.stderr());
        String access = listed.stdout().lines().filter(l -> l.strip().startsWith("Access:")).findFirst().orElse("");
        assertTrue(access.contains("sensitive") && !access.contains(" extractable"), listed.stdout());
        assertTrue(seal.key().toString().contains("token object, sensitive, unextractable"),
                "the token says (CKA_SENSITIVE, CKA_EXTRACTABLE): " + seal.key());
    }

    @Test
    void a_wrong_pin_a_missing_key_label_or_token_is_exit_2_with_one_line_and_nothing_written() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong.pin"), "135791\n");
        Path out = dir.resolve("never.pdf");
        Run badPin = certify(TOKEN, "seal", wrong, out);
        assertRefused(badPin, "the PIN does not unlock token '" + TOKEN + "'", out);
        assertRefused(certify(TOKEN, "no-such-key", pinFile, out), "holds no private key labelled 'no-such-key'", out);
        Run noToken = certify("no-such-token", "seal", pinFile, out);
        assertRefused(noToken, "no token labelled 'no-such-token'", out);
        assertTrue(noToken.err().contains("'" + TOKEN + "'"), "names the tokens present: " + noToken.err());
        assertRefused(certify(TOKEN, "seal", dir.resolve("no-such.pin"), out), "PIN file", out);

        // a fresh process, whose login really fails (in this JVM the token may be logged in already)
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "certify", original.toString(),
                "--pkcs11-library", MODULE.toString(), "--slot-label", TOKEN, "--key-label", "seal", "--pin-file", wrong.toString(),
                "--pki", TestPki.dir().toString(), "--out", out.toString()));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertRefused(new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8), err),
                "the PIN does not unlock token '" + TOKEN + "'", out);
    }

    @Test
    void the_service_with_the_seal_in_the_token_issues_certified_originals_that_verify() throws Exception {
        try (Running running = Running.start(dir.resolve("service"), settings(Map.of()))) {
            assertTrue(running.startOutput.contains("seal: key 'seal' of PKCS#11 token '" + TOKEN + "'"), running.startOutput);
            String id = running.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.INTERPOL))
                    .json().path("id").asText();
            Http.Response issued = running.secretariat.postJson("/api/agreements/" + id + "/originals",
                    Map.of("layout", "sequential", "certify", true));
            assertEquals(201, issued.status(), issued.toString());
            String originalId = issued.json().path("originals").get(0).path("id").asText();
            JsonNode revisions = running.secretariat.get("/api/originals/" + originalId).json().path("revisions");
            assertEquals("certified", revisions.get(1).path("kind").asText(), revisions.toString());
            byte[] pdf = running.archivist.get("/api/originals/" + originalId + "/pdf").body();
            JsonNode doc = ServiceFlowContract.verify(running, pdf, "certified.pdf").path("documents").get(0);
            assertTrue(doc.path("valid").asBoolean(), doc.toString());
            assertEquals(1, doc.path("signatures").size(), doc.toString());
            assertTrue(doc.toString().contains("Secretariat Seal"), doc.toString());
        }
    }

    @Test
    void the_service_refuses_to_start_with_a_wrong_pin_a_missing_token_label_or_library_in_one_paragraph() throws Exception {
        Path wrong = Files.writeString(dir.resolve("start-wrong.pin"), "000000\n");
        assertStartRefused(Map.of("signing.pkcs11.pinFile", wrong.toString()), "the PIN does not unlock token", "signing.pkcs11.pinFile");
        assertStartRefused(Map.of("signing.pkcs11.keyLabel", "other"), "no private key labelled 'other'", "signing.pkcs11.keyLabel");
        assertStartRefused(Map.of("signing.pkcs11.slotLabel", "absent"), "no token labelled 'absent'", "signing.pkcs11.slotLabel");
        assertStartRefused(Map.of("signing.pkcs11.library", dir.resolve("no-such.so").toString()), "does not exist",
                "signing.pkcs11.library");
        assertStartRefused(Map.of("signing.pkcs11.pinFile", dir.resolve("absent.pin").toString()), "PIN file", "signing.pkcs11.pinFile");
    }

    private static void assertStartRefused(Map<String, String> change, String says, String key) throws Exception {
        Map<String, String> s = settings(change);
        s.put("server.port", "0");
        s.put("data.dir", dir.resolve("refused").toString());
        s.put("pki.dir", TestPki.dir().toString());
        Config config = Config.load(null, Map.of(), s);
        Exception e = assertThrows(TokenException.class, () -> Service.start(config, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream())).close());
        String paragraph = StartupFailure.explain(e, config);
        assertTrue(paragraph.contains(says) && paragraph.contains(key), paragraph);
        assertFalse(paragraph.contains("\n") || paragraph.contains(PIN) || paragraph.contains("000000"), paragraph);
    }

    private static Map<String, String> settings(Map<String, String> change) {
        Map<String, String> s = new HashMap<>(Map.of("signing.seal", "pkcs11", "signing.pkcs11.library", MODULE.toString(),
                "signing.pkcs11.slotLabel", TOKEN, "signing.pkcs11.pinFile", pinFile.toString(), "signing.pkcs11.keyLabel", "seal",
                "demo.users", "true"));
        s.putAll(change);
        return s;
    }

    private static Run certify(String token, String key, Path pin, Path out) {
        return accord("certify", original.toString(), "--pkcs11-library", MODULE.toString(), "--slot-label", token,
                "--key-label", key, "--pin-file", pin.toString(), "--pki", TestPki.dir().toString(), "--out", out.toString());
    }

    private static void assertRefused(Run run, String says, Path out) {
        assertEquals(2, run.exit(), run.err());
        List<String> refusals = run.err().lines().filter(l -> l.startsWith("accord certify: refused: ")).toList();
        assertEquals(1, refusals.size(), run.err());
        assertTrue(refusals.get(0).contains(says) && refusals.get(0).endsWith("; nothing written"), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    private List<String> pdfsig(Path pdf) throws Exception {
        String pdfsig = ExternalTool.require("pdfsig", "poppler-utils").toString();
        String certutil = ExternalTool.require("certutil", "libnss3-tools").toString();
        Path nss = Files.createDirectories(dir.resolve("nss"));
        Path root = Pem.write(dir.resolve("root.pem"), List.of(TestPki.services().rootCertificate()));
        run(certutil, "-N", "-d", "sql:" + nss, "--empty-password");
        run(certutil, "-A", "-d", "sql:" + nss, "-n", "accord-demo-root", "-t", "CT,C,C", "-i", root.toString());
        ExternalTool.Result r = tool(pdfsig, "-nssdir", "sql:" + nss, pdf.toString());
        return r.stdout().lines().filter(l -> l.contains("Signature Validation:")).toList();
    }

    record Run(int exit, String out, String err) {
    }

    private static Run accord(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = AccordCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static ExternalTool.Result tool(String... command) throws Exception {
        return ExternalTool.run(List.of(command), dir);
    }

    private static void run(String... command) throws Exception {
        ExternalTool.Result r = tool(command);
        assertEquals(0, r.exitCode(), String.join(" ", command) + ": " + r.stdout() + r.stderr());
    }

    /** Skips loudly (fails under CI=true) when the set-up cannot be had. */
    private static void require(boolean condition, String message) {
        if (!condition) {
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " — required when CI=true");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
    }
}
