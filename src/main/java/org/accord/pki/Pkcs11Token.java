package org.accord.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A key held in a PKCS#11 token (an HSM, a smart card, SoftHSM2), used through the JDK's SunPKCS11 provider: the
 * private key is a handle that never leaves the token, and each signature with it is made by the token. The provider is
 * added to the JCA's list (last), so {@code Signature.getInstance(algorithm)} given the key picks it, whatever comes
 * first for software keys.
 */
public final class Pkcs11Token {

    /** One provider per (module, slot) in a process: SunPKCS11 instances are heavy, and each logs the token in once. */
    private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private Pkcs11Token() {
    }

    /** Where a token is: its module (the PKCS#11 library) and either its label or the id of its slot. */
    public record Slot(Path library, String tokenLabel, Long slotId) {

        public Slot {
            Objects.requireNonNull(library, "library cannot be null");
            if ((tokenLabel == null) == (slotId == null)) {
                throw new IllegalArgumentException("give the token's label or its slot id, one of the two");
            }
        }

        /** The token labelled {@code label} in {@code library}. */
        public static Slot labelled(Path library, String label) {
            return new Slot(library, label, null);
        }

        /** The token in slot {@code id} of {@code library}. */
        public static Slot numbered(Path library, long id) {
            return new Slot(library, null, id);
        }

        @Override
        public String toString() {
            return (tokenLabel != null ? "token '" + tokenLabel + "'" : "the token in slot " + slotId) + " of " + library;
        }
    }

    /**
     * The private key labelled {@code keyLabel} in the token, logged in with {@code pin} (wiped by the caller), and its
     * certificate chain: the token's, completed from {@code issuers} when the token holds fewer CA certificates.
     */
    public static KeyEntry key(Slot slot, String keyLabel, char[] pin, Collection<X509Certificate> issuers) {
        if (!Files.isRegularFile(slot.library())) {
            throw new TokenException(TokenException.Part.LIBRARY, "the PKCS#11 library " + slot.library() + " does not exist");
        }
        long id = slotId(slot);
        Session session = SESSIONS.computeIfAbsent(slot.library().toAbsolutePath().normalize() + "#" + id, k -> new Session());
        synchronized (session) {
            if (session.provider == null) {
                session.provider = provider(slot, id);
            }
            return session.key(slot, keyLabel, pin, issuers);
        }
    }

    /** The first line of {@code file}, the PIN (wiped by the caller). */
    public static char[] readPin(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new TokenException(TokenException.Part.PIN_FILE, "the PIN file " + file + " does not exist");
        } catch (IOException e) {
            throw new TokenException(TokenException.Part.PIN_FILE, "the PIN file " + file + " cannot be read: " + reason(e), e);
        }
        int end = 0;
        while (end < raw.length && raw[end] != '\n' && raw[end] != '\r') {
            end++;
        }
        java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(raw, 0, end));
        Arrays.fill(raw, (byte) 0);
        char[] pin = new char[chars.remaining()];
        chars.get(pin);
        Arrays.fill(chars.array(), '\0');
        if (pin.length == 0) {
            throw new TokenException(TokenException.Part.PIN_FILE, "the PIN file " + file + " is empty: its first line is the PIN");
        }
        return pin;
    }

    private static long slotId(Slot slot) {
        if (slot.slotId() != null) {
            return slot.slotId();
        }
        Map<Long, String> labels = TokenLabels.of(slot.library());
        List<Long> matching = labels.entrySet().stream().filter(e -> e.getValue().equals(slot.tokenLabel())).map(Map.Entry::getKey).toList();
        if (matching.isEmpty()) {
            throw new TokenException(TokenException.Part.TOKEN, "no token labelled '" + slot.tokenLabel() + "' in " + slot.library()
                    + " (tokens present: " + String.join(", ", labels.values().stream().filter(l -> !l.isEmpty())
                    .map(l -> "'" + l + "'").toList()).transform(l -> l.isEmpty() ? "none" : l) + ")");
        }
        if (matching.size() > 1) {
            throw new TokenException(TokenException.Part.TOKEN, "several tokens are labelled '" + slot.tokenLabel() + "' in "
                    + slot.library() + " (slots " + matching + "); give the slot id instead");
        }
        return matching.get(0);
    }

    private static Provider provider(Slot slot, long id) {
        String config = "--name = Accord-" + NAMES.incrementAndGet() + "\nlibrary = \"" + slot.library().toAbsolutePath() + "\"\nslot = "
                + id + "\n";
        Provider provider;
        try {
            provider = Security.getProvider("SunPKCS11").configure(config);
        } catch (ProviderException | IllegalArgumentException e) {
            if (reason(e).contains("CKR_SLOT_ID_INVALID") || reason(e).contains("CKR_TOKEN_NOT_PRESENT")) {
                throw new TokenException(TokenException.Part.TOKEN, "there is no token in slot " + id + " of " + slot.library(), e);
            }
            throw new TokenException(TokenException.Part.LIBRARY, "the PKCS#11 library " + slot.library()
                    + " cannot be used for slot " + id + ": " + reason(e), e);
        }
        Security.addProvider(provider);
        return provider;
    }

    /** What a provider knows of one token: whether a PIN logged it in (SunPKCS11 skips the login once logged in). */
    private static final class Session {

        private Provider provider;
        private final byte[] salt = salt();
        private byte[] pinDigest;

        KeyEntry key(Slot slot, String keyLabel, char[] pin, Collection<X509Certificate> issuers) {
            byte[] digest = digest(pin);
            if (pinDigest != null && !MessageDigest.isEqual(pinDigest, digest)) {
                throw wrongPin(slot, null);
            }
            KeyStore store;
            try {
                store = KeyStore.getInstance("PKCS11", provider);
            } catch (KeyStoreException e) {
                throw new TokenException(TokenException.Part.TOKEN, "there is no usable token: " + slot, e);
            }
            try {
                store.load(null, pin);
            } catch (IOException e) {
                if (loginFailed(e)) {
                    throw wrongPin(slot, e);
                }
                throw new TokenException(TokenException.Part.TOKEN, slot + " cannot be read: " + reason(e), e);
            } catch (GeneralSecurityException e) {
                throw new TokenException(TokenException.Part.TOKEN, slot + " cannot be read: " + reason(e), e);
            }
            pinDigest = digest;
            return entry(store, slot, keyLabel, issuers);
        }

        private static byte[] salt() {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            return salt;
        }

        private byte[] digest(char[] pin) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(salt);
                java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(pin));
                sha.update(bytes.duplicate());
                Arrays.fill(bytes.array(), (byte) 0);
                return sha.digest();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }

    private static KeyEntry entry(KeyStore store, Slot slot, String keyLabel, Collection<X509Certificate> issuers) {
        try {
            if (!store.isKeyEntry(keyLabel)) {
                throw new TokenException(TokenException.Part.KEY, slot + " holds no private key labelled '" + keyLabel
                        + "' with its certificate (labels: " + String.join(", ", Collections.list(store.aliases())) + ")");
            }
            PrivateKey key = (PrivateKey) store.getKey(keyLabel, null);
            Certificate[] chain = store.getCertificateChain(keyLabel);
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : chain) {
                certificates.add((X509Certificate) c);
            }
            return new KeyEntry(key, complete(certificates, issuers));
        } catch (GeneralSecurityException e) {
            throw new TokenException(TokenException.Part.KEY, "the key labelled '" + keyLabel + "' in " + slot + " cannot be used: "
                    + reason(e), e);
        }
    }

    /** Adds, while the last certificate is not self-issued, its issuer from {@code issuers}. */
    static List<X509Certificate> complete(List<X509Certificate> chain, Collection<X509Certificate> issuers) {
        List<X509Certificate> full = new ArrayList<>(chain);
        for (int depth = 0; depth < 10; depth++) {
            X509Certificate last = full.get(full.size() - 1);
            if (last.getIssuerX500Principal().equals(last.getSubjectX500Principal())) {
                break;
            }
            X509Certificate issuer = issuers.stream().filter(c -> c.getSubjectX500Principal().equals(last.getIssuerX500Principal())
                    && issued(last, c) && !full.contains(c)).findFirst().orElse(null);
            if (issuer == null) {
                break;
            }
            full.add(issuer);
        }
        return full;
    }

    private static boolean issued(X509Certificate cert, X509Certificate by) {
        try {
            cert.verify(by.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static TokenException wrongPin(Slot slot, Throwable cause) {
        if (cause != null && reason(cause).contains("CKR_PIN_LOCKED")) {
            return new TokenException(TokenException.Part.PIN, "the PIN of " + slot + " is locked (too many wrong PINs)", cause);
        }
        return new TokenException(TokenException.Part.PIN, "the PIN does not unlock " + slot, cause);
    }

    private static boolean loginFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.security.auth.login.LoginException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
