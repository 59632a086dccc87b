package org.accord.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.model.Agreement;
import org.accord.model.AgreementReader;

/** The two bundled seed agreements, as files and as read agreements. */
public final class Seeds {

    public static final Path DIR = Path.of("templates", "agreements");
    public static final Path CICA = DIR.resolve("cica-sco-rats-2017.yaml");
    public static final Path INTERPOL = DIR.resolve("interpol-impact-2012.yaml");

    private Seeds() {
    }

    public static Agreement read(Path file) {
        try {
            return new AgreementReader().read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
