package org.accord.model;

import java.util.Objects;

/**
 * A party to the agreement. {@code hereinafter} and {@code keepsOriginal} may be null; {@code custodian}
 * is who keeps the party's original (its short name unless the data says otherwise).
 */
public record Party(
        String id,
        Text name,
        Text shortName,
        Text hereinafter,
        Integer keepsOriginal,
        Text custodian,
        Text signatureHeading,
        Signatory signatory) {

    public Party {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(shortName, "shortName cannot be null");
        Objects.requireNonNull(custodian, "custodian cannot be null");
        Objects.requireNonNull(signatureHeading, "signatureHeading cannot be null");
        Objects.requireNonNull(signatory, "signatory cannot be null");
    }

    /** The name of the AcroForm signature field this party signs into. */
    public String signatureFieldName() {
        return "sig-" + id;
    }
}
