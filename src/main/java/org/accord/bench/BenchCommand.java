package org.accord.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code accord bench}: the benchmarks; {@code accord bench all} runs them. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = AllCommand.class,
        description = {"Benchmarks: Accord beside the raw libraries doing the same work, in one run.",
                "Run `accord bench all` (see `accord bench all --help`)."})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which benchmarks: accord bench all");
    }
}
