package org.accord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.accord.pki.KeyEntry;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a party's designated signer is written in the agreement data and recognised in a certificate chain. */
class DesignatedSignerTest {

    private static final KeyEntry CICA = TestPki.key("cica");
    private static final String ORG = "The Secretariat of the Conference on Interaction and Confidence Building Measures in Asia";

    @TempDir
    Path dir;

    @Test
    void the_name_compares_ignoring_case_spacing_and_unicode_forms() {
        assertEquals(List.of(), new DesignatedSigner("  gong   JIANWEI ", null, null, List.of()).mismatches(CICA.chain()));
        assertEquals(List.of(), new DesignatedSigner("Gong Jianwei", ORG, null, List.of()).mismatches(CICA.chain()));
        assertEquals(List.of(DesignatedSigner.Mismatch.NAME), DesignatedSigner.byName("Gong Jianwe").mismatches(CICA.chain()));
        assertTrue(DesignatedSigner.same("Ｇｏｎｇ Jianwei", "Gong Jianwei"), "full-width letters are the same name (NFKC)");
        assertEquals(List.of(DesignatedSigner.Mismatch.ORGANIZATION),
                new DesignatedSigner("Gong Jianwei", "CICA", null, List.of()).mismatches(CICA.chain()));
        assertEquals(List.of(DesignatedSigner.Mismatch.NAME), DesignatedSigner.byName("X").mismatches(List.of()));
    }

    @Test
    void the_issuer_counts_only_over_a_chain_that_links() {
        String issuing = DesignatedSigner.fingerprint(CICA.chain().get(1));
        String root = DesignatedSigner.fingerprint(CICA.chain().get(2));
        assertEquals(List.of(), new DesignatedSigner("Gong Jianwei", null, issuing, List.of()).mismatches(CICA.chain()));
        assertEquals(List.of(), new DesignatedSigner("Gong Jianwei", null, root, List.of()).mismatches(CICA.chain()));
        // the other CA's certificate of the same name, with the right CA spliced into its chain
        List<X509Certificate> spliced = new ArrayList<>(TestPki.otherCaKey("cica").chain());
        spliced.set(1, CICA.chain().get(1));
        assertEquals(List.of(DesignatedSigner.Mismatch.ISSUER),
                new DesignatedSigner("Gong Jianwei", null, issuing, List.of()).mismatches(spliced));
        assertEquals(List.of(DesignatedSigner.Mismatch.ISSUER),
                new DesignatedSigner("Gong Jianwei", null, issuing, List.of()).mismatches(List.of(CICA.chain().get(0))));
    }

    @Test
    void fingerprints_name_the_only_certificates_accepted() {
        String own = DesignatedSigner.fingerprint(CICA.chain().get(0));
        String other = DesignatedSigner.fingerprint(TestPki.key("sco-rats").chain().get(0));
        assertEquals(List.of(), new DesignatedSigner("Gong Jianwei", null, null, List.of(other, own)).mismatches(CICA.chain()));
        assertEquals(List.of(DesignatedSigner.Mismatch.CERTIFICATE),
                new DesignatedSigner("Gong Jianwei", null, null, List.of(other)).mismatches(CICA.chain()));
        assertEquals(own, DesignatedSigner.normaliseFingerprint(own.toUpperCase().replaceAll("(..)(?!$)", "$1:")));
        assertNull(DesignatedSigner.normaliseFingerprint("abc"));
    }

    @Test
    void an_original_made_before_designated_signers_matches_a_name_without_its_title() {
        assertTrue(DesignatedSigner.namesSignatory("Ambassador Gong Jianwei", "Gong Jianwei"));
        assertTrue(DesignatedSigner.namesSignatory("Yevgeniy Sysoyev", "yevgeniy  sysoyev"));
        assertFalse(DesignatedSigner.namesSignatory("Ambassador Gong Jianwei", "Gong"), "one word is not a name");
        assertFalse(DesignatedSigner.namesSignatory("Ambassador Gong Jianwei", "Jianwei Gong"));
        assertFalse(DesignatedSigner.namesSignatory("Yevgeniy Sysoyev", "Gong Jianwei"));
    }

    @Test
    void the_bundled_agreements_designate_what_the_sample_certificates_carry() throws Exception {
        for (Path seed : List.of(Seeds.CICA, Seeds.INTERPOL)) {
            for (Party p : new AgreementReader().read(seed).parties()) {
                KeyEntry sample = KeyEntry.read(Path.of("keystores-sample", p.id() + ".p12"), "accord-demo".toCharArray());
                assertEquals(List.of(), p.signatory().certificate().mismatches(sample.chain()), p.id());
                assertTrue(p.signatory().certificate().organization() != null, p.id() + " names its organisation");
            }
        }
    }

    @Test
    void the_certificate_keys_are_read_and_checked_with_their_paths() throws Exception {
        String base = Files.readString(Seeds.CICA);
        String issuing = DesignatedSigner.fingerprint(CICA.chain().get(1));
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(CICA.chain().get(1).getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve("leaf.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(CICA.chain().get(0).getEncoded()) + "\n-----END CERTIFICATE-----\n");
        String withFile = base.replace("        name: \"Gong Jianwei\"\n", "        name: \"Gong Jianwei\"\n        issuer: ca.pem\n"
                + "        fingerprints: [\"" + issuing.toUpperCase() + "\"]\n");
        Path file = Files.writeString(dir.resolve("a.yaml"), withFile);
        DesignatedSigner read = new AgreementReader().read(file).parties().get(0).signatory().certificate();
        assertEquals(issuing, read.issuer());
        assertEquals(List.of(issuing), read.certificates());

        InvalidAgreementException fromBytes = org.junit.jupiter.api.Assertions.assertThrows(InvalidAgreementException.class,
                () -> new AgreementReader().read(withFile.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("parties[0].signatory.certificate.issuer: a certificate file can be named only in an agreement "
                + "read from a file; give the CA certificate's SHA-256 fingerprint instead"), fromBytes.problems());

        String bad = base.replace("        name: \"Gong Jianwei\"\n", "        name: \"Gong Jianwei\"\n        issuer: leaf.pem\n"
                + "        fingerprints: [nope]\n        serial: 12\n");
        InvalidAgreementException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidAgreementException.class,
                () -> new AgreementReader().read(Files.writeString(dir.resolve("b.yaml"), bad)));
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().contains("parties[0].signatory.certificate.serial: not part of the agreement format"), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("parties[0].signatory.certificate.fingerprints[0]: 'nope' is not")),
                e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.endsWith("leaf.pem is not a CA certificate")), e.problems().toString());
    }
}
