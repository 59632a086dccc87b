package org.accord.app;

import java.security.Security;
import org.accord.cli.AccordCommand;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** {@code java -jar accord.jar <command>}: hands the arguments to the command line and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // BouncyCastle first: validation checks dozens of ECDSA signatures (certificates, OCSP, CRLs,
        // time-stamps) per signature, and BouncyCastle's P-256 verifies them about twice as fast as the JDK's
        // (bench-verify, 5 signatures: 1.1 s against 2-2.7 s). The algorithms and results are the same.
        Security.insertProviderAt(new BouncyCastleProvider(), 1);
        System.exit(AccordCommand.commandLine().execute(args));
    }
}
