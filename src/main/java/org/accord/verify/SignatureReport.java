package org.accord.verify;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import java.time.Instant;
import java.util.List;

/**
 * The verdict on one signature (or document time-stamp). {@code indication} is Accord's: DSS's
 * ({@code dssIndication}) unless Accord found the signature broken or a forbidden change after it.
 * {@code timestampTime} is the time proven by the earliest signature time-stamp that passed its own validation;
 * {@code intact} says the signed bytes are unchanged and nothing forbidden followed, whatever the trust in the
 * signer. For an Accord original, {@code party} is the party whose field the signature is in, and
 * {@code designatedSigner} whether its certificate is that party's designated signer's (null when the document names
 * no designated signer for the field). {@code independentCheck} is the second opinion on the signature's integrity
 * ({@link IndependentCheck}).
 */
public record SignatureReport(
        String field,
        Kind kind,
        String signer,
        String party,
        Boolean designatedSigner,
        Indication indication,
        SubIndication subIndication,
        Indication dssIndication,
        SubIndication dssSubIndication,
        String level,
        @JsonSerialize(using = ToStringSerializer.class) Instant signingTime,
        @JsonSerialize(using = ToStringSerializer.class) Instant timestampTime,
        List<TimestampReport> timestamps,
        List<FullPowers> fullPowers,
        boolean intact,
        boolean coversWholeDocument,
        Covers covers,
        String trustAnchor,
        List<Change> modificationsAfter,
        List<Finding> errors,
        List<Finding> warnings,
        Completion completion,
        IndependentCheck independentCheck) implements java.io.Serializable {

    /**
     * How the party's signature block was completed when it signed: the place ({@code placeRu} as after «в») and the
     * date in each language, as its fields hold them; null for a signature block without such fields.
     */
    public record Completion(String place, String placeRu, String date, String dateRu) implements java.io.Serializable {
    }

    /** A report without a completed signature block (document time-stamps, signatures outside Accord's blocks). */
    public SignatureReport(String field, Kind kind, String signer, String party, Boolean designatedSigner,
                           Indication indication, SubIndication subIndication, Indication dssIndication,
                           SubIndication dssSubIndication, String level, Instant signingTime, Instant timestampTime,
                           List<TimestampReport> timestamps, List<FullPowers> fullPowers, boolean intact,
                           boolean coversWholeDocument, Covers covers, String trustAnchor, List<Change> modificationsAfter,
                           List<Finding> errors, List<Finding> warnings) {
        this(field, kind, signer, party, designatedSigner, indication, subIndication, dssIndication, dssSubIndication, level,
                signingTime, timestampTime, timestamps, fullPowers, intact, coversWholeDocument, covers, trustAnchor,
                modificationsAfter, errors, warnings, null, null);
    }

    public enum Kind {
        SIGNATURE("signature"), DOCUMENT_TIMESTAMP("document-timestamp");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }
    }

    /**
     * A file associated with the signature's field (a signatory's full powers): its name, size and SHA-256, and
     * whether the signature covers it (the same file is in the revision it signed).
     */
    public record FullPowers(String fileName, long size, String sha256, boolean covered) implements java.io.Serializable {
    }

    /** The bytes a signature covers, {@code [0, end)} less its own value, of a file of {@code length} bytes. */
    public record Covers(long end, long length) implements java.io.Serializable {
    }

    public SignatureReport {
        timestamps = List.copyOf(timestamps);
        fullPowers = List.copyOf(fullPowers);
        modificationsAfter = List.copyOf(modificationsAfter);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether this signature passes: TOTAL_PASSED (PASSED for a document time-stamp) with no error of Accord's. */
    @JsonIgnore
    public boolean passed() {
        return (indication == Indication.TOTAL_PASSED || indication == Indication.PASSED)
                && errors.isEmpty();
    }

    @JsonIgnore
    public boolean documentTimestamp() {
        return kind == Kind.DOCUMENT_TIMESTAMP;
    }
}
