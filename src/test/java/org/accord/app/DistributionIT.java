package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.accord.testing.ExternalTool;
import org.accord.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an operator installs it: {@code target/accord-<version>.zip} unpacked into a directory of its own,
 * {@code bin/accord serve} started from another working directory with nothing configured, the API flow run against it;
 * the CLI finds the installation's sample PKI from anywhere; start-up failures are one paragraph and exit code 2.
 */
class DistributionIT {

    @TempDir
    static Path tmp;
    private static Path install;
    private static Path elsewhere;
    private static Process serve;
    private static Path serveLog;
    private static Http http;
    private static int port;

    @BeforeAll
    static void installAndStart() throws Exception {
        Path zip;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            zip = files.filter(p -> p.getFileName().toString().matches("accord-.+\\.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("mvn package makes target/accord-<version>.zip"));
        }
        String base = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        assertTrue(Files.isRegularFile(zip.resolveSibling(base + ".tar.gz")), "and the .tar.gz beside it");
        unzip(zip, tmp.resolve("opt"));
        install = tmp.resolve("opt").resolve(base);
        elsewhere = Files.createDirectories(tmp.resolve("somewhere-else"));
        port = DurabilityIT.freePort();
        serveLog = tmp.resolve("serve.log");
        serve = accord(elsewhere, Map.of(), "serve", "--port", Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(serveLog.toFile()).start();
        http = new Http("http://127.0.0.1:" + port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            try {
                if (http.get("/health").status() == 200) {
                    break;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            if (!serve.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("bin/accord serve did not come up: " + Files.readString(serveLog));
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (serve != null) {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void the_distribution_holds_the_launchers_the_libraries_every_setting_and_the_sample_pki() throws IOException {
        for (String file : List.of("bin/accord", "bin/accord.bat", "lib/accord.jar", "conf/accord.properties", "README.md",
                "keystores-sample/root-ca.p12", "keystores-sample/secretariat-seal.p12", "agreements/cica-sco-rats-2017.yaml",
                "docs/agreement-format.md")) {
            assertTrue(Files.isRegularFile(install.resolve(file)), file);
        }
        assertTrue(Files.getPosixFilePermissions(install.resolve("bin/accord")).contains(PosixFilePermission.OWNER_EXECUTE),
                "bin/accord is executable as unpacked");
        String bat = Files.readString(install.resolve("bin/accord.bat"));
        assertTrue(bat.contains("\r\n"), "bin/accord.bat has Windows line ends");
        String conf = Files.readString(install.resolve("conf/accord.properties"));
        for (String key : Config.DEFAULTS.keySet()) {
            assertTrue(conf.contains("\n# " + key + "="), "conf/accord.properties lists " + key);
        }
    }

    @Test
    void bin_accord_serve_runs_the_api_flow_with_its_data_under_the_installation() throws Exception {
        String log = Files.readString(serveLog);
        assertTrue(log.contains("Accord is running at http://127.0.0.1:" + port), log);
        Http secretariat = http.as("secretariat", Running.PASSWORD);
        Http.Response created = secretariat.post("/api/agreements", "application/yaml",
                Files.readAllBytes(install.resolve("agreements/cica-sco-rats-2017.yaml")));
        assertEquals(201, created.status(), created.toString());
        Http.Response issued = secretariat.postJson("/api/agreements/" + created.json().path("id").asText() + "/originals", Map.of());
        assertEquals(201, issued.status(), issued.toString());
        JsonNode original = issued.json().path("originals").get(0);
        for (String party : List.of("cica", "sco-rats")) {
            Http.Response signed = http.postForm(ServiceFlowContract.api(original.path("signingLinks").path(party).asText()),
                    Http.form("place", "Astana", "placeRu", "Астане", "password", Running.PASSWORD));
            assertEquals(201, signed.status(), signed.toString());
        }
        byte[] pdf = secretariat.get("/api/originals/" + original.path("id").asText() + "/pdf").body();
        JsonNode verdict = http.as("archivist", Running.PASSWORD).postForm("/api/verify", Http.form("file", pdf)).json();
        assertEquals("valid", verdict.path("documents").get(0).path("verdict").asText(), verdict.toString());
        String lines = Files.readString(serveLog);
        assertTrue(lines.matches("(?s).*\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z INFO  RequestLog \\[[0-9a-f]{32}] POST /api/agreements 201 \\d+ ms "
                + "client=127\\.0\\.0\\.1 user=secretariat\n.*"), "one text line per request, with its request id:\n" + lines);
        assertFalse(lines.contains(original.path("signingLinks").path("cica").asText().replaceFirst(".*/", "")), "no signing token");
        assertTrue(Files.isDirectory(install.resolve("data")), "the data live under the installation");
        try (Stream<Path> inData = Files.list(install.resolve("data"))) {
            assertTrue(inData.anyMatch(p -> p.getFileName().toString().endsWith(".mv.db")), "the embedded database");
        }
        try (Stream<Path> here = Files.list(elsewhere)) {
            assertEquals(List.of(), here.toList(), "nothing written to the working directory");
        }

        // the command line, from yet another directory, verifies it against the installation's sample PKI
        Path file = Files.write(elsewhere.resolve("signed.pdf"), pdf);
        Result verify = run(elsewhere, Map.of(), "verify", file.toString());
        assertEquals(0, verify.code(), verify.err());
        assertTrue(verify.out().contains("VALID"), verify.out());
        Files.delete(file);
    }

    @Test
    void the_first_start_asks_for_a_class_archive_and_marks_itself_as_up() throws IOException {
        // the archive itself is written when this start stops; its marker says the start succeeded
        try (Stream<Path> cds = Files.list(install.resolve("data/cds"))) {
            List<String> names = cds.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.matches("serve-\\d+\\.jsa\\.\\d+\\.part\\.ok")), names.toString());
        }
    }

    @Test
    void a_second_node_on_the_same_port_says_so_in_one_paragraph_with_exit_code_2() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("second-data"));
        Result r = run(elsewhere, Map.of(), "serve", "--port", Integer.toString(port), "--data", data.toString());
        assertStartupRefusal(r, "port " + port, "server.port");
    }

    @Test
    void a_bad_setting_a_missing_key_file_and_an_unreachable_database_are_each_one_paragraph_with_exit_code_2()
            throws Exception {
        Path data = Files.createDirectories(tmp.resolve("bad-data"));
        String free = Integer.toString(DurabilityIT.freePort());
        assertStartupRefusal(run(elsewhere, Map.of("ACCORD_SIGNING_LEVEL", "B-Q"), "serve", "--port", free, "--data", data.toString()),
                "signing.level", "B-Q");
        assertStartupRefusal(run(elsewhere, Map.of("ACCORD_PKI_DIR", tmp.resolve("no-such-pki").toString()), "serve", "--port", free,
                "--data", data.toString()), "no-such-pki", "pki.dir");
        assertStartupRefusal(run(elsewhere, Map.of("ACCORD_DB_URL", "jdbc:postgresql://127.0.0.1:" + DurabilityIT.freePort() + "/accord",
                "ACCORD_DB_USER", "accord", "ACCORD_DB_PASSWORD", "not-in-the-message"), "serve", "--port", free), "db.url",
                "cannot open the database");
        Path conf = Files.writeString(tmp.resolve("typo.properties"), "server.prot=7070\n");
        assertStartupRefusal(run(elsewhere, Map.of(), "serve", "--config", conf.toString(), "--port", free), "unknown key server.prot",
                "typo.properties");
    }

    private static void assertStartupRefusal(Result r, String... says) {
        assertEquals(2, r.code(), r.err() + r.out());
        String err = r.err().strip();
        for (String s : says) {
            assertTrue(err.contains(s), "names " + s + ": " + err);
        }
        assertTrue(err.startsWith("accord serve: "), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread") || err.contains("\n\n"),
                "one paragraph, no stack trace: " + err);
        assertFalse(err.contains("not-in-the-message"), "no password in the message");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = accord(dir, env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/accord " + String.join(" ", args) + " did not finish: " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** {@code bin/accord args} in {@code dir}, with this JVM's Java and no ACCORD_* setting but {@code env}. */
    private static ProcessBuilder accord(Path dir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(install.resolve("bin/accord").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ACCORD_"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        return pb;
    }

    /** Unpacks with Info-ZIP's {@code unzip}, as an operator would: it restores the modes the archive records. */
    private static void unzip(Path zip, Path to) throws Exception {
        Path unzip = ExternalTool.require("unzip", "unzip");
        Files.createDirectories(to);
        ExternalTool.Result r = ExternalTool.run(List.of(unzip.toString(), "-q", zip.toAbsolutePath().toString(), "-d", to.toString()), to);
        assertEquals(0, r.exitCode(), r.stderr());
    }
}
