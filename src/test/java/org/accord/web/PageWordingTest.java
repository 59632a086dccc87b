package org.accord.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every page speaks both languages: the same keys in English and Russian, and every key a page uses exists. */
class PageWordingTest {

    private final Pages pages = new Pages(new Sessions(null, false, java.time.Clock.systemUTC()));

    @Test
    void english_and_russian_have_the_same_keys_and_no_empty_wording() {
        assertEquals(new TreeSet<>(pages.text("en").keySet()), new TreeSet<>(pages.text("ru").keySet()));
        pages.text("ru").forEach((k, v) -> assertTrue(!v.isBlank(), k + " is empty in Russian"));
        pages.text("en").forEach((k, v) -> assertTrue(!v.isBlank(), k + " is empty in English"));
    }

    @Test
    void every_key_a_page_uses_is_worded() throws IOException {
        Pattern used = Pattern.compile("t\\[\"([a-zA-Z0-9._-]+)\"\\]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("templates", "web"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ftlh")).toList()) {
                Matcher m = used.matcher(Files.readString(f));
                while (m.find()) {
                    if (!pages.text("en").containsKey(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }
}
