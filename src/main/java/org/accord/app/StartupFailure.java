package org.accord.app;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.accord.pki.KeystoreException;
import org.accord.pki.TokenException;
import org.accord.store.StoreException;

/**
 * Why {@code serve} could not start, as one paragraph that names the setting or file to fix (never a stack trace): an
 * operator reads it in a terminal or a service log and knows what to change.
 */
final class StartupFailure {

    private StartupFailure() {
    }

    static String explain(Throwable e, Config c) {
        Throwable bind = find(e, BindException.class);
        if (bind != null || e.getClass().getName().equals("io.javalin.util.JavalinBindException")) {
            return "port " + c.server().port() + " on " + c.server().host() + " is already in use or not allowed "
                    + "(server.port / --port, server.host / --host): stop what listens there or choose another port.";
        }
        if (e instanceof StoreException) {
            return e.getMessage() + " (db.url, db.user, db.password; with the embedded database, data.dir = "
                    + c.server().dataDir().toAbsolutePath() + "). Check that the database is reachable and the credentials are right.";
        }
        if (e instanceof TokenException t && c.signing().sealToken() != null) {
            return t.getMessage() + " (signing.seal = pkcs11; " + setting(t.part(), c.signing().sealToken())
                    + "). See README, 'The seal in a PKCS#11 token'.";
        }
        if (e instanceof KeystoreException) {
            return e.getMessage() + ". The sample PKI is read from pki.dir (" + c.trust().pkiDir().toAbsolutePath()
                    + "), the parties' keys from signing.keysDir (" + c.signing().keysDir().toAbsolutePath()
                    + ") and the seal from signing.sealKeystore (" + c.signing().sealKeystore().toAbsolutePath()
                    + "); create the sample PKI with 'accord pki init', or point these settings at your own files.";
        }
        FileSystemException fs = find(e, FileSystemException.class);
        if (fs != null) {
            String why = fs instanceof AccessDeniedException ? "is not writable or readable by this user" : "cannot be used";
            return "the file or directory " + fs.getFile() + " " + why + " (data.dir = " + c.server().dataDir().toAbsolutePath()
                    + ", pki.dir = " + c.trust().pkiDir().toAbsolutePath() + "): " + reason(fs) + ".";
        }
        if (e instanceof IOException) {
            return "a file could not be read or written: " + e.getMessage() + " (data.dir = " + c.server().dataDir().toAbsolutePath()
                    + ", pki.dir = " + c.trust().pkiDir().toAbsolutePath() + ").";
        }
        return "could not start (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "). Check the configuration (see README, 'Configuration').";
    }

    /** The setting that describes the part of the seal's token that is wrong. */
    private static String setting(TokenException.Part part, Config.Pkcs11 token) {
        return switch (part) {
            case LIBRARY -> "signing.pkcs11.library = " + token.library().toAbsolutePath();
            case TOKEN -> token.slotLabel() != null ? "signing.pkcs11.slotLabel = " + token.slotLabel()
                    : "signing.pkcs11.slot = " + token.slot();
            case PIN_FILE -> "signing.pkcs11.pinFile = " + token.pinFile().toAbsolutePath();
            case PIN -> "the PIN is the first line of signing.pkcs11.pinFile = " + token.pinFile().toAbsolutePath();
            case KEY -> "signing.pkcs11.keyLabel = " + token.keyLabel();
        };
    }

    private static String reason(FileSystemException fs) {
        return fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
