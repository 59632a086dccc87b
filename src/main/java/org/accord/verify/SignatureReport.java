package org.accord.verify;

import java.util.List;

/**
 * The verdict on one signature (or document time-stamp). Times are ISO-8601 UTC strings or null;
 * {@code timestampTime} is the time proven by the earliest signature time-stamp; {@code intact} says the signed
 * bytes are unchanged and nothing forbidden followed, whatever the trust in the signer.
 */
public record SignatureReport(
        String field,
        String kind,
        String signer,
        String indication,
        String subIndication,
        String level,
        String signingTime,
        String timestampTime,
        boolean intact,
        boolean coversWholeDocument,
        String covers,
        String trustAnchor,
        List<String> modificationsAfter,
        List<String> errors,
        List<String> warnings) {

    public SignatureReport {
        modificationsAfter = List.copyOf(modificationsAfter);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether this signature passes: TOTAL_PASSED (PASSED for a document time-stamp) with no error of Accord's. */
    public boolean passed() {
        return ("TOTAL_PASSED".equals(indication) || "PASSED".equals(indication)) && errors.isEmpty();
    }
}
