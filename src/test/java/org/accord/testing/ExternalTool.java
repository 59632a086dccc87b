package org.accord.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program outside the JVM that a test relies on (qpdf, pdffonts, pdftotext…). Where it is missing the test
 * is skipped loudly; under {@code CI=true} it fails instead, so CI always runs it.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** The path of {@code program} on the PATH; skips (or, in CI, fails) the test when there is none. */
    public static Path require(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = program + " is not installed (Debian package " + debianPackage + "); .ci/run installs it";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " — required when CI=true");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }

    /** The outcome of one run. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command with a time limit, capturing its output. */
    public static Result run(List<String> command, Path workDir) throws IOException, InterruptedException {
        Path out = Files.createTempFile("accord-tool", ".out");
        Path err = Files.createTempFile("accord-tool", ".err");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
