package org.accord.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.accord.pki.LocalTrustDataLoader;
import org.accord.pki.OfflineDataLoader;
import org.accord.pki.TrustServices;
import org.accord.render.Renderer;
import org.accord.verify.DocumentReport;
import org.accord.verify.HumanReport;
import org.accord.verify.Limits;
import org.accord.verify.TrustAnchor;
import org.accord.verify.TrustedLists;
import org.accord.verify.Verification;
import org.accord.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord verify}: verdicts on signed PDFs, Accord's or anyone's. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Validates signed PDFs with EU DSS under Accord's strict policy plus Accord's own checks.",
                "A document is valid only if every signature passes and nothing but validation data and document",
                "time-stamps follows the last signature. Exit 0 all valid, 1 some not valid, 2 unusable input."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The PDFs to validate.")
    List<Path> files;

    @Option(names = "--trust", paramLabel = "CERT.pem|STORE.p12|DIR",
            description = "Trusted roots (repeatable). A directory may label its certificates in labels.properties. "
                    + "Default: the sample root, flagged DEMO TRUST ANCHOR.")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--pki", paramLabel = "DIR", description = "The sample PKI for demo trust. Default: $ACCORD_PKI_DIR, else keystores-sample.")
    Path pki;

    @Option(names = "--online", description = "Fetch missing revocation data and certificates over the network.")
    boolean online;

    @Option(names = "--lotl-cache", paramLabel = "DIR",
            description = "Also trust the EU trusted lists, read from this cache (refreshed over the network with --online).")
    Path lotlCache;

    @Option(names = "--lotl-url", defaultValue = TrustedLists.EU_LOTL, paramLabel = "URL", description = "Default: ${DEFAULT-VALUE}.")
    String lotlUrl;

    @Option(names = "--lotl-signers", paramLabel = "CERTS", description = "Certificates (file or directory) that may sign the LOTL.")
    Path lotlSigners;

    @Option(names = "--json", description = "Print the verdicts as JSON (see docs/verify-json.md).")
    boolean json;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Write DSS simple, detailed, diagnostic and ETSI TS 119 102-2 XML, and the human report (HTML and PDF, English and Russian).")
    Path reportDir;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|ru", description = "Language of the text output. Default: ${DEFAULT-VALUE}.")
    String lang;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", description = "Per document. Default: ${DEFAULT-VALUE}.")
    long timeout;

    @Option(names = "--max-pages", defaultValue = "1000", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int maxPages;

    @Option(names = "--max-mib", defaultValue = "50", paramLabel = "N", description = "Largest file, in MiB. Default: ${DEFAULT-VALUE}.")
    int maxMib;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!lang.equals("en") && !lang.equals("ru")) {
            err.println("accord verify: --lang must be en or ru");
            return AccordCommand.EXIT_INVALID_INPUT;
        }
        Trust trusted;
        try {
            trusted = trust();
        } catch (org.accord.pki.KeystoreException e) {
            err.println("accord verify: no trust anchors: " + e.getMessage() + ". Give --trust with the roots to trust, "
                    + "--pki with the sample PKI's folder, or set ACCORD_PKI_DIR.");
            if (json) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("documents", List.of());
                root.put("error", "no trust anchors: give --trust, --pki or ACCORD_PKI_DIR");
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
                out.flush();
            }
            return AccordCommand.EXIT_INVALID_INPUT;
        }
        Verifier verifier = new Verifier(trusted.anchors(), trusted.loader(), new Limits((long) maxMib * 1024 * 1024,
                maxPages, Limits.DEFAULT.maxObjects(), Duration.ofSeconds(timeout)), trustedLists(err));
        HumanReport human = reportDir == null ? null : new HumanReport(new Renderer());
        List<DocumentReport> reports = new ArrayList<>();
        for (Path file : files) {
            Verification v = read(file).map(bytes -> verifier.verify(file.toString(), bytes))
                    .orElseGet(() -> Verification.unreadable(file.toString()));
            reports.add(v.report());
            if (human != null) {
                human.writeAll(reportDir, file.getFileName().toString(), v).forEach(p -> err.println("accord verify: wrote " + p));
            }
        }
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("documents", reports);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else {
            reports.forEach(r -> Texts.print(out, r, lang));
        }
        out.flush();
        if (reports.stream().anyMatch(r -> r.error() != null)) {
            return AccordCommand.EXIT_INVALID_INPUT;
        }
        return reports.stream().allMatch(DocumentReport::valid) ? 0 : 1;
    }

    private eu.europa.esig.dss.spi.x509.CertificateSource trustedLists(PrintWriter err) throws IOException {
        if (lotlCache == null) {
            return null;
        }
        eu.europa.esig.dss.spi.x509.CommonCertificateSource signers = null;
        if (lotlSigners != null) {
            signers = new eu.europa.esig.dss.spi.x509.CommonCertificateSource();
            for (TrustAnchor a : TrustStores.read(List.of(lotlSigners))) {
                signers.addCertificate(new eu.europa.esig.dss.model.x509.CertificateToken(a.certificate()));
            }
        }
        TrustedLists.Loaded loaded = TrustedLists.load(lotlCache, online, lotlUrl, signers);
        err.println("accord verify: EU trusted lists: " + loaded.trustedEntityKeys() + " trusted keys from "
                + (online ? lotlUrl + " (cached in " + lotlCache + ")" : "the cache in " + lotlCache
                + (loaded.trustedEntityKeys() == 0 ? " (empty: run once with --online)" : "")));
        return loaded.source();
    }

    private static java.util.Optional<byte[]> read(Path file) {
        try {
            return java.util.Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    record Trust(List<TrustAnchor> anchors, eu.europa.esig.dss.spi.client.http.DataLoader loader) {
    }

    private Trust trust() throws IOException {
        eu.europa.esig.dss.spi.client.http.DataLoader network = online ? new eu.europa.esig.dss.service.http.commons.CommonsDataLoader() : null;
        if (!trust.isEmpty()) {
            return new Trust(TrustStores.read(trust), network);
        }
        TrustOptions sample = new TrustOptions();
        sample.pki = pki;
        TrustServices services = TrustServices.load(sample.pkiDir(), Clock.systemUTC());
        TrustAnchor demo = new TrustAnchor(services.rootCertificate(), "Accord demo root", true);
        eu.europa.esig.dss.spi.client.http.DataLoader offline = new OfflineDataLoader();
        return new Trust(List.of(demo), new LocalTrustDataLoader(services, services.baseUrl(), network == null ? offline : network));
    }
}
