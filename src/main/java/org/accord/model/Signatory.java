package org.accord.model;

import java.util.Objects;

/**
 * The person who signs for a party, and how their certificate is recognised ({@code certificate}: by the English
 * name alone unless the data says more); {@code function} may be null.
 */
public record Signatory(Text name, Text function, DesignatedSigner certificate) {

    public Signatory {
        Objects.requireNonNull(name, "name cannot be null");
        if (certificate == null) {
            certificate = DesignatedSigner.byName(name.en());
        }
    }

    public Signatory(Text name, Text function) {
        this(name, function, null);
    }

    /** This signatory recognised by {@code certificate} instead. */
    public Signatory withCertificate(DesignatedSigner certificate) {
        return new Signatory(name, function, certificate);
    }
}
