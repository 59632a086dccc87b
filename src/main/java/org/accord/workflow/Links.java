package org.accord.workflow;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing links derived from the invitation they open: the token is an HMAC-SHA256 of the invitation's id under the
 * service's link key. The database keeps only the token's hash, so a copy of it does not hand out links, while the
 * service can write the same link again into a reminder.
 */
public final class Links {

    private final byte[] key;
    private final String publicUrl;

    /** Links under {@code publicUrl}, derived with {@code key} (at least 32 bytes, the same on every node). */
    public Links(byte[] key, String publicUrl) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the link key must have at least 32 bytes, not " + key.length);
        }
        this.key = key.clone();
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl cannot be null").replaceAll("/+$", "");
    }

    /** The token of the invitation with this id (43 URL-safe characters). */
    public String token(String invitationId) {
        return derive("signing-link\u0000" + invitationId);
    }

    /** The token of a download link with this id. */
    String downloadToken(String downloadId) {
        return derive("download-link\u0000" + downloadId);
    }

    /** The page a signatory opens with {@code token}. */
    public String signingUrl(String token) {
        return publicUrl + "/sign/" + token;
    }

    /** The address that downloads with {@code token}. */
    String downloadUrl(String token) {
        return publicUrl + "/download/" + token;
    }

    private String derive(String what) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(what.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
