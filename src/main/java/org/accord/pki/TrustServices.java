package org.accord.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The sample PKI's trust services as plain request → response handlers: an RFC 3161 time-stamping authority,
 * fresh CRLs of both CAs, an OCSP responder (signed by the issuing CA) and the CA certificates. Mount them on
 * any HTTP server with {@link #handle}. Thread-safe.
 */
public final class TrustServices {

    /** The TSA policy: an OID under ITU-T X.660's example arc, for a demo authority. */
    public static final String TSA_POLICY = "2.999.1.1";
    /** Media types of the answers. */
    public static final String TSA_REPLY = "application/timestamp-reply";
    public static final String OCSP_REPLY = "application/ocsp-response";
    public static final String CRL = "application/pkix-crl";
    public static final String CERTIFICATE = "application/pkix-cert";

    private final KeyEntry root;
    private final KeyEntry issuing;
    private final KeyEntry tsa;
    private final Map<BigInteger, Date> revoked = new HashMap<>();
    private final Clock clock;
    private final DigestCalculatorProvider digests;

    private TrustServices(KeyEntry root, KeyEntry issuing, KeyEntry tsa, X509CRLHolder revocations, Clock clock) {
        this.root = root;
        this.issuing = issuing;
        this.tsa = tsa;
        this.clock = clock;
        for (Object entry : revocations.getRevokedCertificates()) {
            X509CRLEntryHolder e = (X509CRLEntryHolder) entry;
            revoked.put(e.getSerialNumber(), e.getRevocationDate());
        }
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The trust services of the sample PKI in {@code dir} (as written by {@link SamplePki}). */
    public static TrustServices load(Path dir, Clock clock) {
        char[] password = PkiFiles.DEMO_PASSWORD.toCharArray();
        try {
            return new TrustServices(KeyEntry.read(dir.resolve(PkiFiles.ROOT_P12), password),
                    KeyEntry.read(dir.resolve(PkiFiles.ISSUING_P12), password),
                    KeyEntry.read(dir.resolve(PkiFiles.TSA_P12), password),
                    new X509CRLHolder(Files.readAllBytes(dir.resolve(PkiFiles.REVOCATIONS))), clock);
        } catch (IOException e) {
            throw new KeystoreException("the sample PKI in " + dir + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** One HTTP answer. */
    public record Response(int status, String contentType, byte[] body) {
    }

    /** Answers a request for {@code path} (relative to the services' base URL). */
    public Response handle(String method, String path, byte[] body) {
        try {
            return switch (method + " " + path) {
                case "POST " + PkiFiles.TSA_PATH -> new Response(200, TSA_REPLY, timestamp(body));
                case "POST " + PkiFiles.OCSP_PATH -> new Response(200, OCSP_REPLY, ocsp(body));
                case "GET " + PkiFiles.ROOT_CRL_PATH -> new Response(200, CRL, crl(root, Map.of()));
                case "GET " + PkiFiles.ISSUING_CRL_PATH -> new Response(200, CRL, crl(issuing, revoked));
                case "GET " + PkiFiles.ROOT_CERT_PATH -> new Response(200, CERTIFICATE, root.certificate().getEncoded());
                case "GET " + PkiFiles.ISSUING_CERT_PATH -> new Response(200, CERTIFICATE, issuing.certificate().getEncoded());
                default -> new Response(404, "text/plain", ("no trust service at " + method + " " + path).getBytes());
            };
        } catch (IOException | IllegalArgumentException e) {
            return new Response(400, "text/plain", ("bad request: " + e.getMessage()).getBytes());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("trust service failure: " + e.getMessage(), e);
        }
    }

    /**
     * The base URL the sample certificates point to (where these services must be reachable), read from the
     * issuing CA's CRL distribution point.
     */
    public String baseUrl() {
        byte[] ext = issuing.certificate().getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            throw new KeystoreException("the issuing CA certificate has no CRL distribution point");
        }
        CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(ext).getOctets());
        GeneralName name = GeneralNames.getInstance(points.getDistributionPoints()[0].getDistributionPoint().getName())
                .getNames()[0];
        String url = name.getName().toString();
        return url.substring(0, url.length() - PkiFiles.ROOT_CRL_PATH.length());
    }

    /** The sample root CA certificate (the trust anchor). */
    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    /** The TSA's certificate chain. */
    public List<X509Certificate> tsaChain() {
        return tsa.chain();
    }

    /** An RFC 3161 response to a DER time-stamp request. */
    public byte[] timestamp(byte[] request) throws IOException {
        try {
            TimeStampRequest req = new TimeStampRequest(request);
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build(Certificates.SIGNATURE_ALGORITHM, tsa.key(), tsa.certificate()),
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(TSA_POLICY));
            tokens.addCertificates(new JcaCertStore(tsa.chain()));
            // Millisecond genTime: revocation data fetched right after the time-stamp is then provably later.
            tokens.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            TimeStampResponse response = responses.generate(req, Certificates.serial(), Date.from(clock.instant()));
            return response.getEncoded();
        } catch (TSPException | OperatorCreationException | GeneralSecurityException e) {
            throw new IOException("time-stamp request refused: " + e.getMessage(), e);
        }
    }

    /** An OCSP response (signed by the issuing CA) to a DER OCSP request. */
    public byte[] ocsp(byte[] request) throws IOException {
        OCSPReq req;
        try {
            req = new OCSPReq(request);
        } catch (IOException | RuntimeException e) {
            return malformed();
        }
        try {
            X509CertificateHolder ca = new JcaX509CertificateHolder(issuing.certificate());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(ca.getSubject()));
            Date now = Date.from(clock.instant());
            Date next = Date.from(clock.instant().plus(Duration.ofHours(1)));
            for (Req one : req.getRequestList()) {
                CertificateID id = one.getCertID();
                CertificateStatus status;
                if (!id.matchesIssuer(ca, digests)) {
                    status = new UnknownStatus();
                } else if (revoked.containsKey(id.getSerialNumber())) {
                    status = new RevokedStatus(revoked.get(id.getSerialNumber()), CRLReason.keyCompromise);
                } else {
                    status = CertificateStatus.GOOD;
                }
                builder.addResponse(id, status, now, next);
            }
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    builder.build(Certificates.signer(issuing.key()), new X509CertificateHolder[] {ca}, now)).getEncoded();
        } catch (OCSPException | GeneralSecurityException e) {
            return malformed();
        }
    }

    private static byte[] malformed() throws IOException {
        try {
            return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
        } catch (OCSPException e) {
            throw new IOException(e);
        }
    }

    private byte[] crl(KeyEntry ca, Map<BigInteger, Date> entries) throws IOException, GeneralSecurityException {
        Instant now = clock.instant();
        X509v2CRLBuilder crl = new X509v2CRLBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(now));
        crl.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        crl.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
        crl.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
        entries.forEach((serial, date) -> crl.addCRLEntry(serial, date, CRLReason.keyCompromise));
        return crl.build(Certificates.signer(ca.key())).getEncoded();
    }

    /** Whether a certificate serial of the issuing CA is revoked. */
    public boolean isRevoked(BigInteger serial) {
        return revoked.containsKey(serial);
    }
}
