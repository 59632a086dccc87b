package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.accord.testing.ForeignSigner;
import org.accord.testing.TestPki;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RUB shadow attacks (corpus, rub-pdf-attacker) with a genuine signature or document time-stamp appended after
 * the attacker's revision: the later, valid signature must not make the earlier forbidden change acceptable, and
 * Accord's reading of the revision structure must find it on its own (not only DSS's rendering).
 */
class ShadowAttackTest {

    static Stream<Arguments> attacked() {
        CorpusTest.requireCorpus();
        return Stream.of(
                "rub-pdf-attacker/hide-and-replace_variant-1_change_object_references__4_original-document-shadowed-signed-manipulated.pdf",
                "rub-pdf-attacker/hide_variant-2_hide-via-referenced-object__4_original-document-shadowed-signed-manipulated.pdf",
                "rub-pdf-attacker/replace_variant-1_replace-via-overlay__4_original-document-shadowed-signed-manipulated.pdf",
                "dss/dss-2236_hide.pdf", "dss/dss-2236_replace.pdf")
                .flatMap(f -> Stream.of(Arguments.of(f, "signature"), Arguments.of(f, "document time-stamp")));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("attacked")
    void a_later_signature_or_time_stamp_never_excuses_a_shadow_attack(String file, String appended) throws IOException {
        byte[] attacked = Files.readAllBytes(CorpusTest.CORPUS.resolve(file));
        byte[] later = appended.equals("signature") ? ForeignSigner.sign(attacked, TestPki.key("cica")) : ForeignSigner.timestamp(attacked);
        DocumentReport r = VerifierTest.VERIFIER.verify(file, later).report();
        assertFalse(r.valid(), r.toString());
        SignatureReport victim = r.signatures().get(0);
        assertFalse(victim.intact(), victim.toString());
        List<Change> structural = victim.modificationsAfter().stream()
                .filter(c -> c.forbidden() && c.kind() != Change.Kind.VISUAL_DIFFERENCE).toList();
        assertFalse(structural.isEmpty(), "the revision structure shows the attack without rendering: " + victim);
        SignatureReport appendedReport = r.signatures().get(r.signatures().size() - 1);
        assertTrue(appendedReport.intact(), "the appended " + appended + " itself is sound: " + appendedReport);
    }
}
