package org.accord.verify;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.PdfModification;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.executor.signature.DefaultSignatureProcessExecutor;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates signed PDFs — Accord's or anyone's — with EU DSS under Accord's strict policy, adds the checks DSS
 * does not make (revision structure, time-stamps, what follows the last signature, completeness), and says per
 * document whether it is valid as signed. Every verification runs on a bounded pool under one deadline that covers
 * all of its steps. Thread-safe; one per process.
 */
public final class Verifier {

    /** The strict policy shipped with Accord (a DSS constraint file). */
    public static final String POLICY = "policy/accord-strict.xml";
    private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    /** How many verifications may wait per thread before the verifier answers busy. */
    private static final int QUEUED_PER_THREAD = 4;

    private final CommonCertificateVerifier verifier;
    private final ValidationPolicy policy;
    private final String policyName;
    private final Map<String, TrustAnchor> anchorsById = new HashMap<>();
    private final Limits limits;
    private final ThreadPoolExecutor pool;
    /** Accord's own checks of a document, run while DSS validates it on {@link #pool}. */
    private final ThreadPoolExecutor asidePool;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final AtomicLong abandonedTotal = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** The deadline of the verification this thread runs, for the DSS steps that cannot be handed one. */
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    /** How busy the verifier is, for {@code /health}: running now, abandoned past their deadline and still running. */
    public record Load(int running, int abandoned, int threads, long abandonedTotal, long refused) {
    }

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
            throw new IllegalStateException(POLICY + " cannot be read", e);
        }
        int threads = limits.threads();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED_PER_THREAD * threads), r -> {
            Thread t = new Thread(r, "accord-verify");
            t.setDaemon(true);
            return t;
        });
        this.asidePool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads), r -> {
            Thread t = new Thread(r, "accord-verify-aside");
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether any trust anchor is the demo one. */
    public boolean demoTrust() {
        return anchorsById.values().stream().anyMatch(TrustAnchor::demo);
    }

    public Load load() {
        return new Load(running.get(), abandoned.get(), pool.getMaximumPoolSize(), abandonedTotal.get(), refused.get());
    }

    /**
     * The verdict on one file; an unusable file gets a report with {@code error} set, never an exception.
     * Throws {@link VerifierBusyException} when every slot of the pool is taken.
     */
    public Verification verify(String name, byte[] pdf) {
        Deadline deadline = Deadline.in(limits.timeout());
        AtomicBoolean gaveUp = new AtomicBoolean();
        Future<Verification> job;
        try {
            job = pool.submit(() -> run(name, pdf, deadline, gaveUp));
        } catch (RejectedExecutionException e) {
            refused.incrementAndGet();
            throw new VerifierBusyException((int) Math.max(1, Math.min(limits.timeout().toSeconds(), 10)));
        }
        try {
            return job.get(deadline.remainingMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (gaveUp.compareAndSet(false, true)) {
                abandoned.incrementAndGet();
                abandonedTotal.incrementAndGet();
            }
            job.cancel(true);
            return timedOut(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel(true);
            return timedOut(name);
        } catch (ExecutionException e) {
            LOG.warn("verification of an upload failed unexpectedly", e.getCause());
            return new Verification(DocumentReport.unusable(name, Finding.of(Finding.Code.UNREADABLE_PDF)), null);
        }
    }

    /** What Accord reads of a document itself, beside DSS. */
    private record Aside(Revisions.Result revisions, VisualCheck.Ahead visuals, OpenPdfCheck.Result independent) {
    }

    /**
     * Accord's reading of the revisions after the first signed one, the independent check, and (when
     * {@code visualsAhead}) every page comparison the assessment can ask for; without, it makes those it needs.
     */
    private static Aside own(byte[] pdf, List<SignedFields.Field> fields, Deadline deadline, boolean visualsAhead) {
        long first = fields.stream().mapToLong(SignedFields.Field::end).filter(e -> e > 0).min().orElse(0);
        Revisions.Result revisions = first > 0 && first <= pdf.length ? Revisions.check(pdf, (int) first, deadline) : null;
        VisualCheck.Ahead visuals = visualsAhead ? VisualCheck.Ahead.make(pdf, fields, revisions, deadline) : VisualCheck.Ahead.NONE;
        return new Aside(revisions, visuals, fields.isEmpty() ? null : OpenPdfCheck.of(pdf, deadline));
    }

    /** {@code work} on the aside pool; null when that pool is full (the caller then does the work itself). */
    private Future<Aside> submitAside(java.util.concurrent.Callable<Aside> work) {
        try {
            return asidePool.submit(work);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** The aside work's result; null when it failed other than by the deadline (the caller then does it itself). */
    private static Aside awaitAside(Future<Aside> aside, Deadline deadline) {
        try {
            return aside.get(deadline.remainingMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Deadline.Exceeded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Deadline.Exceeded();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Deadline.Exceeded exceeded) {
                throw exceeded;
            }
            LOG.warn("Accord's reading of the revisions failed beside validation; read again in line", e.getCause());
            return null;
        } catch (java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    private Verification timedOut(String name) {
        return new Verification(DocumentReport.unusable(name, Finding.of(Finding.Code.TIMEOUT, "seconds",
                limits.timeout().toSeconds())), null);
    }

    private Verification run(String name, byte[] pdf, Deadline deadline, AtomicBoolean gaveUp) {
        running.incrementAndGet();
        CURRENT.set(deadline);
        Future<Aside> aside = null;
        try {
            Prescan.check(pdf, limits, deadline);
            List<SignedFields.Field> fields = SignedFields.scan(pdf, limits, deadline);
            // Accord's own reading of the revisions, and the page comparisons it calls for, run beside DSS's validation
            aside = submitAside(() -> {
                CURRENT.set(deadline);
                try {
                    return own(pdf, fields, deadline, true);
                } finally {
                    CURRENT.remove();
                }
            });
            Reports reports = validate(pdf);
            deadline.check();
            SimpleReport russian = russian(reports);
            Aside own = aside == null ? null : awaitAside(aside, deadline);
            if (own == null) {
                own = own(pdf, fields, deadline, false);
            }
            Assessment.Inputs inputs = new Assessment.Inputs(reports, russian, fields, own.revisions(), own.visuals(), own.independent(), pdf,
                    anchorsById, demoTrust(), policyName);
            return new Verification(new Assessment(inputs, deadline).report(name, sha256(pdf)), reports);
        } catch (UnusableInputException e) {
            return new Verification(DocumentReport.unusable(name, e.reason()), null);
        } catch (Deadline.Exceeded e) {
            return timedOut(name);
        } finally {
            if (aside != null) {
                aside.cancel(true);
            }
            CURRENT.remove();
            running.decrementAndGet();
            if (gaveUp.getAndSet(true)) {
                abandoned.decrementAndGet();
            }
        }
    }

    /**
     * DSS alone on {@code pdf}, same verifier, policy and object-modification settings (its visual comparison off, as
     * in {@link #verify}), none of Accord's checks: what DSS alone makes of the document.
     */
    public Reports dssOnly(byte[] pdf) {
        return dssValidator(pdf).validateDocument(policy);
    }

    /**
     * OpenPDF alone on {@code pdf}: the independent check's reading of each signed field ({@code intact}, the point
     * of the break it sees, or {@code not possible: why}), none of DSS's or Accord's other checks.
     */
    public Map<String, String> independentOnly(byte[] pdf) {
        OpenPdfCheck.Result result = OpenPdfCheck.of(pdf, Deadline.in(limits.timeout()));
        Map<String, String> views = new java.util.TreeMap<>();
        if (result.unreadable() != null) {
            views.put("", "not possible: " + result.unreadable().json());
        }
        result.fields().forEach((field, v) -> views.put(field, v.unreadable() != null ? "not possible: " + v.unreadable().json()
                : v.broken() != null ? v.broken().json() : "intact"));
        return views;
    }

    private Reports validate(byte[] pdf) {
        try {
            SignedDocumentValidator validator = dssValidator(pdf);
            return validator.validateDocument(policy);
        } catch (Deadline.Exceeded e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnusableInputException(Finding.of(Finding.Code.UNREADABLE_PDF), e);
        }
    }

    private SignedDocumentValidator dssValidator(byte[] pdf) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        // the certificates themselves, not only their digests: Accord matches the signer to the party's designated one
        validator.setTokenExtractionStrategy(eu.europa.esig.dss.enumerations.TokenExtractionStrategy.EXTRACT_CERTIFICATES_ONLY);
        if (validator instanceof PDFDocumentValidator pdfValidator) {
            PdfBoxDefaultObjectFactory factory = new PdfBoxDefaultObjectFactory();
            factory.setPdfDifferencesFinder(new DeadlineDifferencesFinder());
            pdfValidator.setPdfObjFactory(factory);
        }
        return validator;
    }

    /** The same verdicts worded in Russian: DSS reads its messages through its bundle, dss-messages_ru.properties. */
    private SimpleReport russian(Reports reports) {
        DefaultSignatureProcessExecutor executor = new DefaultSignatureProcessExecutor();
        executor.setDiagnosticData(reports.getDiagnosticData().getJaxbModel());
        executor.setValidationPolicy(policy);
        executor.setLocale(RUSSIAN);
        executor.setCurrentTime(reports.getDiagnosticData().getValidationDate());
        return executor.execute().getSimpleReport();
    }

    /**
     * DSS's page and annotation checks without its visual comparison, which renders every page of every signed
     * revision: Accord's reading of the updates already names each change, and it renders (in {@link VisualCheck})
     * only the pages of form fields filled after a signature. Checks the deadline before each signature.
     */
    private static final class DeadlineDifferencesFinder extends DefaultPdfDifferencesFinder {

        @Override
        public List<PdfModification> getVisualDifferences(PdfDocumentReader signed, PdfDocumentReader last) {
            Deadline deadline = CURRENT.get();
            if (deadline != null) {
                deadline.check();
            }
            return List.of();
        }

        @Override
        public List<PdfModification> getAnnotationOverlaps(PdfDocumentReader reader) {
            Deadline deadline = CURRENT.get();
            if (deadline != null) {
                deadline.check();
            }
            return super.getAnnotationOverlaps(reader);
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
