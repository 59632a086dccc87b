package org.accord.pki;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;

/**
 * ECDSA signatures by BouncyCastle, and nothing else, ahead of the JDK's. Validating a multi-signature PDF
 * verifies hundreds of ECDSA signatures (certificates, OCSP answers, CRLs, time-stamps), and BouncyCastle's
 * implementation is several times faster than the JDK 17 one. Only {@code Signature} services are offered, so
 * key stores, ciphers and key generation stay with the JDK (BouncyCastle as a whole first in line makes PKCS#12
 * files OpenSSL 3 cannot read).
 */
public final class EcdsaProvider extends Provider {

    private static final long serialVersionUID = 1L;
    /** The provider's name, as {@code Security.getProvider} knows it. */
    public static final String NAME = "AccordEcdsa";
    private static final String SPI = "org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi$";
    private static final Map<String, String> KEYS = Map.of("SupportedKeyClasses",
            "java.security.interfaces.ECPublicKey|java.security.interfaces.ECPrivateKey");

    private EcdsaProvider() {
        super(NAME, "1.0", "BouncyCastle ECDSA signatures, ahead of the JDK's");
        service("SHA1withECDSA", "ecDSA", "1.2.840.10045.4.1");
        service("SHA224withECDSA", "ecDSA224", "1.2.840.10045.4.3.1");
        service("SHA256withECDSA", "ecDSA256", "1.2.840.10045.4.3.2");
        service("SHA384withECDSA", "ecDSA384", "1.2.840.10045.4.3.3");
        service("SHA512withECDSA", "ecDSA512", "1.2.840.10045.4.3.4");
    }

    private void service(String algorithm, String spi, String oid) {
        putService(new Service(this, "Signature", algorithm, SPI + spi, List.of(oid, "OID." + oid), KEYS));
    }

    /** Puts the provider first, once per JVM. */
    public static synchronized void install() {
        if (Security.getProvider(NAME) == null) {
            Security.insertProviderAt(new EcdsaProvider(), 1);
        }
    }
}
