package org.accord.sign;

import eu.europa.esig.dss.alert.ExceptionOnStatusAlert;
import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.exception.ProtectedDocumentException;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.accord.model.DesignatedSigner;
import org.accord.pki.KeyEntry;

/**
 * Makes PAdES signatures with EU DSS: a party's signature into its field, or the secretariat's certification,
 * each an incremental update time-stamped by the configured authority, checked before (document, certificate)
 * and after (the output carries what its level requires). Thread-safe; one per process.
 */
public final class Signer {

    /** The signature field the secretariat's certification is made in. */
    public static final String CERTIFICATION_FIELD = "certification";
    private static final String FONT = "liberation/LiberationSerif-Regular.ttf";

    private final PAdESService service;
    private final TrustSetup trust;
    private final Preflight preflight;
    private final CertificateChecks certificates;
    private final Wording wording;
    private final DSSFileFont font;
    private final Clock clock;

    public Signer(TrustSetup trust) {
        this(trust, Clock.systemUTC(), Signer.class.getClassLoader());
    }

    Signer(TrustSetup trust, Clock clock, ClassLoader loader) {
        this.trust = trust;
        this.clock = clock;
        OnlineOCSPSource ocsp = new OnlineOCSPSource(trust.loader());
        OnlineCRLSource crl = new OnlineCRLSource(trust.loader());
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
        trust.anchors().forEach(a -> anchors.addCertificate(new CertificateToken(a)));
        verifier.setTrustedCertSources(anchors);
        verifier.setOcspSource(ocsp);
        verifier.setCrlSource(crl);
        verifier.setAIASource(new DefaultAIASource(trust.loader()));
        // Never degrade silently: DSS throws when a time-stamp or revocation data cannot be had.
        verifier.setAlertOnMissingRevocationData(new ExceptionOnStatusAlert());
        verifier.setAlertOnInvalidTimestamp(new ExceptionOnStatusAlert());
        verifier.setAlertOnRevokedCertificate(new ExceptionOnStatusAlert());
        // Adding a signature re-extends the earlier ones, whose revocation data predates the new time-stamp by
        // design; and a CRL's thisUpdate (UTCTime, whole seconds) cannot show it was issued after a time-stamp of
        // the same second. Neither is a defect of the new signature, which LevelCheck confirms afterwards.
        verifier.setAlertOnUncoveredPOE(new SilentOnStatusAlert());
        verifier.setAlertOnNoRevocationAfterBestSignatureTime(new SilentOnStatusAlert());
        this.service = new PAdESService(verifier);
        service.setTspSource(new OnlineTSPSource(trust.tsaUrl(), trust.loader()));
        PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
        NoComparison noComparison = new NoComparison();
        factory.setPdfObjectModificationsFinder(noComparison);
        factory.setPdfDifferencesFinder(noComparison);
        service.setPdfObjFactory(factory);
        CommonCertificateVerifier offline = new CommonCertificateVerifier(true);
        offline.setTrustedCertSources(anchors);
        this.preflight = new Preflight(offline);
        this.certificates = new CertificateChecks(List.<RevocationSource<?>>of(ocsp, crl), trust.anchors());
        this.wording = new Wording(loader);
        try (InputStream in = loader.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is not on the class path");
            }
            // Parsed once: the font is read-only here; each signed document embeds its own subset of it.
            this.font = new DSSFileFont(new InMemoryDocument(in.readAllBytes(), "LiberationSerif-Regular.ttf"));
            font.setEmbedFontSubset(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which trust services this signer uses, in words for the user. */
    public String trustDescription() {
        return trust.description();
    }

    /** Signs {@code pdf} for a party with a key held here; the signed PDF, or a refusal. Every signature in it is validated first. */
    public byte[] sign(byte[] pdf, SignRequest request, KeyEntry key) {
        return sign(pdf, request, key, null);
    }

    /**
     * Signs {@code pdf}, which begins with the bytes of {@code base} (a revision this service stored and checked; null
     * when there is none): the signatures inside {@code base} are not validated again. A document that does not begin
     * with those bytes is validated in full.
     */
    public byte[] sign(byte[] pdf, SignRequest request, KeyEntry key, CheckedRevision base) {
        requireDesignated(request, key.chain());
        preflight.beforeSigning(pdf, request.fieldName(), base);
        return signHere(pdf, request, request.level(), key);
    }

    /**
     * Validates every signature of {@code pdf} as signing over it would (intact, nothing changed since but signing and
     * form filling); the record to keep with the revision, or a refusal.
     */
    public CheckedRevision check(byte[] pdf) {
        return preflight.check(pdf);
    }

    /** Certifies {@code pdf} for the secretariat (DocMDP P=2: form filling and signatures remain allowed). */
    public byte[] certify(byte[] pdf, Level level, KeyEntry seal) {
        preflight.beforeCertifying(pdf);
        return signHere(pdf, null, level, seal);
    }

    /** One-step signing with a key held here: one set of parameters for both DSS calls. */
    private byte[] signHere(byte[] pdf, SignRequest request, Level level, KeyEntry key) {
        try {
            return signOnce(pdf, request, level, key);
        } catch (DayChangedException e) {
            // midnight (UTC) passed between completing the block and the time-stamp: complete it again with the new day
            return signOnce(pdf, request, level, key);
        }
    }

    private byte[] signOnce(byte[] pdf, SignRequest request, Level level, KeyEntry key) {
        Prepared draft = draft(pdf, request, level, key.chain());
        PAdESSignatureParameters parameters = parameters(draft);
        ToBeSigned toBeSigned = dss(() -> service.getDataToSign(new InMemoryDocument(draft.pdf()), parameters));
        Prepared prepared = draft.withDataToSign(toBeSigned.getBytes());
        return finish(prepared, parameters, toBeSigned, sign(prepared, key.key()));
    }

    /** When the last archive time-stamp of {@code pdf} stops being renewable: its unit's certificate's expiry. */
    public static java.util.Optional<java.time.Instant> archiveExpiry(byte[] pdf) {
        return LevelCheck.archiveExpiry(pdf);
    }

    /**
     * Augments every signature of {@code pdf} for the archive: B-LT adds the validation data, B-LTA also an
     * archive time-stamp; on a B-LTA document each call adds a fresh archive time-stamp (re-time-stamping
     * before the last one's certificate expires). The signatures must be intact.
     */
    public byte[] extend(byte[] pdf, Level level) {
        if (level != Level.B_LT && level != Level.B_LTA) {
            throw new SigningRefusedException("extend takes B-LT or B-LTA, not " + level.code());
        }
        int timestampsBefore = preflight.beforeExtending(pdf);
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level.dss());
        byte[] extended = DSSUtils.toByteArray(dss(() -> service.extendDocument(new InMemoryDocument(pdf), parameters)));
        if (level == Level.B_LTA && LevelCheck.documentTimestamps(extended) <= timestampsBefore) {
            throw new TrustServiceException("no archive time-stamp was added; nothing written");
        }
        return extended;
    }

    /** Step one of two-step signing: the bytes the signer's own device must sign, and the state to keep. */
    public Prepared dataToSign(byte[] pdf, SignRequest request, List<X509Certificate> chain) {
        return dataToSign(pdf, request, chain, null);
    }

    /** Step one of two-step signing over a document that begins with {@code base} (see {@link #sign(byte[], SignRequest, KeyEntry, CheckedRevision)}). */
    public Prepared dataToSign(byte[] pdf, SignRequest request, List<X509Certificate> chain, CheckedRevision base) {
        if (chain.isEmpty()) {
            throw new SigningRefusedException("the certificate chain is empty");
        }
        requireDesignated(request, chain);
        preflight.beforeSigning(pdf, request.fieldName(), base);
        Prepared draft = draft(pdf, request, request.level(), chain);
        ToBeSigned toBeSigned = dss(() -> service.getDataToSign(new InMemoryDocument(draft.pdf()), parameters(draft)));
        return draft.withDataToSign(toBeSigned.getBytes());
    }

    /** Step two: the signed PDF, once the signature value is proven to match the data to sign. */
    public byte[] complete(Prepared prepared, byte[] signatureValue) {
        // The state came back from outside: rebuild the data to sign and insist it is what was signed.
        PAdESSignatureParameters parameters = parameters(prepared);
        ToBeSigned toBeSigned = dss(() -> service.getDataToSign(new InMemoryDocument(prepared.pdf()), parameters));
        if (!Arrays.equals(toBeSigned.getBytes(), prepared.dataToSign())) {
            throw new SigningRefusedException("the prepared signature no longer matches the document; start again");
        }
        return finish(prepared, parameters, toBeSigned, signatureValue);
    }

    private byte[] finish(Prepared prepared, PAdESSignatureParameters parameters, ToBeSigned toBeSigned,
                          byte[] signatureValue) {
        X509Certificate signer = prepared.chain().get(0);
        SignatureValue value = new SignatureValue(algorithm(signer), signatureValue);
        if (!service.isValidSignatureValue(toBeSigned, value, new CertificateToken(signer))) {
            throw new SigningRefusedException("the signature value does not match the data to sign with this certificate");
        }
        byte[] signed = DSSUtils.toByteArray(dss(() -> service.signDocument(
                new InMemoryDocument(prepared.pdf()), parameters, value)));
        LevelCheck.require(signed, prepared.certification() ? null : prepared.request().fieldName(), prepared.level(), signer);
        if (!prepared.certification() && prepared.level().compareTo(Level.B_T) >= 0
                && Completion.expected(prepared.pdf(), prepared.request().partyId())) {
            java.time.Instant stamped = LevelCheck.signed(signed, prepared.request().fieldName()).timestamp();
            java.time.LocalDate day = java.time.LocalDate.ofInstant(prepared.signingTime(), java.time.ZoneOffset.UTC);
            if (stamped != null && !java.time.LocalDate.ofInstant(stamped, java.time.ZoneOffset.UTC).equals(day)) {
                throw new DayChangedException(day);
            }
        }
        return signed;
    }

    /** The state of a signature about to be made, once the certificate has passed its checks. */
    private Prepared draft(byte[] pdf, SignRequest request, Level level, List<X509Certificate> chain) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (chain.isEmpty()) {
            throw new SigningRefusedException("the certificate chain is empty");
        }
        requireDesignated(request, chain);
        certificates.require(chain, now);
        // The signature block is completed in the revision this signature covers: place and the signing day.
        byte[] document = request == null ? pdf : Completion.fill(pdf, request.partyId(), request.place(), request.placeRu(),
                java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC));
        return new Prepared(document, request, level, chain, now, null, javaAlgorithm(chain.get(0)));
    }

    /** Only the party's designated signer signs its field: checked before anything else is done with the chain. */
    public static void requireDesignated(SignRequest request, List<X509Certificate> chain) {
        if (request == null || request.designated() == null) {
            return;
        }
        List<DesignatedSigner.Mismatch> wrong = request.designated().mismatches(chain);
        if (!wrong.isEmpty()) {
            String cn = DesignatedSigner.subject(chain.get(0), "CN");
            throw new WrongSignerException(request.partyId(), request.designated().party(),
                    cn == null ? chain.get(0).getSubjectX500Principal().getName() : cn, request.designated().signer().name(), wrong);
        }
    }

    PAdESSignatureParameters parameters(Prepared p) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(p.level().dss());
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(p.chain().get(0)));
        parameters.setCertificateChain(p.chain().stream().map(CertificateToken::new).toList());
        parameters.bLevel().setSigningDate(Date.from(p.signingTime()));
        parameters.setAppName("Accord");
        if (p.certification()) {
            parameters.setPermission(CertificationPermission.MINIMAL_CHANGES_PERMITTED);
            parameters.setReason(wording.get("certification"));
            return parameters;
        }
        SignRequest r = p.request();
        parameters.setReason(r.heading() == null ? wording.get("reasonWithoutHeading", r.partyId())
                : wording.get("reason", lowerFirst(r.heading().en()), lowerFirst(r.heading().ru())));
        if (r.place() != null && !r.place().isBlank()) {
            parameters.setLocation(r.place());
        }
        // /Name is the certificate's, never the data's: a signature cannot name someone its certificate does not.
        String cn = DesignatedSigner.subject(p.chain().get(0), "CN");
        parameters.setSignerName(cn != null ? cn : p.chain().get(0).getSubjectX500Principal().getName());
        parameters.setImageParameters(image(r, cn != null ? cn : p.chain().get(0).getSubjectX500Principal().getName(),
                p.signingTime()));
        return parameters;
    }

    private SignatureImageParameters image(SignRequest r, String signer, Instant signingTime) {
        SignatureImageParameters image = new SignatureImageParameters();
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setFieldId(r.fieldName());
        image.setFieldParameters(field);
        if (r.appearance() != null) {
            SignatureImageTextParameters text = new SignatureImageTextParameters();
            text.setText(String.join("\n", r.appearance().lines(wording, signer, r.place(), signingTime)));
            text.setFont(font);
            text.setTextWrapping(TextWrapping.FILL_BOX_AND_LINEBREAK);
            text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.LEFT);
            text.setPadding(3);
            text.setTextColor(new java.awt.Color(0x1a, 0x2a, 0x6c));
            text.setBackgroundColor(java.awt.Color.WHITE);
            image.setTextParameters(text);
        }
        return image;
    }

    static byte[] sign(Prepared prepared, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(prepared.javaAlgorithm());
            signature.initSign(key);
            signature.update(prepared.dataToSign());
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new SigningRefusedException("the key cannot sign", e);
        }
    }

    /** Runs a DSS call, turning its failures into Accord's: protected documents refused, trust services down. */
    private static <T> T dss(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProtectedDocumentException e) {
            throw new SigningRefusedException("the document does not permit another signature", e);
        } catch (SigningRefusedException | TrustServiceException e) {
            throw e;
        } catch (DSSException e) {
            throw new TrustServiceException("signing failed: a trust service (time-stamp, certificate status) did not answer as "
                    + "needed", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SigningRefusedException("the document cannot be signed", e);
        }
    }

    static SignatureAlgorithm algorithm(X509Certificate cert) {
        return SignatureAlgorithm.getAlgorithm(EncryptionAlgorithm.forKey(cert.getPublicKey()), DigestAlgorithm.SHA256);
    }

    static String javaAlgorithm(X509Certificate cert) {
        return algorithm(cert).getJCEId();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
