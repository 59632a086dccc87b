package org.accord.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accord.testing.ExternalTool;
import org.accord.testing.Fixtures;
import org.accord.testing.Pem;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What tools that share no code with DSS (poppler/NSS, OpenSSL) make of a doubly signed original. */
class IndependentVerifiersIT {

    private static byte[] signed;

    @TempDir
    Path dir;

    @BeforeAll
    static void signBoth() {
        signed = SignerTest.signCica(SignerTest.signCica(Fixtures.original(Seeds.CICA), "cica", Level.B_LT), "sco-rats", Level.B_LT);
    }

    @Test
    void pdfsig_finds_both_signatures_valid() throws Exception {
        String pdfsig = ExternalTool.require("pdfsig", "poppler-utils").toString();
        String certutil = ExternalTool.require("certutil", "libnss3-tools").toString();
        Path nss = Files.createDirectories(dir.resolve("nss"));
        Path root = Pem.write(dir.resolve("root.pem"), List.of(TestPki.services().rootCertificate()));
        assertEquals(0, ExternalTool.run(List.of(certutil, "-N", "-d", "sql:" + nss, "--empty-password"), dir).exitCode());
        assertEquals(0, ExternalTool.run(List.of(certutil, "-A", "-d", "sql:" + nss, "-n", "accord-demo-root", "-t", "CT,C,C",
                "-i", root.toString()), dir).exitCode());
        Path pdf = Files.write(dir.resolve("signed.pdf"), signed);
        ExternalTool.Result r = ExternalTool.run(List.of(pdfsig, "-nssdir", "sql:" + nss, pdf.toString()), dir);
        List<String> verdicts = r.stdout().lines().filter(l -> l.contains("Signature Validation:")).toList();
        assertEquals(List.of("  - Signature Validation: Signature is Valid.", "  - Signature Validation: Signature is Valid."),
                verdicts, r.stdout());
        assertTrue(r.stdout().contains("Signature Field Name: sig-cica") && r.stdout().contains("Signature Field Name: sig-sco-rats"));
    }

    @Test
    void openssl_verifies_each_extracted_cms_over_its_byte_range() throws Exception {
        String openssl = ExternalTool.require("openssl", "openssl").toString();
        Path root = Pem.write(dir.resolve("root.pem"), List.of(TestPki.services().rootCertificate()));
        try (PDDocument doc = Loader.loadPDF(signed)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            assertEquals(2, signatures.size());
            for (PDSignature sig : signatures) {
                Path cms = Files.write(dir.resolve("sig.der"), sig.getContents(signed));
                Path content = Files.write(dir.resolve("content.bin"), sig.getSignedContent(signed));
                ExternalTool.Result r = ExternalTool.run(List.of(openssl, "cms", "-verify", "-binary", "-inform", "DER",
                        "-in", cms.toString(), "-content", content.toString(), "-CAfile", root.toString(),
                        "-purpose", "any", "-out", "/dev/null"), dir);
                assertEquals(0, r.exitCode(), sig.getName() + ": " + r.stderr());
                assertTrue(r.stderr().contains("Verification successful"), r.stderr());
            }
        }
    }
}
