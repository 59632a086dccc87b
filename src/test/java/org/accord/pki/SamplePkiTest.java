package org.accord.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;

class SamplePkiTest {

    private static final char[] PASSWORD = PkiFiles.DEMO_PASSWORD.toCharArray();

    @Test
    void every_party_signer_chains_to_the_root_and_may_sign() throws Exception {
        X509Certificate root = TestPki.services().rootCertificate();
        for (SamplePki.Holder holder : TestPki.PARTIES) {
            KeyEntry key = TestPki.key(holder.fileName());
            X509Certificate cert = key.certificate();
            assertEquals(3, key.chain().size(), holder.fileName());
            cert.verify(key.chain().get(1).getPublicKey());
            key.chain().get(1).verify(root.getPublicKey());
            assertEquals(root, key.chain().get(2));
            assertTrue(cert.getSubjectX500Principal().getName().contains("CN=" + holder.commonName()), cert.getSubjectX500Principal().getName());
            assertArrayEquals(new boolean[] {true, true, false, false, false, false, false, false, false}, cert.getKeyUsage());
            cert.checkValidity(new Date());
        }
    }

    @Test
    void the_tsa_certificate_has_a_critical_time_stamping_key_purpose() throws Exception {
        KeyEntry tsa = KeyEntry.read(TestPki.dir().resolve(PkiFiles.TSA_P12), PASSWORD);
        assertEquals(List.of("1.3.6.1.5.5.7.3.8"), tsa.certificate().getExtendedKeyUsage());
        assertTrue(tsa.certificate().getCriticalExtensionOIDs().contains("2.5.29.37"), "EKU critical");
    }

    @Test
    void certificates_point_to_the_trust_services_under_the_base_url() {
        assertEquals(TestPki.BASE_URL, TestPki.services().baseUrl());
        String cert = new String(TestPki.key("cica").certificate().getExtensionValue("1.3.6.1.5.5.7.1.1"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(cert.contains(TestPki.BASE_URL + PkiFiles.OCSP_PATH) && cert.contains(TestPki.BASE_URL + PkiFiles.ISSUING_CERT_PATH), cert);
    }

    @Test
    void the_negative_keys_are_what_their_names_say() throws Exception {
        Date now = new Date();
        assertThrows(java.security.cert.CertificateExpiredException.class, () -> TestPki.negative("expired").certificate().checkValidity(now));
        assertThrows(java.security.cert.CertificateNotYetValidException.class,
                () -> TestPki.negative("not-yet-valid").certificate().checkValidity(now));
        assertFalse(TestPki.negative("no-non-repudiation").certificate().getKeyUsage()[1]);
        assertTrue(TestPki.services().isRevoked(TestPki.negative("revoked").certificate().getSerialNumber()));
        assertFalse(TestPki.services().isRevoked(TestPki.key("cica").certificate().getSerialNumber()));
    }

    @Test
    void a_wrong_password_is_named_as_such() {
        KeystoreException e = assertThrows(KeystoreException.class,
                () -> KeyEntry.read(PkiFiles.party(TestPki.dir(), "cica"), "not-the-password".toCharArray()));
        assertEquals("wrong password for keystore cica.p12", e.getMessage());
        KeystoreException missing = assertThrows(KeystoreException.class,
                () -> KeyEntry.read(TestPki.dir().resolve("nobody.p12"), PASSWORD));
        assertTrue(missing.getMessage().endsWith("nobody.p12 does not exist"), missing.getMessage());
    }

    @Test
    void the_bundled_sample_pki_is_complete_and_valid_for_years() throws Exception {
        java.nio.file.Path sample = java.nio.file.Path.of("keystores-sample");
        for (String name : List.of("interpol", "impact", "cica", "sco-rats", "secretariat-seal", "tsa")) {
            KeyEntry key = KeyEntry.read(sample.resolve(name + ".p12"), PASSWORD);
            key.certificate().checkValidity(Date.from(Instant.now().plusSeconds(365L * 24 * 3600)));
        }
        for (String name : List.of("expired", "not-yet-valid", "revoked", "no-non-repudiation")) {
            assertTrue(Files.isRegularFile(PkiFiles.negative(sample, name)), name);
        }
        assertTrue(Files.readString(sample.resolve(PkiFiles.ROOT_PEM)).startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals("http://127.0.0.1:7070/pki", TrustServices.load(sample, java.time.Clock.systemUTC()).baseUrl());
    }
}
