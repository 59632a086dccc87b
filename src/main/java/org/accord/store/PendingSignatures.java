package org.accord.store;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Two-step signatures waiting for the signature value from the signatory's device, one per signing link: the exact
 * document prepared and the state to rebuild the signature from, so that the second step may reach any node.
 */
public final class PendingSignatures {

    private final Database db;

    public PendingSignatures(Database db) {
        this.db = db;
    }

    /** What step one prepared: on which revision, the document with its completed block, the signer's chain and time. */
    public record Pending(String invitationId, int baseRevision, byte[] pdf, String placeEn, String placeRu, String level,
                          List<X509Certificate> chain, Instant signingTime, byte[] dataToSign, String algorithm,
                          Instant expiresAt) {

        public Pending {
            Objects.requireNonNull(invitationId, "invitationId cannot be null");
            Objects.requireNonNull(pdf, "pdf cannot be null");
            chain = List.copyOf(chain);
        }
    }

    /** Keeps {@code p}, replacing what was prepared before for the same link; forgets what expired before {@code now}. */
    public void put(Pending p, Instant now) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM pending_signatures WHERE invitation_id = ? OR expires_at < ?")) {
                s.setString(1, p.invitationId());
                Rows.time(s, 2, now);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pending_signatures (invitation_id, base_revision, pdf, "
                    + "place_en, place_ru, level, chain_pem, signing_time, data_to_sign, algorithm, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, p.invitationId());
                s.setInt(2, p.baseRevision());
                s.setBytes(3, p.pdf());
                s.setString(4, p.placeEn());
                s.setString(5, p.placeRu());
                s.setString(6, p.level());
                s.setString(7, pem(p.chain()));
                Rows.time(s, 8, p.signingTime());
                s.setBytes(9, p.dataToSign());
                s.setString(10, p.algorithm());
                Rows.time(s, 11, p.expiresAt());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** What was prepared for the link, removed so that it completes once; empty when nothing (or it expired). */
    public Optional<Pending> take(String invitationId, Instant now) {
        return db.transaction(c -> {
            Pending p = null;
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM pending_signatures WHERE invitation_id = ? FOR UPDATE")) {
                s.setString(1, invitationId);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        p = new Pending(invitationId, r.getInt("base_revision"), r.getBytes("pdf"), r.getString("place_en"),
                                r.getString("place_ru"), r.getString("level"), chain(r.getString("chain_pem")),
                                Rows.time(r, "signing_time"), r.getBytes("data_to_sign"), r.getString("algorithm"),
                                Rows.time(r, "expires_at"));
                    }
                }
            }
            if (p == null) {
                return Optional.<Pending>empty();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM pending_signatures WHERE invitation_id = ?")) {
                s.setString(1, invitationId);
                s.executeUpdate();
            }
            return p.expiresAt().isBefore(now) ? Optional.<Pending>empty() : Optional.of(p);
        });
    }

    private static String pem(List<X509Certificate> chain) {
        StringBuilder b = new StringBuilder();
        Base64.Encoder mime = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate cert : chain) {
            try {
                b.append("-----BEGIN CERTIFICATE-----\n").append(mime.encodeToString(cert.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new StoreException("a certificate of the chain cannot be encoded", e);
            }
        }
        return b.toString();
    }

    private static List<X509Certificate> chain(String pem) {
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            f.generateCertificates(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                    .forEach(c -> chain.add((X509Certificate) c));
            return chain;
        } catch (CertificateException e) {
            throw new StoreException("a pending signature's chain cannot be read", e);
        }
    }
}
