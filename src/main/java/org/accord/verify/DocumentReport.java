package org.accord.verify;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.accord.model.Text;

/**
 * The verdict on one document: {@code valid} only if every signature passed under the strict policy, every
 * time-stamp held, and nothing but validation data and document time-stamps follows the last signature.
 * {@code complete} says, for an Accord original, whether every party has signed ({@code null} for any other PDF);
 * {@code verdict} sums both up. {@code error} explains a document that could not be validated at all.
 */
public record DocumentReport(
        String file,
        Verdict verdict,
        boolean valid,
        Finding error,
        String sha256,
        String policy,
        boolean demoTrust,
        List<SignatureReport> signatures,
        List<Finding> findings,
        Agreement agreement,
        Boolean complete,
        List<String> missingParties) implements java.io.Serializable {

    /** What the archivist reads first. */
    public enum Verdict {
        VALID, INCOMPLETE, NOT_VALID, UNUSABLE;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public DocumentReport {
        signatures = List.copyOf(signatures);
        findings = List.copyOf(findings);
        missingParties = missingParties == null ? List.of() : List.copyOf(missingParties);
    }

    /**
     * For an Accord original: the agreement, its parties (ids, and names in both languages), who has signed, when
     * the last of them did by a time-stamp that held, and the entry into force.
     */
    public record Agreement(String id, int original, int originals, List<String> parties, Map<String, Text> partyNames,
                            List<String> signedBy,
                            @JsonSerialize(using = ToStringSerializer.class) Instant lastSignedAt,
                            @JsonSerialize(using = ToStringSerializer.class) LocalDate entryIntoForce) implements java.io.Serializable {

        /** A party's short name in {@code lang}, or its id. */
        public String name(String party, String lang) {
            Text t = partyNames.get(party);
            return t == null ? party : t.in(lang);
        }
    }

    static DocumentReport unusable(String file, Finding error) {
        return new DocumentReport(file, Verdict.UNUSABLE, false, error, null, null, false, List.of(), List.of(), null, null,
                List.of());
    }
}
