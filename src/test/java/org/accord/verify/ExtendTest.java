package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.accord.sign.Level;
import org.accord.sign.Signer;
import org.accord.sign.SignerFixtures;
import org.accord.sign.SigningRefusedException;
import org.accord.sign.TrustSetup;
import org.accord.testing.Fixtures;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;

/** Augmentation for the archive, judged by the verifier. */
class ExtendTest {

    private static final Signer SIGNER = new Signer(TrustSetup.local(TestPki.services(), TestPki.BASE_URL));

    private static List<SignatureReport> of(byte[] pdf, String kind) {
        DocumentReport r = VerifierTest.VERIFIER.verify("x.pdf", pdf).report();
        assertTrue(r.valid(), r.toString());
        return r.signatures().stream().filter(s -> s.kind().json().equals(kind)).toList();
    }

    @Test
    void extend_raises_b_lt_to_b_lta_and_a_second_extend_adds_a_second_archive_time_stamp() {
        byte[] lt = SignerFixtures.cicaSignedByBoth(Level.B_LT);
        byte[] lta = SIGNER.extend(lt, Level.B_LTA);
        assertEquals(List.of("PAdES-BASELINE-LTA", "PAdES-BASELINE-LTA"), of(lta, "signature").stream().map(SignatureReport::level).toList());
        assertEquals(1, of(lta, "document-timestamp").size());

        byte[] again = SIGNER.extend(lta, Level.B_LTA);
        List<SignatureReport> stamps = of(again, "document-timestamp");
        assertEquals(2, stamps.size());
        assertTrue(!stamps.get(1).timestampTime().isBefore(stamps.get(0).timestampTime()));
        assertTrue(stamps.stream().allMatch(SignatureReport::passed), stamps.toString());
    }

    @Test
    void extend_b_t_to_b_lt_adds_validation_data() {
        byte[] t = SignerFixtures.cicaSignedByCica(Level.B_T);
        byte[] lt = SIGNER.extend(t, Level.B_LT);
        assertEquals("PAdES-BASELINE-LT", of(lt, "signature").get(0).level());
    }

    @Test
    void extend_refuses_an_unsigned_document_and_a_lower_level() {
        SigningRefusedException none = assertThrows(SigningRefusedException.class,
                () -> SIGNER.extend(Fixtures.original(Seeds.CICA), Level.B_LTA));
        assertEquals("the document carries no signature to extend", none.getMessage());
        assertThrows(SigningRefusedException.class, () -> SIGNER.extend(Fixtures.original(Seeds.CICA), Level.B_T));
    }

}
