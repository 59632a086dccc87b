package org.accord.model;

import java.util.Objects;

/**
 * A party to the agreement. {@code hereinafter} and {@code keepsOriginal} may be null; {@code custodian}
 * is who keeps the party's original (its short name unless the data says otherwise). {@code onBehalf}, when not
 * null, is the party's name as it follows "on behalf of" / «от имени» (genitive in Russian): the signature's /Reason.
 */
public record Party(
        String id,
        Text name,
        Text shortName,
        Text hereinafter,
        Integer keepsOriginal,
        Text custodian,
        Text signatureHeading,
        Signatory signatory,
        Text onBehalf) {

    public Party {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(shortName, "shortName cannot be null");
        Objects.requireNonNull(custodian, "custodian cannot be null");
        Objects.requireNonNull(signatureHeading, "signatureHeading cannot be null");
        Objects.requireNonNull(signatory, "signatory cannot be null");
    }

    public Party(String id, Text name, Text shortName, Text hereinafter, Integer keepsOriginal, Text custodian,
                 Text signatureHeading, Signatory signatory) {
        this(id, name, shortName, hereinafter, keepsOriginal, custodian, signatureHeading, signatory, null);
    }

    /** This party with another signatory (its designated signer set at issuing). */
    public Party withSignatory(Signatory other) {
        return new Party(id, name, shortName, hereinafter, keepsOriginal, custodian, signatureHeading, other, onBehalf);
    }

    /** The name of the AcroForm signature field this party signs into. */
    public String signatureFieldName() {
        return "sig-" + id;
    }

    /** What a signature block is completed with when its party signs, each in both languages. */
    public enum Completion {
        PLACE, DATE;

        /** The form field that holds it for party {@code partyId} in language {@code lang}: {@code place-cica-ru}. */
        public String fieldName(String partyId, String lang) {
            return name().toLowerCase(java.util.Locale.ROOT) + "-" + partyId + "-" + lang;
        }
    }
}
