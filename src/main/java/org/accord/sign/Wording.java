package org.accord.sign;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/** The fixed wording of appearances and signature dictionaries, from {@code templates/signature}. */
final class Wording {

    private static final String RESOURCE = "templates/signature/appearance.properties";
    private final Properties words = new Properties();
    private final DateTimeFormatter time;

    Wording(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.time = DateTimeFormatter.ofPattern(get("time")).withZone(ZoneOffset.UTC);
    }

    /** The wording {@code key} with {0}, {1}, … replaced by {@code args}. */
    String get(String key, String... args) {
        String s = words.getProperty(key);
        if (s == null) {
            throw new IllegalStateException(RESOURCE + " has no '" + key + "'");
        }
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", args[i]);
        }
        return s;
    }

    String time(Instant instant) {
        return time.format(instant);
    }
}
