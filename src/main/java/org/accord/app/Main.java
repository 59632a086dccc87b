package org.accord.app;

import org.accord.cli.AccordCommand;

/** {@code java -jar accord.jar <command>}: hands the arguments to the command line and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        org.accord.pki.EcdsaProvider.install();
        System.exit(AccordCommand.commandLine()
                .addSubcommand("serve", new ServeCommand())
                .addSubcommand("bench", new org.accord.bench.BenchCommand())
                .execute(args));
    }
}
