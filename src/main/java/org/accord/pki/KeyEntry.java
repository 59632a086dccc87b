package org.accord.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A private key with its certificate chain (signer first), read from a PKCS#12 keystore or held in a PKCS#11 token. */
public record KeyEntry(PrivateKey key, List<X509Certificate> chain) {

    public KeyEntry {
        Objects.requireNonNull(key, "key cannot be null");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("chain cannot be empty");
        }
    }

    /** The certificate of the key. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Reads the only (or first) key entry of a PKCS#12 file; the password is wiped by the caller. */
    public static KeyEntry read(Path p12, char[] password) {
        try (InputStream in = Files.newInputStream(p12)) {
            return read(in, password, p12.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new KeystoreException("keystore " + p12 + " does not exist");
        } catch (IOException e) {
            throw new KeystoreException("keystore " + p12 + " cannot be read", e);
        }
    }

    /** Reads the only (or first) key entry of PKCS#12 bytes. */
    public static KeyEntry read(InputStream p12, char[] password, String name) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(p12, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    Certificate[] chain = store.getCertificateChain(alias);
                    return new KeyEntry(key, Arrays.stream(chain).map(c -> (X509Certificate) c).toList());
                }
            }
            throw new KeystoreException("keystore " + name + " holds no private key");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new KeystoreException("wrong password for keystore " + name, e, true);
            }
            throw new KeystoreException("keystore " + name + " is not a readable PKCS#12 file", e);
        } catch (UnrecoverableKeyException e) {
            throw new KeystoreException("wrong password for keystore " + name, e, true);
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("keystore " + name + " cannot be used", e);
        }
    }
}
