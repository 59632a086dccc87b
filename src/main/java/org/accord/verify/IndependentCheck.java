package org.accord.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A second opinion on one signature's integrity, from an implementation that shares no code with DSS and PDFBox
 * for reading the PDF and verifying the CMS signature ({@value #IMPLEMENTATION}): whether it {@code agrees} with
 * DSS, {@code disagrees} (at {@code point}, {@code brokenFor} saying which implementation saw a break), or the check
 * was {@code not possible} ({@code point} says why). A disagreement never makes a document valid; one where only the
 * independent implementation sees a break makes the signature fail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndependentCheck(Outcome outcome, Point point, Side brokenFor, String implementation)
        implements java.io.Serializable {

    /** The implementation that makes the check. */
    public static final String IMPLEMENTATION = "OpenPDF 2.0.5";

    public enum Outcome {
        AGREES("agrees"), DISAGREES("disagrees"), NOT_POSSIBLE("not possible");

        private final String json;

        Outcome(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }
    }

    /** Where the two differ, where both see a break, or why the check was not possible. */
    public enum Point {
        /** The /ByteRange: malformed for one of them, or not the same range for both. */
        BYTE_RANGE("byte-range"),
        /** The digest of the covered bytes against the signed attributes, or the signature value (one step in OpenPDF). */
        SIGNATURE("signature"),
        /** The signing certificate each takes the signature to be made with. */
        SIGNER("signer"),
        /** The message imprint of the signature time-stamp (of the document time-stamp: of the covered bytes). */
        TIMESTAMP_IMPRINT("timestamp-imprint"),
        /** One finds a signature time-stamp, the other none. */
        TIMESTAMP_PRESENCE("timestamp-presence"),
        /** Not possible: the independent implementation cannot read the PDF. */
        PDF_UNREADABLE("pdf-unreadable"),
        /** Not possible: the document is encrypted. */
        ENCRYPTED("encrypted"),
        /** Not possible: the independent implementation finds no signed field of this name. */
        NO_FIELD("no-field"),
        /** Not possible: the independent implementation cannot read this CMS signature. */
        CMS_UNREADABLE("cms-unreadable"),
        /** Not possible: several certificates carry the signer's serial number, by which alone OpenPDF finds the signer. */
        SIGNER_AMBIGUOUS("signer-ambiguous"),
        /** Not possible: an algorithm the independent implementation does not know. */
        ALGORITHM("algorithm"),
        /** Not possible: the independent check did not run (time or resources). */
        NOT_RUN("not-run");

        private final String json;

        Point(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }
    }

    /** Which implementation saw the break the point names. */
    public enum Side {
        OPENPDF("OpenPDF"), DSS("DSS"), BOTH("both");

        private final String json;

        Side(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }
    }

    static IndependentCheck agrees() {
        return new IndependentCheck(Outcome.AGREES, null, null, IMPLEMENTATION);
    }

    /** Both see the signature broken at {@code point}. */
    static IndependentCheck agreesBroken(Point point) {
        return new IndependentCheck(Outcome.AGREES, point, Side.BOTH, IMPLEMENTATION);
    }

    static IndependentCheck disagrees(Point point, Side brokenFor) {
        return new IndependentCheck(Outcome.DISAGREES, point, brokenFor, IMPLEMENTATION);
    }

    static IndependentCheck notPossible(Point why) {
        return new IndependentCheck(Outcome.NOT_POSSIBLE, why, null, IMPLEMENTATION);
    }

    /** Whether only the independent implementation sees a break: the signature then fails. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean brokenOnlyIndependently() {
        return outcome == Outcome.DISAGREES && brokenFor == Side.OPENPDF;
    }

    /** DSS's view of one signature or document time-stamp, for the independent check to be compared with. */
    record Dss(boolean byteRangeValid, java.util.List<java.math.BigInteger> byteRange, boolean signatureValid, byte[] signer,
               Boolean timestampImprintIntact) {
    }

    /**
     * How OpenPDF's view of the signed field named {@code names} compares with DSS's: byte range, signer, signature
     * (digest and value), signature time-stamp, in that order; the first difference is the point.
     */
    static IndependentCheck compare(OpenPdfCheck.Result result, java.util.List<String> names, Dss dss) {
        IndependentCheck impossible = notPossible(result, names);
        if (impossible != null) {
            return impossible;
        }
        OpenPdfCheck.View v = result.of(names);
        Point point = v.broken();
        if (point == Point.BYTE_RANGE) {
            return dss.byteRangeValid() ? disagrees(point, Side.OPENPDF) : agreesBroken(point);
        }
        if (!sameRange(v.byteRange(), dss.byteRange())) {
            // the two read different byte ranges for the same field: which bytes are signed is not certain
            return disagrees(Point.BYTE_RANGE, Side.OPENPDF);
        }
        if (!dss.byteRangeValid()) {
            return disagrees(Point.BYTE_RANGE, Side.DSS);
        }
        if (dss.signer() != null && v.signer() != null && !java.util.Arrays.equals(dss.signer(), v.signer())) {
            return disagrees(Point.SIGNER, Side.OPENPDF);
        }
        boolean signature = point != Point.SIGNATURE;
        if (signature != dss.signatureValid()) {
            return disagrees(Point.SIGNATURE, signature ? Side.DSS : Side.OPENPDF);
        }
        if (!signature) {
            return agreesBroken(Point.SIGNATURE);
        }
        if (v.timestamp() != (dss.timestampImprintIntact() != null)) {
            return disagrees(Point.TIMESTAMP_PRESENCE, null);
        }
        if (v.timestamp()) {
            boolean imprint = point != Point.TIMESTAMP_IMPRINT;
            if (imprint != dss.timestampImprintIntact()) {
                return disagrees(Point.TIMESTAMP_IMPRINT, imprint ? Side.DSS : Side.OPENPDF);
            }
            if (!imprint) {
                return agreesBroken(Point.TIMESTAMP_IMPRINT);
            }
        }
        return agrees();
    }

    /**
     * The independent check of a signed field DSS cannot decode: OpenPDF's view, whatever it is, differs from
     * DSS's (the break OpenPDF sees, or a signature it finds sound).
     */
    static IndependentCheck undecodable(OpenPdfCheck.Result result, String field) {
        IndependentCheck impossible = notPossible(result, java.util.List.of(field));
        if (impossible != null) {
            return impossible;
        }
        Point broken = result.of(java.util.List.of(field)).broken();
        return broken != null ? disagrees(broken, Side.OPENPDF) : disagrees(Point.SIGNATURE, Side.DSS);
    }

    /** Why OpenPDF has no view of the field named {@code names}; null when it has one. */
    private static IndependentCheck notPossible(OpenPdfCheck.Result result, java.util.List<String> names) {
        if (result == null) {
            return notPossible(Point.NOT_RUN);
        }
        if (result.unreadable() != null) {
            return notPossible(result.unreadable());
        }
        OpenPdfCheck.View v = result.of(names);
        if (v == null) {
            return notPossible(Point.NO_FIELD);
        }
        return v.unreadable() != null ? notPossible(v.unreadable()) : null;
    }

    private static boolean sameRange(long[] independent, java.util.List<java.math.BigInteger> dss) {
        if (independent == null || dss == null || dss.size() != independent.length) {
            return false;
        }
        for (int i = 0; i < independent.length; i++) {
            if (dss.get(i) == null || dss.get(i).compareTo(java.math.BigInteger.valueOf(independent[i])) != 0) {
                return false;
            }
        }
        return true;
    }
}
