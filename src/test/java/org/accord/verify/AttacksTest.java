package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.accord.testing.Tamper;
import org.junit.jupiter.api.Test;

/**
 * Each attacked variant of a doubly signed B-LT original that the issue names, built in code, and the verdict an
 * archivist must read: time-stamps that do not hold prove nothing, damaged tails are damage, a copy cut back is
 * incomplete.
 */
class AttacksTest {

    static final byte[] BOTH = VerifierTest.BOTH_SIGNED;

    static DocumentReport verify(byte[] pdf) {
        return VerifierTest.VERIFIER.verify("attacked.pdf", pdf).report();
    }

    @Test
    void a_forged_time_stamp_year_proves_no_time_and_the_document_is_not_valid() throws IOException {
        DocumentReport r = verify(Tamper.forgeTimestampYear(BOTH));
        assertTimestampBroken(r);
    }

    @Test
    void a_flipped_byte_in_the_time_stamp_authority_signature_proves_no_time() throws IOException {
        DocumentReport r = verify(Tamper.flipTimestampSignature(BOTH));
        assertTimestampBroken(r);
    }

    private static void assertTimestampBroken(DocumentReport r) {
        assertFalse(r.valid(), r.toString());
        assertEquals(DocumentReport.Verdict.NOT_VALID, r.verdict());
        SignatureReport last = r.signatures().get(1);
        assertNull(last.timestampTime(), "no time from a time-stamp that failed: " + last);
        assertEquals("PAdES-BASELINE-B", last.level(), "no level above B is claimed without a time-stamp that holds");
        assertTrue(last.timestamps().stream().anyMatch(t -> t.kind() == TimestampReport.Kind.SIGNATURE && t.failed()), last.toString());
        assertTrue(last.errors().stream().anyMatch(e -> e.code() == Finding.Code.TIMESTAMP_FAILED), last.errors().toString());
        assertTrue(r.signatures().get(0).passed(), "the first signature and its time-stamp are untouched");
        assertNull(r.agreement().lastSignedAt());
        assertNull(r.agreement().entryIntoForce());
    }

    @Test
    void cuts_at_the_end_are_damage_not_validation_data() throws IOException {
        for (byte[] cut : List.of(Tamper.cut(BOTH, 1), Tamper.cut(BOTH, 100), Tamper.cutInsideLastContents(BOTH))) {
            DocumentReport r = verify(cut);
            assertFalse(r.valid(), r.toString());
            assertTrue(r.findings().stream().anyMatch(f -> f.code() == Finding.Code.DAMAGED_AFTER_LAST_SIGNATURE), r.findings().toString());
            assertTrue(r.findings().stream().noneMatch(f -> f.code() == Finding.Code.TAIL_VALIDATION_DATA), r.findings().toString());
        }
    }

    @Test
    void a_copy_cut_back_to_the_first_signature_is_incomplete_and_names_the_missing_party() throws IOException {
        DocumentReport r = verify(Tamper.cutBackToFirstSignature(BOTH));
        assertTrue(r.valid(), r.toString());
        assertEquals(DocumentReport.Verdict.INCOMPLETE, r.verdict());
        assertEquals(Boolean.FALSE, r.complete());
        assertEquals(List.of("sco-rats"), r.missingParties());
        assertEquals("Valid so far \u2014 1 of 2 parties have signed; missing: SCO RATS.", Wording.of("en").headline(r));
        assertTrue(Wording.of("ru").headline(r).startsWith("Пока действителен \u2014 подписали 1 из 2 Сторон; не подписали: "),
                Wording.of("ru").headline(r));
    }

    @Test
    void the_complete_original_is_valid_and_complete() {
        DocumentReport r = verify(BOTH);
        assertEquals(DocumentReport.Verdict.VALID, r.verdict(), r.toString());
        assertEquals(Boolean.TRUE, r.complete());
        assertEquals(List.of(), r.missingParties());
        assertTrue(r.signatures().stream().allMatch(s -> s.timestamps().stream().allMatch(TimestampReport::passed)), r.toString());
    }
}
