package org.accord.verify;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One kind of change made after a signature, where it was made ({@code pages}, 1-based; {@code fields}), and on how
 * many objects. Whether a signature tolerates it depends on its {@link Level} and the signature's permissions.
 */
public record Change(Kind kind, List<Integer> pages, List<String> fields, int objects) implements java.io.Serializable {

    /** What a change may be, from the most harmless: each signature permits a prefix of these. */
    public enum Level {
        /** Validation data, document time-stamps, document information: permitted after any signature. */
        VALIDATION,
        /** Signing an empty signature field, or adding one: permitted unless a certification forbids every change. */
        SIGNING,
        /** Filling in form fields within their widgets: permitted likewise. */
        FORM_FILLING,
        /** Anything else: never permitted. */
        FORBIDDEN
    }

    public enum Kind {
        VALIDATION_DATA(Level.VALIDATION),
        DOCUMENT_INFORMATION(Level.VALIDATION),
        SIGNATURE_FIELD_SIGNED(Level.SIGNING),
        SIGNATURE_FIELD_ADDED(Level.SIGNING),
        RESOURCES_EXTENDED(Level.SIGNING),
        FORM_FIELDS_FILLED(Level.FORM_FILLING),
        FULL_POWERS_ATTACHED(Level.FORM_FILLING),
        VISUAL_DIFFERENCE(Level.FORBIDDEN),
        PAGES_ADDED_OR_REMOVED(Level.FORBIDDEN),
        ANNOTATIONS_OVERLAPPING(Level.FORBIDDEN),
        ANNOTATIONS_ADDED(Level.FORBIDDEN),
        ANNOTATIONS_REMOVED(Level.FORBIDDEN),
        PAGE_CHANGED(Level.FORBIDDEN),
        CATALOG_CHANGED(Level.FORBIDDEN),
        FORM_CHANGED(Level.FORBIDDEN),
        FIELD_CHANGED(Level.FORBIDDEN),
        LOCKED_FIELD_CHANGED(Level.FORBIDDEN),
        SIGNATURE_REPLACED(Level.FORBIDDEN),
        OBJECTS_CHANGED(Level.FORBIDDEN),
        OBJECTS_FREED(Level.FORBIDDEN),
        OBJECT_STREAM_REPLACED(Level.FORBIDDEN),
        XREF_REDIRECTED(Level.FORBIDDEN),
        UNLISTED_OBJECTS(Level.FORBIDDEN),
        DEFINED_TWICE(Level.FORBIDDEN),
        BROKEN_XREF_CHAIN(Level.FORBIDDEN),
        DANGLING_REFERENCE_FILLED(Level.FORBIDDEN),
        UNREADABLE_UPDATE(Level.FORBIDDEN);

        private final Level level;

        Kind(Level level) {
            this.level = level;
        }

        public Level level() {
            return level;
        }
    }

    public Change {
        pages = List.copyOf(pages);
        fields = List.copyOf(fields);
    }

    static Change of(Kind kind, int objects) {
        return new Change(kind, List.of(), List.of(), objects);
    }

    /** Whether a signature allowing changes up to {@code allowed} tolerates this one. */
    public boolean permittedUpTo(Level allowed) {
        return kind.level().compareTo(allowed) <= 0;
    }

    @JsonIgnore
    public boolean forbidden() {
        return kind.level() == Level.FORBIDDEN;
    }
}
