package org.accord.store;

import java.time.Instant;

/** An agreement as drafted: its source (YAML or JSON, as uploaded) and who created it when. */
public record StoredAgreement(String id, String dataId, String titleEn, String titleRu, String sourceSha256, String createdBy,
                              Instant createdAt, byte[] source) {
}
