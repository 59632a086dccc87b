package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.accord.model.DesignatedSigner;
import org.accord.pki.KeyEntry;
import org.accord.pki.PkiFiles;
import org.accord.testing.Http;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only the party's designated signatory signs its field, whichever way the link is used: every wrong certificate
 * is refused with 422 before anything is signed, nothing is stored, the link still works, and the right certificate
 * then signs. The service here holds a misfiled key: SCO RATS's keystore filed as CICA's.
 */
class WrongSignerIT {

    @TempDir
    static Path data;
    @TempDir
    static Path keys;
    private static Running s;
    private static JsonNode originals;

    @BeforeAll
    static void start() throws IOException {
        Files.copy(PkiFiles.party(TestPki.dir(), "sco-rats"), keys.resolve("cica.p12"));
        s = Running.start(data, Map.of("signing.keysDir", keys.toString(),
                "signing.sealKeystore", TestPki.dir().resolve(PkiFiles.SEAL_P12).toString()));
        String id = s.secretariat.post("/api/agreements", "application/yaml", Files.readAllBytes(Seeds.CICA)).json().path("id").asText();
        originals = s.secretariat.postJson("/api/agreements/" + id + "/originals", Map.of()).json().path("originals");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static String link(int original, String party) {
        return ServiceFlowContract.api(originals.get(original).path("signingLinks").path(party).asText());
    }

    private static int revisions(int original) {
        return s.secretariat.get("/api/originals/" + originals.get(original).path("id").asText()).json().path("revisions").size();
    }

    private static JsonNode refused(Http.Response r, String type) {
        assertEquals(422, r.status(), r.toString());
        assertEquals("application/problem+json", r.header("Content-Type"));
        JsonNode body = r.json();
        assertEquals("https://accord.invalid/problems/" + type, body.path("type").asText(), r.toString());
        assertFalse(r.text().contains("Exception"), r.text());
        return body;
    }

    private static Http.Response withKeystore(String link, byte[] p12) {
        return s.anonymous.postForm(link, Http.form("place", "Astana", "placeRu", "Астане", "password", Running.PASSWORD, "keystore", p12));
    }

    private static List<String> chain(List<X509Certificate> chain) throws Exception {
        List<String> encoded = new ArrayList<>();
        for (X509Certificate c : chain) {
            encoded.add(Base64.getEncoder().encodeToString(c.getEncoded()));
        }
        return encoded;
    }

    @Test
    void every_wrong_certificate_is_refused_and_the_right_one_then_signs() throws Exception {
        String link = link(0, "cica");
        byte[] scoRats = Files.readAllBytes(PkiFiles.party(TestPki.dir(), "sco-rats"));
        byte[] seal = Files.readAllBytes(TestPki.dir().resolve(PkiFiles.SEAL_P12));
        KeyEntry cica = TestPki.key("cica");

        // the key the service holds for CICA is not CICA's signatory's
        JsonNode held = refused(s.anonymous.postForm(link, Http.form("place", "Astana", "placeRu", "Астане", "password", Running.PASSWORD)), "wrong-signer");
        assertEquals("cica", held.path("party").asText());
        assertEquals("Yevgeniy Sysoyev", held.path("certificateName").asText());
        assertEquals("Gong Jianwei", held.path("designatedSigner").asText());
        assertEquals("CICA Secretariat", held.path("partyName").path("en").asText());
        assertEquals("[\"name\",\"organization\"]", held.path("mismatches").toString());
        // another party's keystore, the secretariat's seal
        refused(withKeystore(link, scoRats), "wrong-signer");
        assertEquals("Secretariat Seal", refused(withKeystore(link, seal), "wrong-signer").path("certificateName").asText());
        // the right name and organisation from another CA: not a trusted chain
        JsonNode other = refused(withKeystore(link, Files.readAllBytes(PkiFiles.party(TestPki.otherCa(), "cica"))), "signing-refused");
        assertTrue(other.path("detail").asText().contains("does not chain to a trusted root"), other.toString());
        // CICA's own key, its issuers left out
        JsonNode leaf = refused(withKeystore(link, TestPki.p12(cica, List.of(cica.chain().get(0)))), "signing-refused");
        assertTrue(leaf.path("detail").asText().contains("no issuer certificate"), leaf.toString());
        // CICA's own certificate presented under the other CA's issuer: the chain does not link
        List<X509Certificate> spliced = new ArrayList<>(cica.chain());
        spliced.set(1, TestPki.otherCaKey("cica").chain().get(1));
        refused(withKeystore(link, TestPki.p12(cica, spliced)), "signing-refused");
        // two steps: refused at data-to-sign, before anything is prepared
        refused(s.anonymous.postJson(link + "/data-to-sign", Map.of("place", "Astana",
                "certificates", chain(TestPki.key("sco-rats").chain()))), "wrong-signer");
        refused(s.anonymous.postJson(link + "/data-to-sign", Map.of("place", "Astana",
                "certificates", chain(List.of(cica.chain().get(0))))), "signing-refused");
        refused(s.anonymous.postJson(link + "/data-to-sign", Map.of("place", "Astana",
                "certificates", chain(TestPki.otherCaKey("cica").chain()))), "signing-refused");
        assertEquals(409, s.anonymous.postJson(link + "/signature", Map.of("signatureValue", "AAAA")).status(),
                "nothing was prepared");

        assertEquals(1, revisions(0), "nothing was stored");
        assertEquals(200, s.anonymous.get(link).status(), "the link still works");
        Http.Response right = withKeystore(link, Files.readAllBytes(PkiFiles.party(TestPki.dir(), "cica")));
        assertEquals(201, right.status(), right.toString());
        assertEquals(2, revisions(0));

        byte[] pdf = s.secretariat.get("/api/originals/" + originals.get(0).path("id").asText() + "/revisions/1/pdf").body();
        JsonNode verdict = ServiceFlowContract.verify(s, pdf, "signed.pdf").path("documents").get(0);
        JsonNode signature = verdict.path("signatures").get(0);
        assertEquals("cica", signature.path("party").asText(), verdict.toString());
        assertTrue(signature.path("designatedSigner").asBoolean(), verdict.toString());
        assertEquals("Gong Jianwei", signature.path("signer").asText());
    }

    @Test
    void the_secretariat_can_name_the_signers_ca_at_issuing_and_it_is_frozen_in_the_originals() throws Exception {
        String yaml = new String(Seeds.titled(Seeds.CICA, 2), java.nio.charset.StandardCharsets.UTF_8).replace("id: cica-sco-rats-2017", "id: cica-sco-rats-2017-ca");
        String id = s.secretariat.post("/api/agreements", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8)).json()
                .path("id").asText();
        String otherIssuer = DesignatedSigner.fingerprint(TestPki.otherCaKey("cica").chain().get(1));
        Http.Response bad = s.secretariat.postJson("/api/agreements/" + id + "/originals",
                Map.of("signers", Map.of("cica", Map.of("name", "Gong Jianwei", "issuer", "not-a-fingerprint"))));
        assertEquals(400, bad.status(), bad.toString());
        Http.Response unknown = s.secretariat.postJson("/api/agreements/" + id + "/originals",
                Map.of("signers", Map.of("nobody", Map.of("name", "X Y"))));
        assertEquals(422, unknown.status(), unknown.toString());
        JsonNode issued = s.secretariat.postJson("/api/agreements/" + id + "/originals",
                Map.of("signers", Map.of("cica", Map.of("name", "Gong Jianwei", "issuer", otherIssuer)))).json().path("originals");
        String link = ServiceFlowContract.api(issued.get(0).path("signingLinks").path("cica").asText());
        JsonNode wrongCa = refused(withKeystore(link, Files.readAllBytes(PkiFiles.party(TestPki.dir(), "cica"))), "wrong-signer");
        assertEquals("[\"issuer\"]", wrongCa.path("mismatches").toString(), wrongCa.toString());
    }
}
