package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accord.testing.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code target/accord.jar}, run as README tells a user to run it. */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "accord.jar").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void the_jar_renders_a_bundled_agreement_in_a_fresh_jvm() throws Exception {
        Path agreement = Path.of("templates", "agreements", "interpol-impact-2012.yaml").toAbsolutePath();
        ExternalTool.Result r = ExternalTool.run(List.of(JAVA, "-jar", JAR.toString(), "render", agreement.toString(),
                "--out", "originals"), dir);
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> paths = r.stdout().lines().toList();
        assertEquals(2, paths.size(), r.stdout());
        for (String path : paths) {
            assertTrue(Files.size(dir.resolve(path)) > 10_000, path);
        }
    }

    @Test
    void the_jar_explains_a_bad_agreement_with_exit_code_2() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "id: x\n");
        ExternalTool.Result r = ExternalTool.run(List.of(JAVA, "-jar", JAR.toString(), "render", bad.toString(),
                "--out", "originals"), dir);
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("kind: missing") && r.stderr().contains("parties: missing"), r.stderr());
        assertTrue(Files.notExists(dir.resolve("originals")));
    }

    @Test
    void keystores_written_by_the_jar_open_in_openssl() throws Exception {
        Path openssl = ExternalTool.require("openssl", "openssl");
        Path dir = java.nio.file.Files.createTempDirectory("accord-pki");
        ExternalTool.Result init = ExternalTool.run(List.of(JAVA, "-jar", JAR.toString(), "pki", "init", "--out", dir.toString(),
                "--base-url", "http://127.0.0.1:7070/pki"), dir);
        assertEquals(0, init.exitCode(), init.stderr());
        ExternalTool.Result read = ExternalTool.run(List.of(openssl.toString(), "pkcs12", "-in", dir.resolve("cica.p12").toString(),
                "-info", "-noout", "-passin", "pass:accord-demo"), dir);
        assertEquals(0, read.exitCode(), "OpenSSL reads the keystore the jar wrote: " + read.stderr());
        assertTrue(read.stderr().contains("AES-256-CBC") || read.stdout().contains("AES-256-CBC"), read.stderr() + read.stdout());
    }
}
