package org.accord.model;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * How the certificate of the person who signs for a party is recognised: the name the certificate must carry (its
 * subject's common name), and optionally the subject's organisation, the SHA-256 fingerprint of a CA the
 * certificate must be issued under, and the SHA-256 fingerprints of the only certificates accepted. Names compare
 * in Unicode NFKC, ignoring case and runs of spaces. {@code organization} and {@code issuer} may be null.
 */
public record DesignatedSigner(String name, String organization, String issuer, List<String> certificates) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** What of a certificate does not match. */
    public enum Mismatch {
        NAME, ORGANIZATION, ISSUER, CERTIFICATE
    }

    public DesignatedSigner {
        Objects.requireNonNull(name, "name cannot be null");
        certificates = List.copyOf(certificates);
        if (issuer != null && !SHA256.matcher(issuer).matches()) {
            throw new IllegalArgumentException("issuer must be a SHA-256 fingerprint in lower-case hex");
        }
        for (String c : certificates) {
            if (!SHA256.matcher(c).matches()) {
                throw new IllegalArgumentException("certificates must be SHA-256 fingerprints in lower-case hex");
            }
        }
    }

    /** Recognised by the name alone (how originals made before designated signers are matched). */
    public static DesignatedSigner byName(String name) {
        return new DesignatedSigner(name, null, null, List.of());
    }

    /**
     * What of {@code chain} (the signer's certificate first, then its issuers) does not match; empty when it is the
     * designated signer's. An issuer counts only when every certificate up to it is signed by the next.
     */
    public List<Mismatch> mismatches(List<X509Certificate> chain) {
        List<Mismatch> wrong = new ArrayList<>();
        if (chain.isEmpty()) {
            return List.of(Mismatch.NAME);
        }
        X509Certificate leaf = chain.get(0);
        if (!same(name, subject(leaf, "CN"))) {
            wrong.add(Mismatch.NAME);
        }
        if (organization != null && !same(organization, subject(leaf, "O"))) {
            wrong.add(Mismatch.ORGANIZATION);
        }
        if (issuer != null && !issuedUnder(chain, issuer)) {
            wrong.add(Mismatch.ISSUER);
        }
        if (!certificates.isEmpty() && !certificates.contains(fingerprint(leaf))) {
            wrong.add(Mismatch.CERTIFICATE);
        }
        return List.copyOf(wrong);
    }

    /**
     * Whether a certificate's common name {@code cn} names the signatory called {@code name} in an original made before
     * Accord recorded designated signers: the same name, or its words as a run within it (the data's name may carry a
     * title, "Ambassador Gong Jianwei", that a certificate does not). At least two words must match.
     */
    public static boolean namesSignatory(String name, String cn) {
        if (same(name, cn)) {
            return true;
        }
        if (name == null || cn == null) {
            return false;
        }
        List<String> words = List.of(comparable(name).split(" "));
        List<String> cnWords = List.of(comparable(cn).split(" "));
        return cnWords.size() >= 2 && java.util.Collections.indexOfSubList(words, cnWords) >= 0;
    }

    /** A fingerprint as written by people ({@code AB:CD…}, spaces, either case) in the form kept here; null if it is none. */
    public static String normaliseFingerprint(String written) {
        if (written == null) {
            return null;
        }
        String hex = written.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
        return SHA256.matcher(hex).matches() ? hex : null;
    }

    /** The SHA-256 fingerprint of a certificate, lower-case hex. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of attribute {@code type} (CN, O, T) in a certificate's subject; null when absent. */
    public static String subject(X509Certificate certificate, String type) {
        try {
            List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName(
                    javax.security.auth.x500.X500Principal.RFC2253, java.util.Map.of("2.5.4.12", "T"))).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase(type)) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    /** Whether two names are the same for people: NFKC, case and runs of white space ignored. */
    public static boolean same(String a, String b) {
        return a != null && b != null && comparable(a).equals(comparable(b));
    }

    private static String comparable(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static boolean issuedUnder(List<X509Certificate> chain, String issuer) {
        for (int i = 1; i < chain.size(); i++) {
            try {
                chain.get(i - 1).verify(chain.get(i).getPublicKey());
            } catch (GeneralSecurityException e) {
                return false;
            }
            if (fingerprint(chain.get(i)).equals(issuer)) {
                return true;
            }
        }
        return false;
    }
}
