package org.accord.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.accord.pki.KeystoreException;
import org.accord.sign.SigningRefusedException;
import org.accord.sign.TrustServiceException;

/** Turns the outcome of a command into its exit code and a one-line message on stderr. */
final class Outcomes {

    /** A command body that may fail with Accord's typed exceptions. */
    interface Body {
        void run() throws IOException;
    }

    private Outcomes() {
    }

    static int run(String command, PrintWriter err, Body body) {
        try {
            body.run();
            return 0;
        } catch (SigningRefusedException | KeystoreException | IllegalArgumentException e) {
            err.println(command + ": refused: " + e.getMessage() + "; nothing written");
            return AccordCommand.EXIT_INVALID_INPUT;
        } catch (TrustServiceException e) {
            err.println(command + ": " + e.getMessage() + "; nothing written");
            return AccordCommand.EXIT_TRUST_SERVICE;
        } catch (IOException e) {
            err.println(command + ": " + e + "; nothing written");
            return AccordCommand.EXIT_INVALID_INPUT;
        } finally {
            err.flush();
        }
    }
}
