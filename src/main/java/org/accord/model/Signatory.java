package org.accord.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The person who signs for a party, how their certificate is recognised ({@code certificate}: by the English
 * name alone unless the data says more), and where their invitation is written to; {@code function} and
 * {@code email} may be null.
 */
public record Signatory(Text name, Text function, DesignatedSigner certificate, String email) {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>(),;:\"\\[\\]\\\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}"
            + "[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*");

    public Signatory {
        Objects.requireNonNull(name, "name cannot be null");
        if (certificate == null) {
            certificate = DesignatedSigner.byName(name.en());
        }
    }

    public Signatory(Text name, Text function, DesignatedSigner certificate) {
        this(name, function, certificate, null);
    }

    public Signatory(Text name, Text function) {
        this(name, function, null, null);
    }

    /** This signatory recognised by {@code certificate} instead. */
    public Signatory withCertificate(DesignatedSigner certificate) {
        return new Signatory(name, function, certificate, email);
    }

    /** This signatory written to at {@code email} instead. */
    public Signatory withEmail(String email) {
        return new Signatory(name, function, certificate, email);
    }

    /** Whether {@code address} is a plain mailbox ({@code local@domain}, no display name, no header characters). */
    public static boolean isAddress(String address) {
        return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
    }
}
