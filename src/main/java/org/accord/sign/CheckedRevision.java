package org.accord.sign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What Accord recorded of a revision it stored: its length, its SHA-256 and how many signatures (document
 * time-stamps aside) were found intact in it. A document that begins with exactly these bytes need not have those
 * signatures validated again before another is added; only what follows them is new.
 */
public record CheckedRevision(long length, String sha256, int intactSignatures) {

    public CheckedRevision {
        Objects.requireNonNull(sha256, "sha256 cannot be null");
        if (length < 1 || intactSignatures < 0) {
            throw new IllegalArgumentException("a checked revision has bytes and zero or more signatures");
        }
    }

    /** The record of {@code pdf} itself, with {@code intactSignatures} found intact in it. */
    public static CheckedRevision of(byte[] pdf, int intactSignatures) {
        return new CheckedRevision(pdf.length, sha256(pdf, pdf.length), intactSignatures);
    }

    /** Whether {@code pdf} begins with this revision's bytes (is it, or it with increments appended). */
    public boolean isPrefixOf(byte[] pdf) {
        return pdf.length >= length && sha256.equalsIgnoreCase(sha256(pdf, (int) length));
    }

    /** This revision with one signature more, as the revision signing it makes. */
    public int afterOneMore() {
        return intactSignatures + 1;
    }

    private static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
