package org.accord.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.Signature;
import java.util.List;
import org.accord.model.Agreement;
import org.accord.model.Party;
import org.accord.pki.KeyEntry;
import org.accord.testing.Fixtures;
import org.accord.testing.PdfA;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SignerTest {

    static final Signer SIGNER = new Signer(TrustSetup.local(TestPki.services(), TestPki.BASE_URL));
    static final Agreement CICA = Seeds.read(Seeds.CICA);

    static SignRequest request(Agreement a, String partyId, Level level, String place) {
        Party p = a.parties().stream().filter(x -> x.id().equals(partyId)).findFirst().orElseThrow();
        return new SignRequest(partyId, level, place, russian(place),
                new Appearance(p.signatory().function(), p.shortName()),
                SignRequest.reasonWords(p.signatureHeading(), p.onBehalf(), p.shortName()), null);
    }

    /** The place in Russian as after «в», for the places the tests sign in. */
    static String russian(String place) {
        return place == null ? null : switch (place) {
            case "Astana" -> "Астане";
            case "Tashkent" -> "Ташкенте";
            case "Lyon" -> "Лионе";
            case "Cyberjaya" -> "Киберджае";
            case "Rome" -> "Риме";
            default -> place;
        };
    }

    static byte[] signCica(byte[] pdf, String party, Level level) {
        return SIGNER.sign(pdf, request(CICA, party, level, "Astana"), TestPki.key(party));
    }

    @ParameterizedTest
    @EnumSource(Level.class)
    void each_level_validates_total_passed_at_that_level(Level level) {
        byte[] signed = signCica(Fixtures.original(Seeds.CICA), "cica", level);
        assertEquals(List.of("sig-cica: TOTAL_PASSED " + level.code()), Dss.summary(signed));
    }

    @Test
    void both_parties_sign_in_turn_and_the_first_signature_stays_valid() throws IOException {
        byte[] first = signCica(Fixtures.original(Seeds.CICA), "cica", Level.B_LT);
        byte[] both = signCica(first, "sco-rats", Level.B_LT);
        assertEquals(List.of("sig-cica: TOTAL_PASSED B-LT", "sig-sco-rats: TOTAL_PASSED B-LT"), Dss.summary(both));
        assertTrue(startsWith(both, first), "the second signature is an incremental update of the first revision");
        PdfA.assertPdfA3b(both, "the doubly signed CICA original");
    }

    @Test
    void the_signature_dictionary_names_the_signatory_place_and_party() throws IOException {
        byte[] signed = signCica(Fixtures.original(Seeds.CICA), "sco-rats", Level.B_B);
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            assertEquals("Yevgeniy Sysoyev", sig.getName());
            assertEquals("Astana", sig.getLocation());
            assertEquals("Signed for The Regional Anti-Terrorist Structure of the Shanghai Cooperation Organization / "
                    + "Подписано от имени Региональной антитеррористической структуры Шанхайской организации сотрудничества",
                    sig.getReason());
            assertEquals("ETSI.CAdES.detached", sig.getSubFilter());
        }
    }

    @Test
    void the_secretariat_certifies_before_the_parties_sign() {
        byte[] certified = SIGNER.certify(Fixtures.original(Seeds.CICA), Level.B_LT, TestPki.seal());
        byte[] signed = signCica(signCica(certified, "cica", Level.B_LT), "sco-rats", Level.B_LTA);
        // The last party's archive time-stamp covers the whole document: every signature is B-LTA from then on.
        assertEquals(List.of("Signature1: TOTAL_PASSED B-LTA", "sig-cica: TOTAL_PASSED B-LTA", "sig-sco-rats: TOTAL_PASSED B-LTA"),
                Dss.summary(signed));
        SigningRefusedException e = assertThrows(SigningRefusedException.class,
                () -> SIGNER.certify(signed, Level.B_B, TestPki.seal()));
        assertTrue(e.getMessage().contains("a certification must be its first signature"), e.getMessage());
    }

    @Test
    void two_step_signing_completes_with_a_key_used_elsewhere() throws Exception {
        KeyEntry key = TestPki.key("cica");
        Prepared prepared = SIGNER.dataToSign(Fixtures.original(Seeds.CICA), request(CICA, "cica", Level.B_T, "Astana"),
                key.chain());
        // The signer's own device: only the data to sign and the algorithm cross over.
        Signature device = Signature.getInstance(prepared.javaAlgorithm());
        device.initSign(key.key());
        device.update(prepared.dataToSign());
        byte[] signed = SIGNER.complete(prepared, device.sign());
        assertEquals(List.of("sig-cica: TOTAL_PASSED B-T"), Dss.summary(signed));
    }

    @Test
    void two_step_signing_refuses_a_value_from_another_key() throws Exception {
        KeyEntry key = TestPki.key("cica");
        Prepared prepared = SIGNER.dataToSign(Fixtures.original(Seeds.CICA), request(CICA, "cica", Level.B_B, "Astana"),
                key.chain());
        Signature other = Signature.getInstance(prepared.javaAlgorithm());
        other.initSign(TestPki.key("sco-rats").key());
        other.update(prepared.dataToSign());
        byte[] wrong = other.sign();
        SigningRefusedException e = assertThrows(SigningRefusedException.class, () -> SIGNER.complete(prepared, wrong));
        assertTrue(e.getMessage().contains("does not match the data to sign"), e.getMessage());
    }

    private static boolean startsWith(byte[] all, byte[] prefix) {
        return java.util.Arrays.equals(all, 0, prefix.length, prefix, 0, prefix.length);
    }
}
