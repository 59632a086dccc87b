package org.accord.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.accord.model.Agreement;
import org.accord.model.AgreementReader;
import org.accord.model.InvalidAgreementException;
import org.accord.render.Layout;
import org.accord.render.RenderException;
import org.accord.render.RenderedPdf;
import org.accord.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord render}: an agreement file into its PDF/A originals, each with a signature field per party. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Renders an agreement (YAML) into its PDF/A-3b originals, one per original, each with an",
                "empty signature field sig-<party> per party. Prints each written path on its own line.",
                "Exit 0 on success, 2 on invalid input (nothing is written)."})
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "AGREEMENT.yaml", description = "The agreement file.")
    Path agreementFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the PDFs (created if missing).")
    Path out;

    @Option(names = "--layout", defaultValue = "parallel", paramLabel = "LAYOUT",
            description = "parallel (English left, Russian right) or sequential (English, then Russian); separate (one PDF "
                    + "per language) only with --draft: every original holds both texts. Default: ${DEFAULT-VALUE}.")
    String layout;

    @Option(names = "--draft", description = {"Write a draft of original 1 to read before issuing: DRAFT / ПРОЕКТ on every",
            "page, no signature fields (draft-<agreement>-<layout>-<languages>.pdf)."})
    boolean draft;

    @Option(names = "--force", description = "Replace PDFs that already exist in DIR.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            Layout chosen = Layout.of(layout);
            Agreement agreement = new AgreementReader().read(agreementFile);
            List<RenderedPdf> pdfs = draft ? new Renderer().preview(agreement, chosen) : new Renderer().render(agreement, chosen);
            List<Path> targets = new ArrayList<>();
            for (RenderedPdf pdf : pdfs) {
                Path target = out.resolve(pdf.fileName());
                if (!force && Files.exists(target)) {
                    err.println("accord render: " + target + " exists (use --force to replace it); nothing written");
                    return AccordCommand.EXIT_INVALID_INPUT;
                }
                targets.add(target);
            }
            AtomicFiles.writeAll(targets, pdfs.stream().map(RenderedPdf::bytes).toList());
            targets.forEach(stdout::println);
            stdout.flush();
            return 0;
        } catch (InvalidAgreementException e) {
            err.println("accord render: " + agreementFile + " is not a valid agreement; nothing written:");
            e.problems().forEach(p -> err.println("  " + p));
            return AccordCommand.EXIT_INVALID_INPUT;
        } catch (IllegalArgumentException | RenderException e) {
            err.println("accord render: " + e.getMessage() + "; nothing written");
            return AccordCommand.EXIT_INVALID_INPUT;
        } catch (IOException e) {
            err.println("accord render: " + e + "; nothing written");
            return AccordCommand.EXIT_INVALID_INPUT;
        }
    }
}
