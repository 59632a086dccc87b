package org.accord.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.accord.model.Agreement;
import org.accord.model.DesignatedSigner;
import org.accord.model.AgreementReader;
import org.accord.model.Party;
import org.accord.pki.SamplePki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord pki}: the demo PKI. */
@Command(name = "pki", mixinStandardHelpOptions = true, description = "The sample (demo-only) PKI.",
        subcommands = PkiCommand.Init.class)
final class PkiCommand {

    /** The agreements bundled in the jar, whose parties get a signer each. */
    static final List<String> BUNDLED = List.of("templates/agreements/interpol-impact-2012.yaml",
            "templates/agreements/cica-sco-rats-2017.yaml");

    /** {@code accord pki init}: regenerates the whole sample PKI. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Generates the sample PKI: root and issuing CA, a signer per party of the bundled agreements,",
                    "the secretariat seal, a time-stamping authority and the negative test keys. DEMO ONLY."})
    static final class Init implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the keystores.")
        Path out;

        @Option(names = "--base-url", required = true, paramLabel = "URL",
                description = "Where the trust services will answer, e.g. http://127.0.0.1:7070/pki (baked into the certificates).")
        String baseUrl;

        @Option(names = "--force", description = "Replace keystores that exist in DIR.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!baseUrl.matches("https?://[^\\s]+")) {
                err.println("accord pki init: --base-url must be an http(s) URL, not '" + baseUrl + "'");
                return AccordCommand.EXIT_INVALID_INPUT;
            }
            if (!force && Files.isDirectory(out) && hasKeystores(out)) {
                err.println("accord pki init: " + out + " already holds keystores (use --force to replace them)");
                return AccordCommand.EXIT_INVALID_INPUT;
            }
            List<Path> written = SamplePki.generate(out, baseUrl, holders(), seal(), Instant.now());
            written.forEach(spec.commandLine().getOut()::println);
            spec.commandLine().getOut().flush();
            err.println("accord pki init: DEMO ONLY — every key's password is accord-demo");
            return 0;
        }

        private static boolean hasKeystores(Path dir) throws IOException {
            try (Stream<Path> files = Files.list(dir)) {
                return files.anyMatch(f -> f.toString().endsWith(".p12"));
            }
        }
    }

    static List<SamplePki.Holder> holders() throws IOException {
        List<SamplePki.Holder> holders = new ArrayList<>();
        for (String resource : BUNDLED) {
            try (InputStream in = PkiCommand.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException(resource + " is not bundled");
                }
                Agreement agreement = new AgreementReader().read(in.readAllBytes());
                for (Party p : agreement.parties()) {
                    // each sample certificate carries what its party's designated signer must: name, organisation
                    DesignatedSigner who = p.signatory().certificate();
                    holders.add(new SamplePki.Holder(p.id(), who.name(),
                            p.signatory().function() == null ? null : p.signatory().function().en(),
                            who.organization() != null ? who.organization() : p.name().en()));
                }
            }
        }
        return holders;
    }

    static SamplePki.Holder seal() {
        return new SamplePki.Holder("secretariat-seal", "Secretariat Seal", null, "Accord Demo Secretariat");
    }
}
