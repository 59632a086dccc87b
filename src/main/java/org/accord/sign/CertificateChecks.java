package org.accord.sign;

import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** The signer's certificate must be usable now: in its validity period, meant for signing, not revoked. */
final class CertificateChecks {

    private final List<RevocationSource<?>> sources;
    private final List<X509Certificate> anchors;

    CertificateChecks(List<RevocationSource<?>> sources, List<X509Certificate> anchors) {
        this.sources = List.copyOf(sources);
        this.anchors = List.copyOf(anchors);
    }

    void require(List<X509Certificate> chain, Instant now) {
        X509Certificate cert = chain.get(0);
        String who = cert.getSubjectX500Principal().getName();
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw new SigningRefusedException("the certificate of " + who + " expired on " + cert.getNotAfter().toInstant());
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw new SigningRefusedException("the certificate of " + who + " is not valid before "
                    + cert.getNotBefore().toInstant());
        }
        boolean[] usage = cert.getKeyUsage();
        if (usage == null || !usage[0] || !usage[1]) {
            throw new SigningRefusedException("the certificate of " + who
                    + " is not for signatures: it lacks the digitalSignature and nonRepudiation key usages");
        }
        if (chain.size() < 2) {
            throw new SigningRefusedException("the keystore holds no issuer certificate for " + who
                    + ": its revocation status cannot be checked");
        }
        requireTrusted(chain, who);
        requireNotRevoked(new CertificateToken(cert), new CertificateToken(chain.get(1)), who);
    }

    /** Each certificate must be issued by the next, and the chain end in (or be issued by) a configured trust anchor. */
    private void requireTrusted(List<X509Certificate> chain, String who) {
        for (int i = 1; i < chain.size(); i++) {
            if (!chain.get(i - 1).getIssuerX500Principal().equals(chain.get(i).getSubjectX500Principal())
                    || !verifies(chain.get(i - 1), chain.get(i))) {
                throw new SigningRefusedException("the certificate chain of " + who + " is broken: certificate " + (i + 1)
                        + " did not issue certificate " + i);
            }
        }
        X509Certificate top = chain.get(chain.size() - 1);
        for (X509Certificate anchor : anchors) {
            if (anchor.equals(top) || anchor.getSubjectX500Principal().equals(top.getIssuerX500Principal())
                    && verifies(top, anchor)) {
                return;
            }
        }
        throw new SigningRefusedException("the certificate of " + who + " does not chain to a trusted root");
    }

    private static boolean verifies(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    /** Asks OCSP, then the CRL; refuses a revoked certificate, and never signs when neither answers. */
    private void requireNotRevoked(CertificateToken cert, CertificateToken issuer, String who) {
        StringBuilder failures = new StringBuilder();
        for (RevocationSource<?> source : sources) {
            try {
                RevocationToken<?> token = source.getRevocationToken(cert, issuer);
                if (token == null) {
                    continue;
                }
                if (token.getStatus() == CertificateStatus.REVOKED) {
                    throw new SigningRefusedException("the certificate of " + who + " is revoked (since "
                            + token.getRevocationDate().toInstant() + ")");
                }
                if (token.getStatus() == CertificateStatus.GOOD) {
                    return;
                }
            } catch (SigningRefusedException e) {
                throw e;
            } catch (RuntimeException e) {
                failures.append(' ').append(e.getMessage());
            }
        }
        throw new TrustServiceException("the revocation status of " + who + "'s certificate cannot be checked "
                + "(no OCSP or CRL answer)" + (failures.length() > 0 ? ":" + failures : ""));
    }
}
