package org.accord.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import org.accord.testing.TestPki;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

class TrustServicesTest {

    private final TrustServices services = TestPki.services();

    private BasicOCSPResp ocsp(KeyEntry subject) throws Exception {
        X509Certificate issuer = subject.chain().get(1);
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), subject.certificate().getSerialNumber());
        TrustServices.Response r = services.handle("POST", PkiFiles.OCSP_PATH, new OCSPReqBuilder().addRequest(id).build().getEncoded());
        assertEquals(200, r.status());
        assertEquals(TrustServices.OCSP_REPLY, r.contentType());
        OCSPResp resp = new OCSPResp(r.body());
        assertEquals(OCSPResp.SUCCESSFUL, resp.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
        assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer)), "signed by the issuing CA");
        return basic;
    }

    @Test
    void ocsp_says_good_for_a_signer_and_revoked_for_the_revoked_key() throws Exception {
        assertEquals(null, ocsp(TestPki.key("cica")).getResponses()[0].getCertStatus());
        assertTrue(ocsp(TestPki.negative("revoked")).getResponses()[0].getCertStatus() instanceof RevokedStatus);
    }

    @Test
    void the_issuing_crl_is_fresh_and_lists_the_revoked_key() throws Exception {
        TrustServices.Response r = services.handle("GET", PkiFiles.ISSUING_CRL_PATH, new byte[0]);
        X509CRLHolder crl = new X509CRLHolder(r.body());
        BigInteger revoked = TestPki.negative("revoked").certificate().getSerialNumber();
        assertTrue(crl.getRevokedCertificate(revoked) != null);
        assertTrue(crl.getThisUpdate().getTime() > System.currentTimeMillis() - 60_000, "issued just now");
        assertTrue(crl.isSignatureValid(new JcaContentVerifierProviderBuilder().build(TestPki.key("cica").chain().get(1))));
    }

    @Test
    void unknown_paths_and_garbage_get_client_errors() {
        assertEquals(404, services.handle("GET", "/etc/passwd", new byte[0]).status());
        assertEquals(400, services.handle("POST", PkiFiles.TSA_PATH, "garbage".getBytes()).status());
        TrustServices.Response ocsp = services.handle("POST", PkiFiles.OCSP_PATH, "garbage".getBytes());
        assertEquals(200, ocsp.status(), "OCSP answers malformedRequest inside a 200, as RFC 6960 has it");
    }
}
