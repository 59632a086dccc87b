package org.accord.verify;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Validates signed PDFs — Accord's or anyone's — with EU DSS under Accord's strict policy, adds the checks DSS
 * does not make, and says per document whether it is valid as signed. Thread-safe; one per process.
 */
public final class Verifier {

    /** The strict policy shipped with Accord (a DSS constraint file). */
    public static final String POLICY = "policy/accord-strict.xml";

    private final CommonCertificateVerifier verifier;
    private final ValidationPolicy policy;
    private final String policyName;
    private final Map<String, TrustAnchor> anchorsById = new HashMap<>();
    private final Limits limits;
    private final ExecutorService executor;

    /**
     * A verifier trusting {@code anchors}; {@code loader} fetches missing revocation data and certificates
     * (null: offline, only what the documents carry).
     */
    public Verifier(List<TrustAnchor> anchors, DataLoader loader, Limits limits) {
        this(anchors, loader, limits, null);
    }

    /** As above, also trusting {@code trustedLists} (EU trusted lists, see {@link TrustedLists}) when not null. */
    public Verifier(List<TrustAnchor> anchors, DataLoader loader, Limits limits, CertificateSource trustedLists) {
        this.limits = Objects.requireNonNull(limits, "limits cannot be null");
        this.verifier = new CommonCertificateVerifier(loader == null);
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (TrustAnchor anchor : anchors) {
            CertificateToken token = new CertificateToken(anchor.certificate());
            trusted.addCertificate(token);
            anchorsById.put(token.getDSSIdAsString(), anchor);
        }
        if (trustedLists == null) {
            verifier.setTrustedCertSources(trusted);
        } else {
            verifier.setTrustedCertSources(trusted, trustedLists);
        }
        if (loader != null) {
            verifier.setOcspSource(new OnlineOCSPSource(loader));
            verifier.setCrlSource(new OnlineCRLSource(loader));
            verifier.setAIASource(new DefaultAIASource(loader));
        }
        try (InputStream in = Verifier.class.getClassLoader().getResourceAsStream(POLICY)) {
            this.policy = ValidationPolicyFacade.newFacade().getValidationPolicy(in);
            this.policyName = policy.getPolicyName();
        } catch (Exception e) {
            throw new IllegalStateException(POLICY + " cannot be read: " + e.getMessage(), e);
        }
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "accord-verify");
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether any trust anchor is the demo one. */
    public boolean demoTrust() {
        return anchorsById.values().stream().anyMatch(TrustAnchor::demo);
    }

    /** The verdict on one file; an unusable file gets a report with {@code error} set, never an exception. */
    public Verification verify(String name, byte[] pdf) {
        try {
            List<SignedFields.Field> fields = SignedFields.scan(pdf, limits);
            Reports reports = validate(pdf);
            DocumentReport report = new Assessment(reports, fields, pdf, anchorsById, demoTrust(), policyName)
                    .report(name, sha256(pdf));
            return new Verification(report, reports);
        } catch (UnusableInputException e) {
            return new Verification(DocumentReport.unusable(name, e.getMessage()), null);
        }
    }

    /** DSS alone on {@code pdf}, same verifier and policy, none of Accord's checks: the benchmark's baseline. */
    public Reports dssOnly(byte[] pdf) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument(policy);
    }

    private Reports validate(byte[] pdf) {
        Future<Reports> running = executor.submit(() -> dssOnly(pdf));
        try {
            return running.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            throw new UnusableInputException("validation took longer than " + limits.timeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnusableInputException("validation was interrupted");
        } catch (ExecutionException e) {
            throw new UnusableInputException("the PDF cannot be validated: " + e.getCause().getMessage(), e.getCause());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
