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

    /**
     * The seed's YAML with " (copy)" added to its title in both languages: a service stores one agreement per title,
     * so a test that drafts the same seed twice on one service drafts it under two titles.
     */
    public static byte[] titled(Path file, int copy) {
        String yaml = text(file);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^title:\\n  en: \"([^\"]*)\"\\n  ru: \"([^\"]*)\"")
                .matcher(yaml);
        if (!m.find()) {
            throw new IllegalArgumentException("no title block in " + file);
        }
        String titled = "title:\n  en: \"" + m.group(1) + " (" + copy + ")\"\n  ru: \"" + m.group(2) + " (" + copy + ")\"";
        return (yaml.substring(0, m.start()) + titled + yaml.substring(m.end())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
