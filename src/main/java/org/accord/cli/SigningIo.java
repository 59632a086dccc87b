package org.accord.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.accord.pki.KeyEntry;
import org.accord.pki.KeystoreException;
import org.accord.sign.Signer;
import org.accord.sign.SigningRefusedException;
import picocli.CommandLine.Model.CommandSpec;

/** Reading what a signing command needs, and writing what it made. */
final class SigningIo {

    /** Larger PDFs are refused before anything parses them. */
    static final long MAX_PDF_BYTES = 64L * 1024 * 1024;

    private SigningIo() {
    }

    static byte[] readPdf(Path file) throws IOException {
        try {
            long size = Files.size(file);
            if (size > MAX_PDF_BYTES) {
                throw new SigningRefusedException(file + " is " + size + " bytes, more than the " + MAX_PDF_BYTES + " accepted");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SigningRefusedException(file + " does not exist");
        }
    }

    /** The key in {@code p12}, unlocked with the first line of {@code passwordFile}; the password is wiped after. */
    static KeyEntry key(Path p12, Path passwordFile) throws IOException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(passwordFile);
        } catch (NoSuchFileException e) {
            throw new KeystoreException("password file " + passwordFile + " does not exist");
        }
        char[] password = firstLine(raw);
        Arrays.fill(raw, (byte) 0);
        try {
            return KeyEntry.read(p12, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] firstLine(byte[] raw) {
        int end = 0;
        while (end < raw.length && raw[end] != '\n' && raw[end] != '\r') {
            end++;
        }
        java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(raw, 0, end));
        char[] password = new char[chars.remaining()];
        chars.get(password);
        return password;
    }

    /** Where the output goes: {@code --out}, or {@code <in>-<suffix>.pdf} beside the input. */
    static Path output(Path in, Path out, String suffix) {
        if (out != null) {
            return out;
        }
        String name = in.getFileName().toString().replaceFirst("(?i)\\.pdf$", "");
        return in.resolveSibling(name + "-" + suffix + ".pdf");
    }

    /** What a signing command does to the document with the signer. */
    interface Work {
        byte[] apply(Signer signer, byte[] pdf) throws IOException;
    }

    /**
     * The shape every signing command shares: read the PDF, make the signer and say which trust services it uses,
     * do the work, write the new revision beside the input (or to {@code out}) and print its path.
     */
    static int run(String command, CommandSpec spec, Path in, Path out, String suffix, boolean force, TrustOptions trust,
                   Work work) {
        PrintWriter err = spec.commandLine().getErr();
        return Outcomes.run(command, err, () -> {
            byte[] pdf = readPdf(in);
            Signer signer = new Signer(trust.setup());
            err.println(command + ": time-stamps and revocation data from " + signer.trustDescription());
            byte[] result = work.apply(signer, pdf);
            Path target = output(in, out, suffix);
            write(in, target, result, force);
            spec.commandLine().getOut().println(target);
            spec.commandLine().getOut().flush();
        });
    }

    /** Writes atomically; refuses to replace the input or (without force) an existing file. */
    static void write(Path in, Path target, byte[] pdf, boolean force) throws IOException {
        if (Files.exists(target) && Files.isSameFile(in, target)) {
            throw new SigningRefusedException("the output would replace the input " + in + ": signed revisions are new files");
        }
        if (!force && Files.exists(target)) {
            throw new SigningRefusedException(target + " exists (use --force to replace it)");
        }
        AtomicFiles.writeAll(List.of(target), List.of(pdf));
    }
}
