package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.accord.testing.ExternalTool;
import org.accord.testing.Http;
import org.accord.testing.PdfA;
import org.accord.testing.Pem;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full powers through the service: an agreement that requires them refuses to be signed without them; the
 * secretariat attaches one party's, the signatory the other's through the link; each signature embeds and covers its
 * party's file; the originals stay PDF/A-3b after every step; DSS, pdfsig and qpdf agree; the audit trail has the
 * SHA-256.
 */
class FullPowersIT {

    @TempDir
    static Path data;
    @TempDir
    Path dir;
    private static Running s;
    private static JsonNode originals;

    @BeforeAll
    static void start() throws IOException {
        s = Running.start(data, Map.of());
        String yaml = Files.readString(Seeds.CICA).replaceFirst("(?m)^id: cica-sco-rats-2017$", "id: cica-sco-rats-2017\nfullPowers: required");
        String id = s.secretariat.post("/api/agreements", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8)).json().path("id").asText();
        originals = s.secretariat.postJson("/api/agreements/" + id + "/originals", Map.of()).json().path("originals");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static String link(String party) {
        return ServiceFlowContract.api(originals.get(0).path("signingLinks").path(party).asText());
    }

    private static String originalId() {
        return originals.get(0).path("id").asText();
    }

    @Test
    void full_powers_are_required_attached_embedded_covered_and_audited() throws Exception {
        byte[] cicaPowers = powers("Full powers: Gong Jianwei signs the Protocol for the CICA Secretariat");
        byte[] scoPowers = powers("Full powers: Yevgeniy Sysoyev signs the Protocol for the SCO RATS");

        // required: no signature before they are attached, and nothing stored
        Http.Response early = s.anonymous.postForm(link("cica"), Http.form("place", "Astana", "placeRu", "Астане", "password", Running.PASSWORD));
        assertEquals(409, early.status(), early.toString());
        assertTrue(early.json().path("detail").asText().contains("full powers"), early.toString());

        // refusals: not a PDF, unknown party
        assertEquals(422, s.secretariat.postForm("/api/originals/" + originalId() + "/full-powers/cica",
                Http.form("file", "not a pdf".getBytes(StandardCharsets.US_ASCII))).status());
        assertEquals(404, s.secretariat.postForm("/api/originals/" + originalId() + "/full-powers/nobody",
                Http.form("file", cicaPowers)).status());
        assertEquals(401, s.anonymous.postForm("/api/originals/" + originalId() + "/full-powers/cica", Http.form("file", cicaPowers)).status());

        // the secretariat attaches CICA's, the SCO RATS signatory its own through the link
        Http.Response bySecretariat = s.secretariat.postForm("/api/originals/" + originalId() + "/full-powers/cica",
                Http.form("file", cicaPowers));
        assertEquals(201, bySecretariat.status(), bySecretariat.toString());
        assertEquals(sha256(cicaPowers), bySecretariat.json().path("sha256").asText());
        Http.Response bySignatory = s.anonymous.postForm(link("sco-rats") + "/full-powers", Http.form("file", scoPowers));
        assertEquals(201, bySignatory.status(), bySignatory.toString());
        assertEquals("link:sco-rats", bySignatory.json().path("attachedBy").asText());
        assertEquals(sha256(scoPowers), s.anonymous.get(link("sco-rats")).json().path("fullPowers").get(0).path("sha256").asText());

        assertEquals(201, s.anonymous.postForm(link("cica"), Http.form("place", "Astana", "placeRu", "Астане", "password", Running.PASSWORD)).status());
        Http.Response second = s.anonymous.postForm(link("sco-rats"), Http.form("place", "Tashkent", "placeRu", "Ташкенте", "password", Running.PASSWORD,
                "keystore", Files.readAllBytes(TestPki.dir().resolve("sco-rats.p12"))));
        assertEquals(201, second.status(), second.toString());
        assertEquals(409, s.secretariat.postForm("/api/originals/" + originalId() + "/full-powers/cica",
                Http.form("file", powers("Too late"))).status(), "a party that has signed takes no more full powers");

        List<byte[]> revisions = new ArrayList<>();
        for (int n = 0; n <= 2; n++) {
            byte[] pdf = s.secretariat.get("/api/originals/" + originalId() + "/revisions/" + n + "/pdf").body();
            PdfA.assertPdfA3b(pdf, "revision " + n);
            revisions.add(pdf);
        }
        byte[] last = revisions.get(2);
        JsonNode verdict = ServiceFlowContract.verify(s, last, "signed.pdf").path("documents").get(0);
        assertEquals("valid", verdict.path("verdict").asText(), verdict.toString());
        for (JsonNode sig : verdict.path("signatures")) {
            byte[] expected = sig.path("party").asText().equals("cica") ? cicaPowers : scoPowers;
            assertEquals(1, sig.path("fullPowers").size(), sig.toString());
            assertEquals(sha256(expected), sig.path("fullPowers").get(0).path("sha256").asText());
            assertTrue(sig.path("fullPowers").get(0).path("covered").asBoolean(), sig.toString());
        }

        JsonNode audit = s.archivist.get("/api/audit").json();
        List<String> attached = new ArrayList<>();
        audit.path("events").forEach(e -> {
            if (e.path("action").asText().equals("fullpowers.attached")) {
                attached.add(e.path("documentSha256").asText());
            }
        });
        assertEquals(List.of(sha256(cicaPowers), sha256(scoPowers)), attached);

        Path pdf = Files.write(dir.resolve("signed.pdf"), last);
        String qpdf = ExternalTool.require("qpdf", "qpdf").toString();
        ExternalTool.Result list = ExternalTool.run(List.of(qpdf, "--list-attachments", "signed.pdf"), dir);
        for (String key : List.of("sig-cica/full-powers-cica.pdf", "sig-sco-rats/full-powers-sco-rats.pdf")) {
            assertTrue(list.stdout().contains(key), list.stdout());
        }
        ExternalTool.Result show = ExternalTool.run(List.of("sh", "-c", "'" + qpdf
                + "' --show-attachment=sig-sco-rats/full-powers-sco-rats.pdf signed.pdf > powers.pdf"), dir);
        assertEquals(0, show.exitCode(), show.stderr());
        assertArrayEquals(scoPowers, Files.readAllBytes(dir.resolve("powers.pdf")));

        String pdfsig = ExternalTool.require("pdfsig", "poppler-utils").toString();
        String certutil = ExternalTool.require("certutil", "libnss3-tools").toString();
        Path nss = Files.createDirectories(dir.resolve("nss"));
        Path root = Pem.write(dir.resolve("root.pem"), List.of(TestPki.services().rootCertificate()));
        assertEquals(0, ExternalTool.run(List.of(certutil, "-N", "-d", "sql:" + nss, "--empty-password"), dir).exitCode());
        assertEquals(0, ExternalTool.run(List.of(certutil, "-A", "-d", "sql:" + nss, "-n", "root", "-t", "CT,C,C", "-i",
                root.toString()), dir).exitCode());
        ExternalTool.Result sig = ExternalTool.run(List.of(pdfsig, "-nssdir", "sql:" + nss, pdf.toString()), dir);
        assertEquals(List.of("  - Signature Validation: Signature is Valid.", "  - Signature Validation: Signature is Valid."),
                sig.stdout().lines().filter(l -> l.contains("Signature Validation:")).toList(), sig.stdout());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] powers(String text) {
        return org.accord.testing.OnePagePdf.of(text);
    }
}
