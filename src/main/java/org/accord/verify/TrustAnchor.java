package org.accord.verify;

import java.security.cert.X509Certificate;
import java.util.Objects;

/** A root certificate an organisation trusts, with the label reports show ("CICA Secretariat CA"). */
public record TrustAnchor(X509Certificate certificate, String label, boolean demo) {

    public TrustAnchor {
        Objects.requireNonNull(certificate, "certificate cannot be null");
        Objects.requireNonNull(label, "label cannot be null");
    }
}
