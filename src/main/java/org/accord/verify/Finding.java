package org.accord.verify;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something Accord found, as a value: a code and its parameters (numbers, offsets, party ids, changes, DSS message
 * keys). Its wording lives in the message bundles ({@link Wording}); {@link #message()} is the English one.
 */
public record Finding(Code code, @JsonIgnore Map<String, Object> params) implements java.io.Serializable {

    public enum Code {
        // Why a file cannot be validated at all.
        NOT_A_PDF,
        UNREADABLE_PDF,
        TOO_LARGE,
        TOO_MANY_OBJECTS,
        TOO_MANY_PAGES,
        NESTING_TOO_DEEP,
        RESOURCE_BOMB,
        ENCRYPTED,
        TIMEOUT,
        CANNOT_READ_FILE,
        // On the whole document.
        NO_SIGNATURE,
        TAIL_VALIDATION_DATA,
        TAIL_NOT_COVERED,
        DAMAGED_AFTER_LAST_SIGNATURE,
        UNREADABLE_AFTER_SIGNATURE,
        ENTRY_INTO_FORCE_UNPROVEN,
        // On one signature or time-stamp.
        DSS_MESSAGE,
        CHANGED_AFTER_SIGNING,
        UNDECODABLE_SIGNATURE,
        UNDECODABLE_TIMESTAMP,
        TIMESTAMP_FAILED,
        TIMESTAMP_NOT_CONFIRMED,
        VISUAL_DIFFERENCE_EXPLAINED,
        WRONG_SIGNER,
        SIGNER_MATCHED_BY_NAME,
        SIGNED_FOR_NO_PARTY,
        COMPLETION_MISSING,
        COMPLETION_DATE_DIFFERS,
        INDEPENDENT_CHECK_BROKEN
    }

    public Finding {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    static Finding of(Code code) {
        return new Finding(code, Map.of());
    }

    /** {@code code} with parameters given as name, value, name, value… (null values left out). */
    static Finding of(Code code, Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                params.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return new Finding(code, params);
    }

    /** The English wording (the JSON carries it beside the code). */
    @JsonProperty("message")
    public String message() {
        return Wording.of("en").finding(this);
    }

    /** The parameters as JSON carries them: times as ISO-8601 strings. */
    @JsonProperty("params")
    public Map<String, Object> jsonParams() {
        Map<String, Object> json = new LinkedHashMap<>();
        params.forEach((k, v) -> json.put(k, v instanceof java.time.Instant t ? t.toString() : v));
        return json;
    }

    /** A parameter as an integer (0 when absent). */
    long number(String name) {
        return params.get(name) instanceof Number n ? n.longValue() : 0;
    }
}
