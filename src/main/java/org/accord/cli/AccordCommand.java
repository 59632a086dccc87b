package org.accord.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code accord} command; the work is done by its sub-commands. */
@Command(name = "accord", mixinStandardHelpOptions = true, versionProvider = AccordCommand.Version.class,
        description = "Bilingual international agreements as signed, verifiable PDF/A originals.",
        subcommands = {RenderCommand.class, SignCommand.class, CertifyCommand.class, VerifyCommand.class, ExtendCommand.class,
                PkiCommand.class,
                TrustServicesCommand.class,
                CommandLine.HelpCommand.class})
public final class AccordCommand implements Runnable {

    /** Exit code for input that cannot be used (a bad agreement file, an existing output without --force). */
    public static final int EXIT_INVALID_INPUT = 2;
    /** Exit code when a trust service (TSA, OCSP, CRL) fails and the requested signature level cannot be reached. */
    public static final int EXIT_TRUST_SERVICE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try: accord --help)");
    }

    /** A command line whose parameter errors exit with {@link #EXIT_INVALID_INPUT}. */
    public static CommandLine commandLine() {
        return new CommandLine(new AccordCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AccordCommand.class.getPackage().getImplementationVersion();
            return new String[] {"accord " + (v == null ? "(development build)" : v)};
        }
    }
}
