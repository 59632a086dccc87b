package org.accord.workflow;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * Signature values as devices send them. WebCrypto and PKCS#11 tokens give ECDSA as r‖s (IEEE P1363); JCA,
 * CMS and DSS expect DER. RSA values pass through unchanged.
 */
final class SignatureValues {

    private SignatureValues() {
    }

    static byte[] toDer(byte[] value, String javaAlgorithm) {
        if (!javaAlgorithm.toUpperCase(java.util.Locale.ROOT).contains("ECDSA") || isDerSequence(value)) {
            return value;
        }
        if (value.length == 0 || value.length % 2 != 0 || value.length > 132) {
            throw new WorkflowException(WorkflowException.Kind.INVALID, "an ECDSA signature value must be DER or r||s; got "
                    + value.length + " bytes");
        }
        int half = value.length / 2;
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(value, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(value, half, value.length));
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isDerSequence(byte[] value) {
        if (value.length < 8 || value[0] != 0x30) {
            return false;
        }
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(value));
            return seq.size() == 2 && Arrays.equals(seq.getEncoded("DER"), value);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
