package org.accord.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accord.testing.ExternalTool;
import org.accord.testing.Pem;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust services over real HTTP, checked by OpenSSL. */
class TrustServicesIT {

    private static TrustServicesServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = TrustServicesServer.start(TestPki.services(), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private byte[] post(String path, byte[] body, String type) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    @Test
    void the_tsa_answers_an_openssl_time_stamp_query_that_openssl_verifies() throws Exception {
        String openssl = ExternalTool.require("openssl", "openssl").toString();
        Path data = Files.writeString(dir.resolve("data.txt"), "Article 1. The Parties shall cooperate.");
        Path query = dir.resolve("request.tsq");
        ExternalTool.Result q = ExternalTool.run(List.of(openssl, "ts", "-query", "-data", data.toString(), "-sha256",
                "-cert", "-out", query.toString()), dir);
        assertEquals(0, q.exitCode(), q.stderr());
        Path reply = Files.write(dir.resolve("reply.tsr"), post(PkiFiles.TSA_PATH, Files.readAllBytes(query),
                "application/timestamp-query"));

        ExternalTool.Result text = ExternalTool.run(List.of(openssl, "ts", "-reply", "-in", reply.toString(), "-text"), dir);
        assertEquals(0, text.exitCode(), text.stderr());
        assertTrue(text.stdout().contains("Status: Granted.") && text.stdout().contains("Policy OID: 2.999.1.1"), text.stdout());

        KeyEntry tsa = KeyEntry.read(TestPki.dir().resolve(PkiFiles.TSA_P12), PkiFiles.DEMO_PASSWORD.toCharArray());
        Path root = Pem.write(dir.resolve("root.pem"), List.of(TestPki.services().rootCertificate()));
        Path untrusted = Pem.write(dir.resolve("chain.pem"), tsa.chain().subList(0, 2));
        ExternalTool.Result verify = ExternalTool.run(List.of(openssl, "ts", "-verify", "-data", data.toString(),
                "-in", reply.toString(), "-CAfile", root.toString(), "-untrusted", untrusted.toString()), dir);
        assertTrue(verify.stdout().contains("Verification: OK"), verify.stdout() + verify.stderr());
    }

    @Test
    void openssl_asks_the_ocsp_responder_and_hears_good_and_revoked() throws Exception {
        String openssl = ExternalTool.require("openssl", "openssl").toString();
        Path root = Pem.write(dir.resolve("root.pem"), List.of(TestPki.services().rootCertificate()));
        Path issuer = Pem.write(dir.resolve("issuer.pem"), List.of(TestPki.key("cica").chain().get(1)));
        Path good = Pem.write(dir.resolve("good.pem"), List.of(TestPki.key("cica").certificate()));
        Path revoked = Pem.write(dir.resolve("revoked.pem"), List.of(TestPki.negative("revoked").certificate()));
        for (Path cert : List.of(good, revoked)) {
            ExternalTool.Result r = ExternalTool.run(List.of(openssl, "ocsp", "-issuer", issuer.toString(), "-cert",
                    cert.toString(), "-url", server.baseUrl() + PkiFiles.OCSP_PATH, "-CAfile", root.toString()), dir);
            assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
            assertTrue(r.stderr().contains("Response verify OK"), r.stderr());
            assertTrue(r.stdout().contains(cert == good ? ": good" : ": revoked"), r.stdout());
        }
    }

    @Test
    void openssl_reads_the_crls_and_the_ca_certificates() throws Exception {
        String openssl = ExternalTool.require("openssl", "openssl").toString();
        for (String path : List.of(PkiFiles.ROOT_CRL_PATH, PkiFiles.ISSUING_CRL_PATH)) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("application/pkix-crl", r.headers().firstValue("Content-Type").orElse(""));
            Path crl = Files.write(dir.resolve("x.crl"), r.body());
            ExternalTool.Result text = ExternalTool.run(List.of(openssl, "crl", "-inform", "DER", "-in", crl.toString(),
                    "-noout", "-text"), dir);
            assertEquals(0, text.exitCode(), text.stderr());
            assertEquals(path.equals(PkiFiles.ISSUING_CRL_PATH), text.stdout().contains("Revoked Certificates:")
                    && !text.stdout().contains("No Revoked Certificates"), text.stdout());
        }
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/../etc/passwd")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
    }
}
