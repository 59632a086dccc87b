package org.accord.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.accord.pki.KeyEntry;
import org.accord.sign.Level;
import org.accord.sign.SignRequest;
import org.accord.sign.SigningRefusedException;
import org.accord.workflow.Requests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord sign}: a party's PAdES signature into its field of an original. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Signs a PDF for one party, into its field sig-<party>, as an incremental update with an",
                "RFC 3161 time-stamp. Prints the path of the signed PDF.",
                "Exit 0 signed, 2 refused (nothing written), 3 trust services unreachable or level not reached."})
final class SignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.pdf", description = "The original (or a signed revision of it).")
    Path in;

    @Option(names = "--party", required = true, paramLabel = "ID", description = "The party signing, e.g. cica.")
    String party;

    @Option(names = "--keystore", required = true, paramLabel = "FILE.p12", description = "The signatory's PKCS#12 keystore.")
    Path keystore;

    @Option(names = "--password-file", required = true, paramLabel = "FILE",
            description = "A file whose first line is the keystore password (never given on the command line).")
    Path passwordFile;

    @Option(names = "--level", defaultValue = "B-LT", paramLabel = "LEVEL",
            description = "B-B, B-T, B-LT or B-LTA. Default: ${DEFAULT-VALUE}.")
    String level;

    @Option(names = "--place", paramLabel = "TEXT", description = {"Where the signatory signs, in English, e.g. Astana.",
            "With --place-ru it completes the party's signature block (an Accord original requires it)."})
    String place;

    @Option(names = "--place-ru", paramLabel = "TEXT", description = "The place in Russian, as it follows «в», e.g. Астане (default: --place as given).")
    String placeRu;

    @Option(names = "--out", paramLabel = "OUT.pdf", description = "Default: IN-signed-<party>.pdf beside IN.")
    Path out;

    @Option(names = "--any-signer", description = {"Sign a PDF that names no designated signer for the party (not an",
            "Accord original). An Accord original is signed only by the party's designated signer."})
    boolean anySigner;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    boolean force;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() {
        return SigningIo.run("accord sign", spec, in, out, "signed-" + party, force, trust, (signer, pdf) -> {
            Level chosen = Level.of(level);
            KeyEntry key = SigningIo.key(keystore, passwordFile);
            SignRequest.requirePartyId(party);
            SignRequest request = Requests.designated(pdf, party, chosen, place, placeRu, key.certificate()).orElseGet(() -> {
                if (!anySigner) {
                    throw new SigningRefusedException("this PDF does not say who signs for " + party
                            + " (it is not an Accord original, or has no such party); give --any-signer to sign it anyway");
                }
                return Requests.anySigner(party, chosen, place, placeRu, key.certificate());
            });
            return signer.sign(pdf, request, key);
        });
    }
}
