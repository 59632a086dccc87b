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

/** {@code accord extend}: augmentation of a signed document for the archive. */
@Command(name = "extend", mixinStandardHelpOptions = true,
        description = {"Augments the signatures of a PDF for long-term archiving: B-LT adds certificates and revocation",
                "data; B-LTA also an archive time-stamp, and on a B-LTA document a fresh one (re-time-stamping).",
                "Exit 0 extended, 2 refused (nothing written), 3 trust services unreachable."})
final class ExtendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.pdf", description = "A signed PDF whose signatures are intact.")
    Path in;

    @Option(names = "--level", required = true, paramLabel = "B-LT|B-LTA", description = "The level to reach.")
    String level;

    @Option(names = "--out", paramLabel = "OUT.pdf", description = "Default: IN-extended.pdf beside IN.")
    Path out;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    boolean force;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() {
        return SigningIo.run("accord extend", spec, in, out, "extended", force, trust,
                (signer, pdf) -> signer.extend(pdf, Level.of(level)));
    }
}
