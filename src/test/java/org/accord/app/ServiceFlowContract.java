package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.accord.pki.KeyEntry;
import org.accord.testing.Http;
import org.accord.testing.PdfText;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;

/**
 * The whole service flow over HTTP, as the three kinds of users meet it: the secretariat drafts the CICA protocol
 * and issues the two originals, each signatory signs through its link (server-held key, own .p12, two-step),
 * the archivist verifies. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ServiceFlowContract {

    /** The running service under test. */
    abstract Running service();

    @Test
    void a_protocol_goes_from_draft_to_two_valid_signatures_on_each_original() throws Exception {
        Running s = service();
        Http.Response created = s.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.CICA));
        assertEquals(201, created.status(), created.toString());
        String id = created.json().path("id").asText();
        assertEquals("/api/agreements/" + id, created.header("Location"));

        Http.Response detail = s.archivist.get("/api/agreements/" + id);
        assertEquals(200, detail.status(), detail.toString());
        assertEquals("cica-sco-rats-2017", detail.json().path("dataId").asText());
        assertEquals(2, detail.json().path("parties").size());

        Http.Response preview = s.secretariat.get("/api/agreements/" + id + "/preview?layout=sequential");
        assertEquals(200, preview.status(), preview.toString());
        assertEquals("application/pdf", preview.header("Content-Type"));
        assertTrue(preview.header("Content-Disposition").startsWith("attachment"), preview.header("Content-Disposition"));
        assertTrue(PdfText.all(preview.body()).contains("ПРОТОКОЛ"), "the preview carries the Russian text");
        assertTrue(preview.header("Content-Disposition").contains("draft-cica-sco-rats-2017-sequential-en-ru.pdf"),
                preview.header("Content-Disposition"));

        Http.Response issued = s.secretariat.postJson("/api/agreements/" + id + "/originals", Map.of("layout", "parallel"));
        assertEquals(201, issued.status(), issued.toString());
        JsonNode originals = issued.json().path("originals");
        assertEquals(2, originals.size());
        assertEquals("cica", originals.get(0).path("custodian").asText());
        List<String> links = new ArrayList<>();
        for (JsonNode o : originals) {
            for (String party : List.of("cica", "sco-rats")) {
                String link = o.path("signingLinks").path(party).asText();
                assertTrue(link.matches(java.util.regex.Pattern.quote(s.service.url()) + "/sign/[A-Za-z0-9_-]{43}"), link);
                links.add(link);
            }
        }
        assertEquals(4, links.stream().distinct().count(), "every party of every original has its own link");
        String one = originals.get(0).path("id").asText();
        String two = originals.get(1).path("id").asText();

        // original 1: the CICA signatory with the key the server holds, SCO RATS with its own keystore
        Http.Response heldKey = s.anonymous.postForm(api(links.get(0)), Http.form("place", "Astana", "placeRu", "Астане", "password", Running.PASSWORD));
        assertEquals(201, heldKey.status(), heldKey.toString());
        assertEquals("cica", heldKey.json().path("party").asText());
        assertNotNull(heldKey.json().path("signedAt").textValue(), "the time-stamp's time");
        byte[] p12 = Files.readAllBytes(TestPki.dir().resolve("sco-rats.p12"));
        Http.Response ownKey = s.anonymous.postForm(api(links.get(1)), Http.form("place", "Tashkent", "placeRu", "Ташкенте", "password", Running.PASSWORD,
                "keystore", p12));
        assertEquals(201, ownKey.status(), ownKey.toString());

        // original 2: both in two steps, the key never leaving the signer (once as DER, once as WebCrypto's r||s)
        twoStep(s, links.get(2), "cica", "Astana", "SHA256withECDSA");
        twoStep(s, links.get(3), "sco-rats", "Tashkent", "SHA256withECDSAinP1363Format");

        for (String original : List.of(one, two)) {
            JsonNode status = s.secretariat.get("/api/originals/" + original).json();
            assertTrue(status.path("complete").asBoolean(), status.toString());
            for (JsonNode p : status.path("parties")) {
                assertEquals("signed", p.path("status").asText(), p.toString());
                assertEquals("B-LT", p.path("level").asText());
                assertFalse(p.path("signedBy").asText().isBlank());
                assertEquals("used", p.path("link").asText());
            }
            Http.Response pdf = s.archivist.get("/api/originals/" + original + "/pdf");
            assertEquals(200, pdf.status());
            assertTrue(pdf.header("Content-Disposition").matches("attachment; filename=\"cica-sco-rats-2017-original-[12]-of-2\\.pdf\""),
                    pdf.header("Content-Disposition"));
            JsonNode verdict = verify(s, pdf.body(), "original.pdf");
            JsonNode doc = verdict.path("documents").get(0);
            assertTrue(doc.path("valid").asBoolean(), doc.toString());
            assertEquals(2, doc.path("signatures").size());
            for (JsonNode signature : doc.path("signatures")) {
                assertEquals("agrees", signature.path("independentCheck").path("outcome").asText(), signature.toString());
            }
            assertTrue(verdict.path("issued").path("final").asBoolean(), verdict.toString());
        }

        // each stored revision carries the verdict it was stored with: how many signatures are intact in it
        for (String original : List.of(one, two)) {
            assertEquals(List.of(0, 1, 2), new org.accord.store.Originals(s.service.database()).revisions(original).stream()
                    .map(org.accord.store.Revision::intactSignatures).toList());
        }

        // a copy cut back to revision 1 verifies, but never reads as the final original
        Http.Response revision1 = s.archivist.get("/api/originals/" + one + "/revisions/1/pdf");
        assertTrue(revision1.header("Content-Disposition").matches("attachment; filename=\"cica-sco-rats-2017-original-[12]-of-2-rev1\\.pdf\""),
                revision1.header("Content-Disposition"));
        JsonNode partial = verify(s, revision1.body(), "copy.pdf");
        assertTrue(partial.path("documents").get(0).path("valid").asBoolean(), partial.toString());
        assertFalse(partial.path("issued").path("final").asBoolean());
        assertEquals(1, partial.path("issued").path("laterSignatures").asInt());
        assertEquals(2, partial.path("issued").path("latestRevision").asInt());

        // the archivist extends original 1 for the long term
        Http.Response extended = s.archivist.post("/api/originals/" + one + "/extend?level=B-LTA", null, new byte[0]);
        assertEquals(201, extended.status(), extended.toString());
        assertEquals(3, extended.json().path("number").asInt());
        assertEquals(2, new org.accord.store.Originals(s.service.database()).latest(one).intactSignatures());
        assertTrue(verify(s, s.archivist.get("/api/originals/" + one + "/pdf").body(), "lta.pdf").path("documents").get(0)
                .path("valid").asBoolean());

        JsonNode audit = s.archivist.get("/api/audit").json();
        assertTrue(audit.path("chainValid").asBoolean(), audit.path("firstBreak").toString());
        List<String> actions = new ArrayList<>();
        audit.path("events").forEach(e -> actions.add(e.path("action").asText()));
        assertTrue(actions.containsAll(List.of("agreement.created", "original.issued", "invitation.created", "original.signed",
                "document.verified", "original.extended")), actions.toString());
    }

    private static void twoStep(Running s, String link, String party, String place, String jcaAlgorithm) throws Exception {
        KeyEntry key = TestPki.key(party);
        List<String> chain = new ArrayList<>();
        for (var c : key.chain()) {
            chain.add(Base64.getEncoder().encodeToString(c.getEncoded()));
        }
        Http.Response data = s.anonymous.postJson(api(link) + "/data-to-sign", Map.of("place", place, "placeRu", place, "certificates", chain));
        assertEquals(200, data.status(), data.toString());
        assertEquals("SHA256withECDSA", data.json().path("algorithm").asText());
        Signature signature = Signature.getInstance(jcaAlgorithm);
        signature.initSign(key.key());
        signature.update(Base64.getDecoder().decode(data.json().path("dataToSign").asText()));
        String value = Base64.getEncoder().encodeToString(signature.sign());
        Http.Response signed = s.anonymous.postJson(api(link) + "/signature", Map.of("signatureValue", value));
        assertEquals(201, signed.status(), signed.toString());
        assertEquals(party, signed.json().path("party").asText());
    }

    static JsonNode verify(Running s, byte[] pdf, String name) {
        Http.Response r = s.archivist.postForm("/api/verify", Http.form("file", pdf));
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    /** The API address of a signing link (the page is /sign/{token}, its API /api/sign/{token}). */
    static String api(String link) {
        return link.replace("/sign/", "/api/sign/");
    }
}
