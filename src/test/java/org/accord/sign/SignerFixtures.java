package org.accord.sign;

import org.accord.testing.Fixtures;
import org.accord.testing.Seeds;

/** Signed originals for other packages' tests. */
public final class SignerFixtures {

    private SignerFixtures() {
    }

    /** The CICA original 1, signed by the CICA Secretariat and then by the SCO RATS. */
    public static byte[] cicaSignedByBoth(Level level) {
        return SignerTest.signCica(SignerTest.signCica(Fixtures.original(Seeds.CICA), "cica", level), "sco-rats", level);
    }

    /** The signer the tests share (sample trust services in-process). */
    public static final Signer SIGNER = SignerTest.SIGNER;

    /** A party's request worded from the agreement, as the command line words it from the original. */
    public static SignRequest request(org.accord.model.Agreement agreement, String party, Level level) {
        return SignerTest.request(agreement, party, level, "Rome");
    }

    /** A party's request signed in {@code place} (the Russian form follows from it for the places the tests use). */
    public static SignRequest request(org.accord.model.Agreement agreement, String party, Level level, String place) {
        return SignerTest.request(agreement, party, level, place);
    }

    /** A signer whose clock is {@code clock}: the time it signs at, and so the day its signature blocks say. */
    public static Signer signerAt(java.time.Clock clock) {
        return new Signer(TrustSetup.local(org.accord.testing.TestPki.services(), org.accord.testing.TestPki.BASE_URL), clock,
                Signer.class.getClassLoader());
    }

    /** The CICA original 1 signed by the CICA Secretariat only. */
    public static byte[] cicaSignedByCica(Level level) {
        return SignerTest.signCica(Fixtures.original(Seeds.CICA), "cica", level);
    }
}
