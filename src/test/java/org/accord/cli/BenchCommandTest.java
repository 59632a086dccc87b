package org.accord.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void one_measured_iteration_prints_the_small_case_beside_raw_fop() {
        RenderCommandTest.Run run = RenderCommandTest.accord("bench", "--only", "small", "--warmup", "0", "--iterations", "1");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("small\\s+3\\s+2\\s+.*x.*")), run.out());
        assertTrue(run.out().contains("target: pipeline <= 1.15x raw FOP"), run.out());
    }

    @Test
    void one_measured_signature_per_level_prints_accord_beside_raw_dss() {
        RenderCommandTest.Run run = RenderCommandTest.accord("bench-sign", "--warmup", "0", "--iterations", "1",
                "--pki", org.accord.testing.TestPki.dir().toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("B-T ")) && run.out().lines().anyMatch(l -> l.startsWith("B-LTA ")),
                run.out());
        assertTrue(run.out().contains("target: accord <= 1.30x raw DSS at B-LTA"), run.out());
    }

    @Test
    void a_bad_case_name_is_a_usage_error() {
        assertEquals(2, RenderCommandTest.accord("bench", "--only", "medium").exit());
    }
}
