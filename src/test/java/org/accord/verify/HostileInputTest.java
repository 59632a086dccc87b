package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.accord.testing.Hostile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resource bombs and structures built to make a validator work without end: each is refused as unusable or
 * judged not valid, within the one deadline of the verification (how long each took is printed).
 */
class HostileInputTest {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final Verifier BOUNDED = new Verifier(List.of(new TrustAnchor(org.accord.testing.TestPki.services().rootCertificate(),
            "Test root", true)), null, new Limits(50L << 20, 1_000, 200_000, DEADLINE));

    static Stream<Arguments> hostile() {
        byte[] signed = VerifierTest.BOTH_SIGNED;
        return Stream.of(
                Arguments.of("arrays nested 100 000 deep", Hostile.deepNesting(100_000), Finding.Code.NESTING_TOO_DEEP),
                Arguments.of("200 001 objects", Hostile.manyObjects(200_001), Finding.Code.TOO_MANY_OBJECTS),
                Arguments.of("50 000 pages", Hostile.manyPages(50_000), Finding.Code.TOO_MANY_PAGES),
                Arguments.of("20 000 pages appended after the signatures", Hostile.appendPages(signed, 20_000), Finding.Code.TOO_MANY_PAGES),
                Arguments.of("an image of 900 million pixels after the signatures", Hostile.imageBomb(signed), Finding.Code.RESOURCE_BOMB),
                Arguments.of("a stream that expands to 300 MiB after the signatures", Hostile.flateBomb(signed), Finding.Code.RESOURCE_BOMB),
                Arguments.of("two million path operations on a page after the signatures", Hostile.heavyContent(signed), null),
                Arguments.of("arrays nested 1 000 deep in an update after the signatures", Hostile.deepNestingAfter(signed, 1_000),
                        Finding.Code.NESTING_TOO_DEEP),
                Arguments.of("not a PDF", "<html><body>hello</body></html>".getBytes(), Finding.Code.NOT_A_PDF),
                Arguments.of("an empty file", new byte[0], Finding.Code.NOT_A_PDF),
                Arguments.of("a header and nothing else", "%PDF-1.7\n".getBytes(), Finding.Code.UNREADABLE_PDF));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostile_input_is_refused_or_not_valid_within_the_deadline(String what, byte[] pdf, Finding.Code expected) {
        long start = System.nanoTime();
        DocumentReport r = BOUNDED.verify("hostile.pdf", pdf).report();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.err.println("HOSTILE " + what + ": " + millis + " ms, " + (r.error() == null ? r.verdict() : r.error().code()));
        assertFalse(r.valid(), what + ": " + r);
        assertTrue(millis < DEADLINE.toMillis() + 2_000, what + " took " + millis + " ms");
        if (expected != null) {
            assertNotNull(r.error(), what + ": " + r);
            assertTrue(r.error().code() == expected, what + ": " + r.error());
        } else {
            assertTrue(r.error() == null && r.signatures().stream().anyMatch(s -> !s.intact()), what + ": " + r);
        }
    }
}
