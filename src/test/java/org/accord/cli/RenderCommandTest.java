package org.accord.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.accord.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run accord(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = AccordCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void render_writes_each_original_and_prints_its_path() throws IOException {
        Path out = dir.resolve("new/dir");
        Run run = accord("render", Seeds.CICA.toString(), "--out", out.toString(), "--layout", "sequential");
        assertEquals(0, run.exit(), run.err());
        List<String> printed = run.out().lines().toList();
        assertEquals(List.of("1-of-2-sequential", "2-of-2-sequential").stream()
                .map(v -> out.resolve("cica-sco-rats-2017-original-" + v + ".pdf").toString()).toList(), printed);
        Run separate = accord("render", Seeds.CICA.toString(), "--out", dir.resolve("sep").toString(), "--layout", "separate");
        assertEquals(2, separate.exit(), separate.err());
        assertTrue(separate.err().contains("the originals hold both texts"), separate.err());
        Run drafts = accord("render", Seeds.CICA.toString(), "--out", dir.resolve("drafts").toString(), "--layout", "separate", "--draft");
        assertEquals(0, drafts.exit(), drafts.err());
        assertEquals(List.of("en", "ru").stream().map(l -> dir.resolve("drafts").resolve("draft-cica-sco-rats-2017-separate-" + l + ".pdf")
                .toString()).toList(), drafts.out().lines().toList());
        for (String path : printed) {
            byte[] head = new byte[5];
            System.arraycopy(Files.readAllBytes(Path.of(path)), 0, head, 0, 5);
            assertArrayEquals("%PDF-".getBytes(StandardCharsets.US_ASCII), head, path);
        }
        assertEquals(2, listing(out).size(), "no temporary files are left behind: " + listing(out));
        Path ordinary = Files.writeString(dir.resolve("ordinary.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(Path.of(printed.get(0))),
                "an original gets the permissions of any file the user writes");
    }

    @Test
    void an_invalid_agreement_exits_2_names_the_path_and_writes_nothing() throws IOException {
        String yaml = Files.readString(Seeds.CICA).replace(
                "ru: \"Информация, полученная в рамках", "xx: \"Информация, полученная в рамках");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), yaml);
        Path out = dir.resolve("out");
        Run run = accord("render", bad.toString(), "--out", out.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("articles[1].paragraphs[0].text.ru: missing"), run.err());
        assertTrue(run.err().contains("articles[1].paragraphs[0].text.xx: not part of the agreement format"), run.err());
        assertTrue(Files.notExists(out), "nothing written");
        assertEquals("", run.out());
    }

    @Test
    void an_existing_original_is_not_replaced_without_force() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path existing = Files.writeString(out.resolve("interpol-impact-2012-original-2-of-2-parallel.pdf"), "keep me");
        Run run = accord("render", Seeds.INTERPOL.toString(), "--out", out.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("exists (use --force to replace it)"), run.err());
        assertEquals("keep me", Files.readString(existing));
        assertEquals(1, listing(out).size(), "nothing else written: " + listing(out));

        Run forced = accord("render", Seeds.INTERPOL.toString(), "--out", out.toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(Files.readString(existing, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }

    @Test
    void an_unknown_layout_or_missing_file_exits_2() {
        Run layout = accord("render", Seeds.CICA.toString(), "--out", dir.toString(), "--layout", "diagonal");
        assertEquals(2, layout.exit());
        assertTrue(layout.err().contains("layout 'diagonal' is not one of parallel, sequential, separate"), layout.err());
        Run missing = accord("render", dir.resolve("nope.yaml").toString(), "--out", dir.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.yaml"), missing.err());
    }

    @Test
    void every_command_has_help() {
        Run top = accord("--help");
        assertEquals(0, top.exit());
        assertTrue(top.out().contains("render"), top.out());
        Run render = accord("render", "--help");
        assertEquals(0, render.exit());
        assertTrue(render.out().contains("--layout") && render.out().contains("--out"), render.out());
    }

    @Test
    void no_command_is_a_usage_error() {
        Run run = accord();
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("a command is required"), run.err());
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
