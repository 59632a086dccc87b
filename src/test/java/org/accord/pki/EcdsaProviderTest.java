package org.accord.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/** BouncyCastle's ECDSA first in line: its signatures and the JDK's verify each other, and nothing else moves. */
class EcdsaProviderTest {

    @Test
    void signatures_are_bouncycastles_and_interoperate_with_the_jdks() throws Exception {
        EcdsaProvider.install();
        EcdsaProvider.install();
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        byte[] data = "Протокол".getBytes(StandardCharsets.UTF_8);

        Signature ours = Signature.getInstance("SHA256withECDSA");
        ours.initSign(pair.getPrivate());
        ours.update(data);
        byte[] value = ours.sign();
        assertEquals(EcdsaProvider.NAME, ours.getProvider().getName());

        Signature jdk = Signature.getInstance("SHA256withECDSA", "SunEC");
        jdk.initVerify(pair.getPublic());
        jdk.update(data);
        assertTrue(jdk.verify(value), "the JDK verifies BouncyCastle's signature");

        jdk.initSign(pair.getPrivate());
        jdk.update(data);
        Signature check = Signature.getInstance("SHA256withECDSA");
        check.initVerify(pair.getPublic());
        check.update(data);
        assertTrue(check.verify(jdk.sign()), "BouncyCastle verifies the JDK's signature");
        assertEquals(EcdsaProvider.NAME, check.getProvider().getName());
    }

    @Test
    void key_stores_and_key_generation_stay_with_the_jdk() throws Exception {
        EcdsaProvider.install();
        assertEquals("SUN", KeyStore.getInstance("PKCS12").getProvider().getName());
        assertEquals("SunEC", KeyPairGenerator.getInstance("EC").getProvider().getName());
        assertEquals("SunRsaSign", Signature.getInstance("SHA256withRSA").getProvider().getName());
    }
}
