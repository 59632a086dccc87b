package org.accord.verify;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.enumerations.TimestampType;
import java.time.Instant;

/**
 * One time-stamp bearing on a signature, with the verdict of its own validation: only one that {@link #passed()}
 * proves a time.
 */
public record TimestampReport(
        String id,
        Kind kind,
        Indication indication,
        SubIndication subIndication,
        @JsonSerialize(using = ToStringSerializer.class) Instant genTime,
        String tsa) implements java.io.Serializable {

    /** What the time-stamp covers: the signature value, the signature with its validation data, or the whole document. */
    public enum Kind {
        SIGNATURE("signature"), ARCHIVE("archive"), DOCUMENT("document"), CONTENT("content");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }

        static Kind of(TimestampType type) {
            if (type == null) {
                return DOCUMENT;
            }
            return switch (type) {
                case SIGNATURE_TIMESTAMP -> SIGNATURE;
                case CONTENT_TIMESTAMP, ALL_DATA_OBJECTS_TIMESTAMP, INDIVIDUAL_DATA_OBJECTS_TIMESTAMP -> CONTENT;
                case DOCUMENT_TIMESTAMP -> DOCUMENT;
                default -> ARCHIVE;
            };
        }
    }

    /** Whether the time-stamp's own validation passed: signature, message imprint, TSA chain and validity. */
    public boolean passed() {
        return indication == Indication.PASSED || indication == Indication.TOTAL_PASSED;
    }

    /** Whether it is evidence of a change: it failed outright (it could not be confirmed is not that). */
    public boolean failed() {
        return indication == Indication.FAILED || indication == Indication.TOTAL_FAILED;
    }
}
