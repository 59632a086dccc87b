package org.accord.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.accord.pki.KeyEntry;
import org.accord.pki.Pkcs11Token;
import org.accord.sign.Level;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord certify}: the secretariat's certification (DocMDP P=2) before the parties sign. */
@Command(name = "certify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Certifies an original with the secretariat's seal (DocMDP P=2: form filling and signatures "
                + "remain permitted, any other change breaks the certification). Must come before any signature.",
                "The seal is a PKCS#12 keystore (--keystore, --password-file) or a key in a PKCS#11 token, an HSM "
                + "(--pkcs11-library, --slot-label or --slot, --key-label, --pin-file): the token signs, and the key never "
                + "leaves it. A chain the token holds incompletely is completed from the CA certificates of --pki and --trust.",
                "Exit 0 certified, 2 refused (nothing written; also a wrong password or PIN, a missing token or label), "
                + "3 trust services unreachable or level not reached."})
final class CertifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.pdf", description = "The original, not yet signed.")
    Path in;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Seal seal;

    @Option(names = "--level", defaultValue = "B-LT", paramLabel = "LEVEL", description = "Default: ${DEFAULT-VALUE}.")
    String level;

    @Option(names = "--out", paramLabel = "OUT.pdf", description = "Default: IN-certified.pdf beside IN.")
    Path out;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    boolean force;

    @Mixin
    TrustOptions trust;

    /** Where the seal is: a keystore file or a token, one of the two. */
    static final class Seal {

        @ArgGroup(exclusive = false, heading = "The seal in a PKCS#12 keystore:%n")
        Keystore keystore;

        @ArgGroup(exclusive = false, heading = "The seal in a PKCS#11 token (HSM):%n")
        Token token;
    }

    static final class Keystore {

        @Option(names = "--keystore", required = true, paramLabel = "FILE.p12", description = "The secretariat seal's keystore.")
        Path file;

        @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "A file whose first line is the password.")
        Path passwordFile;
    }

    static final class Token {

        @Option(names = "--pkcs11-library", required = true, paramLabel = "LIB.so",
                description = "The token's PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so.")
        Path library;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        @Option(names = "--key-label", required = true, paramLabel = "LABEL", description = "The label of the seal's key and certificate.")
        String keyLabel;

        @Option(names = "--pin-file", required = true, paramLabel = "FILE", description = "A file whose first line is the user PIN.")
        Path pinFile;
    }

    static final class Where {

        @Option(names = "--slot-label", required = true, paramLabel = "LABEL", description = "The token's label.")
        String label;

        @Option(names = "--slot", required = true, paramLabel = "ID", description = "Or the id of the token's slot.")
        Long id;
    }

    @Override
    public Integer call() {
        return SigningIo.run("accord certify", spec, in, out, "certified", force, trust,
                (signer, pdf) -> signer.certify(pdf, Level.of(level), key()));
    }

    private KeyEntry key() throws IOException {
        if (seal.keystore != null) {
            return SigningIo.key(seal.keystore.file, seal.keystore.passwordFile);
        }
        Token t = seal.token;
        Pkcs11Token.Slot slot = t.where.label != null ? Pkcs11Token.Slot.labelled(t.library, t.where.label)
                : Pkcs11Token.Slot.numbered(t.library, t.where.id);
        char[] pin = Pkcs11Token.readPin(t.pinFile);
        try {
            return Pkcs11Token.key(slot, t.keyLabel, pin, trust.issuers());
        } finally {
            Arrays.fill(pin, '\0');
        }
    }
}
