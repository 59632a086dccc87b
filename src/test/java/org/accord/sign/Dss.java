package org.accord.sign;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.util.List;
import org.accord.pki.LocalTrustDataLoader;
import org.accord.testing.TestPki;

/** An independent DSS validation for tests: trust anchor = the test root, revocation from the test services. */
final class Dss {

    private Dss() {
    }

    static Reports validate(byte[] pdf) {
        LocalTrustDataLoader loader = new LocalTrustDataLoader(TestPki.services(), TestPki.BASE_URL,
                new eu.europa.esig.dss.service.http.commons.CommonsDataLoader());
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
        anchors.addCertificate(new CertificateToken(TestPki.services().rootCertificate()));
        verifier.setTrustedCertSources(anchors);
        verifier.setOcspSource(new OnlineOCSPSource(loader));
        verifier.setCrlSource(new OnlineCRLSource(loader));
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument();
    }

    /** "field: INDICATION level" for every signature, in document order. */
    static List<String> summary(byte[] pdf) {
        Reports reports = validate(pdf);
        return reports.getDiagnosticData().getSignatures().stream().map(s -> describe(reports, s)).toList();
    }

    private static String describe(Reports reports, SignatureWrapper s) {
        Indication indication = reports.getSimpleReport().getIndication(s.getId());
        Level level = Level.of(reports.getSimpleReport().getSignatureFormat(s.getId()));
        return String.join(",", s.getPDFRevision().getSignatureFieldNames()) + ": " + indication + " "
                + (level == null ? reports.getSimpleReport().getSignatureFormat(s.getId()) : level.code());
    }
}
