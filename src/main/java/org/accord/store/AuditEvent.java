package org.accord.store;

import java.time.Instant;

/** One event of the audit trail; {@code documentSha256} and {@code detail} may be null. */
public record AuditEvent(long seq, Instant at, String actor, String action, String subject, String documentSha256,
                         String detail, String prevHash, String hash) {

    /** The hash this event must carry: SHA-256 over its fields, each length-prefixed, and the previous hash. */
    public String expectedHash() {
        StringBuilder b = new StringBuilder();
        for (String field : new String[] {Long.toString(seq), at.toString(), actor, action, subject, documentSha256, detail,
                prevHash}) {
            String v = field == null ? "" : field;
            b.append(field == null ? -1 : v.length()).append(':').append(v).append('\n');
        }
        return Rows.sha256(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
