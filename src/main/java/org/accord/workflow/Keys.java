package org.accord.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.pki.KeyEntry;
import org.accord.pki.KeystoreException;

/**
 * Keys the server holds: each party's signing keystore {@code <party>.p12} in one directory (in demo mode the
 * sample keystores), and the secretariat's seal. A key is unlocked per use with the password its holder gives.
 */
public final class Keys {

    private final Path partyDir;
    private final Path seal;

    public Keys(Path partyDir, Path seal) {
        this.partyDir = partyDir;
        this.seal = seal;
    }

    /** Whether the server holds a key for {@code partyId}. */
    public boolean holds(String partyId) {
        return partyId.matches("[a-z0-9][a-z0-9-]{0,62}") && Files.isRegularFile(partyDir.resolve(partyId + ".p12"));
    }

    /** The party's key, unlocked; FORBIDDEN when the password does not unlock it. */
    public KeyEntry party(String partyId, char[] password) {
        if (!holds(partyId)) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "the service holds no key for party " + partyId
                    + "; sign with your own keystore instead");
        }
        return unlock(partyDir.resolve(partyId + ".p12"), password);
    }

    /** The secretariat's seal, unlocked. */
    public KeyEntry seal(char[] password) {
        return unlock(seal, password);
    }

    static KeyEntry unlock(Path p12, char[] password) {
        try {
            return KeyEntry.read(p12, password);
        } catch (KeystoreException e) {
            throw refusal(e);
        }
    }

    /** The key in uploaded PKCS#12 bytes, used once and never stored. */
    static KeyEntry unlock(byte[] p12, char[] password) {
        try {
            return KeyEntry.read(new java.io.ByteArrayInputStream(p12), password, "uploaded");
        } catch (KeystoreException e) {
            throw refusal(e);
        }
    }

    private static WorkflowException refusal(KeystoreException e) {
        if (e.wrongPassword()) {
            return new WorkflowException(WorkflowException.Kind.FORBIDDEN, "the password does not unlock the key", e);
        }
        return new WorkflowException(WorkflowException.Kind.INVALID, e.getMessage(), e);
    }
}
