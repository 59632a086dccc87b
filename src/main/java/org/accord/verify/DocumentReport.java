package org.accord.verify;

import java.util.List;

/**
 * The verdict on one document: {@code valid} only if every signature passed under the strict policy and nothing
 * but validation data and document time-stamps follows the last signature. {@code error} explains a document
 * that could not be validated at all. {@code findings} are Accord's own observations on the whole file.
 */
public record DocumentReport(
        String file,
        boolean valid,
        String error,
        String sha256,
        String policy,
        boolean demoTrust,
        List<SignatureReport> signatures,
        List<String> findings,
        Agreement agreement) {

    public DocumentReport {
        signatures = List.copyOf(signatures);
        findings = List.copyOf(findings);
    }

    /** For an Accord original: the agreement, who signed last and when, and the entry into force. */
    public record Agreement(String id, int original, int originals, List<String> parties, List<String> signedBy,
                            String lastSignedAt, String entryIntoForce) {
    }

    static DocumentReport unusable(String file, String error) {
        return new DocumentReport(file, false, error, null, null, false, List.of(), List.of(), null);
    }
}
