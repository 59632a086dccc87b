package org.accord.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.accord.testing.Fixtures;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;

/** Signing over a revision the service recorded as checked: what is skipped, and what still is not. */
class CheckedRevisionTest {

    private static final Signer SIGNER = SignerTest.SIGNER;

    private static byte[] signScoRats(byte[] pdf, CheckedRevision base) {
        return SIGNER.sign(pdf, SignerTest.request(SignerTest.CICA, "sco-rats", Level.B_B, "Astana"), TestPki.key("sco-rats"), base);
    }

    private static byte[] flippedInsideTheSignature(byte[] signed) {
        byte[] copy = signed.clone();
        int at = new String(copy, StandardCharsets.ISO_8859_1).indexOf("/Producer");
        copy[at + 2] = (byte) (copy[at + 2] ^ 0x20); // /Producer -> /PrOducer, inside the signed bytes
        return copy;
    }

    @Test
    void check_counts_the_intact_signatures_and_refuses_a_broken_one() {
        byte[] original = Fixtures.original(Seeds.CICA);
        assertEquals(0, SIGNER.check(original).intactSignatures());
        byte[] signed = SignerTest.signCica(original, "cica", Level.B_B);
        CheckedRevision checked = SIGNER.check(signed);
        assertEquals(1, checked.intactSignatures());
        assertEquals(signed.length, checked.length());
        assertTrue(checked.isPrefixOf(signed));
        SigningRefusedException e = assertThrows(SigningRefusedException.class, () -> SIGNER.check(flippedInsideTheSignature(signed)));
        assertTrue(e.getMessage().contains("is broken"), e.getMessage());
    }

    @Test
    void bytes_that_are_not_the_recorded_revision_are_validated_in_full() {
        byte[] signed = SignerTest.signCica(Fixtures.original(Seeds.CICA), "cica", Level.B_B);
        CheckedRevision recorded = SIGNER.check(signed);
        byte[] altered = flippedInsideTheSignature(signed);
        assertFalse(recorded.isPrefixOf(altered));
        SigningRefusedException e = assertThrows(SigningRefusedException.class, () -> signScoRats(altered, recorded));
        assertTrue(e.getMessage().contains("is broken"), e.getMessage());
    }

    @Test
    void a_signature_added_after_the_recorded_revision_is_validated_in_full() {
        byte[] original = Fixtures.original(Seeds.CICA);
        CheckedRevision recorded = SIGNER.check(original);
        // an increment after the recorded bytes that carries a signature the record does not know of: DSS runs
        byte[] broken = flippedAfter(SignerTest.signCica(original, "cica", Level.B_B), original.length);
        assertTrue(recorded.isPrefixOf(broken));
        SigningRefusedException e = assertThrows(SigningRefusedException.class, () -> signScoRats(broken, recorded));
        assertTrue(e.getMessage().contains("is broken") || e.getMessage().contains("changed"), e.getMessage());
    }

    /** {@code signed} with one byte flipped inside the signed part of its last increment (after {@code from}). */
    private static byte[] flippedAfter(byte[] signed, int from) {
        byte[] copy = signed.clone();
        int at = new String(copy, StandardCharsets.ISO_8859_1).indexOf("/Reason", from);
        copy[at + 3] = (byte) (copy[at + 3] ^ 0x20);
        return copy;
    }

    @Test
    void the_recorded_verdict_is_what_spares_the_validation() {
        // The record vouches for these exact bytes: a signature broken inside them is, by design, not looked at again.
        // This is why only revisions the service itself checked and stored carry a record.
        byte[] broken = flippedInsideTheSignature(SignerTest.signCica(Fixtures.original(Seeds.CICA), "cica", Level.B_B));
        assertThrows(SigningRefusedException.class, () -> signScoRats(broken, null));
        byte[] signed = signScoRats(broken, CheckedRevision.of(broken, 1));
        assertTrue(Arrays.equals(broken, Arrays.copyOf(signed, broken.length)), "an incremental update over the recorded bytes");
        assertEquals(2, Dss.validate(signed).getDiagnosticData().getSignatures().size());
    }

    @Test
    void a_record_does_not_lift_the_other_refusals() {
        byte[] signed = SignerTest.signCica(Fixtures.original(Seeds.CICA), "cica", Level.B_B);
        CheckedRevision recorded = SIGNER.check(signed);
        SigningRefusedException e = assertThrows(SigningRefusedException.class, () -> SIGNER.sign(signed,
                SignerTest.request(SignerTest.CICA, "cica", Level.B_B, null), TestPki.key("cica"), recorded));
        assertTrue(e.getMessage().contains("already signed"), e.getMessage());
    }
}
