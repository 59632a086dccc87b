package org.accord.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.pki.KeyEntry;
import org.accord.pki.KeystoreException;

/**
 * Keys the server holds: each party's signing keystore {@code <party>.p12} in one directory (in demo mode the
 * sample keystores), and the secretariat's seal. A keystore is unlocked per use with the password its holder gives; a
 * seal in a token (PKCS#11) is unlocked once, at start, and signs without a password.
 */
public final class Keys {

    private final Path partyDir;
    private final Path seal;
    private final KeyEntry sealInToken;

    /** The parties' keystores in {@code partyDir}, the seal in the PKCS#12 file {@code seal}. */
    public Keys(Path partyDir, Path seal) {
        this.partyDir = partyDir;
        this.seal = seal;
        this.sealInToken = null;
    }

    /** The parties' keystores in {@code partyDir}, the seal a key in a token the service has logged in to. */
    public Keys(Path partyDir, KeyEntry sealInToken) {
        this.partyDir = partyDir;
        this.seal = null;
        this.sealInToken = java.util.Objects.requireNonNull(sealInToken, "sealInToken cannot be null");
    }

    /** Whether certifying needs the seal's password (false when the seal is in a token, unlocked at start). */
    public boolean sealNeedsPassword() {
        return sealInToken == null;
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

    /** The secretariat's seal, unlocked with {@code password} (not read when the seal is in a token). */
    public KeyEntry seal(char[] password) {
        return sealInToken != null ? sealInToken : unlock(seal, password);
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
