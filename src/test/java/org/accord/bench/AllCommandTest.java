package org.accord.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.accord.cli.AccordCommand;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code accord bench all} runs its cases and prints what runs can be compared by; figures are not asserted. */
class AllCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = AccordCommand.commandLine().addSubcommand("bench", new BenchCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void json_gives_one_object_per_case_with_the_compared_fields() throws Exception {
        Run run = bench("bench", "all", "--quick", "--json", "--pki", TestPki.dir().toString(),
                "--cases", "verify-2,sign-first,render-3,sign-after-4");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(4, lines.size(), run.out());
        List<String> names = List.of("sign-first", "sign-after-4", "verify-2", "render-3"); // in the order of the suite
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode c = json.readTree(lines.get(i));
            assertEquals(names.get(i), c.path("case").asText(), lines.get(i));
            for (String field : List.of("accord_ms", "baseline_ms", "ratio", "per_s", "p99_ms")) {
                assertTrue(c.path(field).isNumber() && c.path(field).asDouble() > 0, field + " in " + lines.get(i));
            }
            assertTrue(c.has("alloc_mib") && c.has("goal") && c.path("meets").isBoolean(), lines.get(i));
            assertEquals(c.path("accord_ms").asDouble() / c.path("baseline_ms").asDouble(), c.path("ratio").asDouble(), 0.02,
                    lines.get(i));
        }
    }

    @Test
    void the_table_names_each_case_and_its_goal() {
        Run run = bench("bench", "all", "--quick", "--pki", TestPki.dir().toString(), "--cases", "render-3,cold-start");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("render-3\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+x .*<= 1\\.15x FOP alone.*")),
                run.out());
        // the tests run from classes, not from the jar: the cold start says why it did not run
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("cold-start ") && l.contains("not running from the packaged jar")),
                run.out());
        assertTrue(run.out().contains("goals met: "), run.out());
    }

    @Test
    void an_unknown_case_is_a_usage_error() {
        Run run = bench("bench", "all", "--cases", "render-7");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("no case render-7"), run.err());
    }
}
