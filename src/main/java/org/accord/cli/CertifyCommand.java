package org.accord.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.accord.sign.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord certify}: the secretariat's certification (DocMDP P=2) before the parties sign. */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"Certifies an original with the secretariat's seal (DocMDP P=2: form filling and signatures",
                "remain permitted, any other change breaks the certification). Must come before any signature.",
                "Exit 0 certified, 2 refused (nothing written), 3 trust services unreachable or level not reached."})
final class CertifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.pdf", description = "The original, not yet signed.")
    Path in;

    @Option(names = "--keystore", required = true, paramLabel = "FILE.p12", description = "The secretariat seal's keystore.")
    Path keystore;

    @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "A file whose first line is the password.")
    Path passwordFile;

    @Option(names = "--level", defaultValue = "B-LT", paramLabel = "LEVEL", description = "Default: ${DEFAULT-VALUE}.")
    String level;

    @Option(names = "--out", paramLabel = "OUT.pdf", description = "Default: IN-certified.pdf beside IN.")
    Path out;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    boolean force;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() {
        return SigningIo.run("accord certify", spec, in, out, "certified", force, trust,
                (signer, pdf) -> signer.certify(pdf, Level.of(level), SigningIo.key(keystore, passwordFile)));
    }
}
