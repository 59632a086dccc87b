package org.accord.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The incremental updates that follow a signed revision, read strictly byte by byte (ISO 32000-1, 7.5.6): each
 * update is a run of complete objects, a cross-reference section (table and trailer, or a cross-reference
 * stream), {@code startxref} and {@code %%EOF}. Nothing is repaired or guessed; where the bytes stop being
 * complete updates, {@link Structure#damage()} says where and why.
 */
final class Updates {

    enum EntryType { FREE, IN_USE, COMPRESSED }

    /** A cross-reference entry: for {@code COMPRESSED}, {@code offset} is the number of the object stream. */
    record Entry(int number, int generation, EntryType type, long offset) {
    }

    /** An object as it stands in the update's bytes: header at {@code offset}, dictionary when it has one. */
    record Obj(int number, int generation, int offset, int end, boolean stream, Map<String, Object> dict) {
    }

    /** What is wrong with the cross-reference section of an update, for the object named. */
    enum Problem {
        /** The entry points at bytes before the update (an earlier revision's object, or a hidden one). */
        POINTS_OUTSIDE_UPDATE,
        /** The entry points at an offset where no object of that number begins. */
        POINTS_AT_OTHER_OBJECT,
        /** An object in the update's bytes that its cross-reference section does not list. */
        UNLISTED_OBJECT,
        /** The same object defined or listed twice in one update. */
        DEFINED_TWICE,
        /** {@code /Prev} or {@code startxref} does not point where the update's sections are. */
        BROKEN_CHAIN
    }

    record Anomaly(Problem problem, int object, long offset) {
    }

    /**
     * One update: bytes {@code [start, end)}, where {@code eof} is just after its {@code %%EOF} (a signed range
     * may end there or after the end-of-line that follows).
     */
    record Update(int start, int eof, int end, int xrefOffset, boolean xrefStream, List<Entry> entries,
                  Map<String, Object> trailer, List<Obj> objects, List<Anomaly> anomalies) {

        /** The entries that define objects (in use or compressed). */
        List<Entry> defined() {
            return entries.stream().filter(e -> e.type() != EntryType.FREE).toList();
        }
    }

    /** Why the bytes after a point cannot be read as complete updates. */
    enum DamageKind { INCOMPLETE_OBJECT, INCOMPLETE_XREF, MISSING_EOF, NOT_PDF_SYNTAX, TRUNCATED_AT_END }

    record Damage(DamageKind kind, int offset) {
    }

    /** The updates from {@code from} to the end of the file; {@code damage} is null when every byte belongs to one. */
    record Structure(int from, int baseXref, List<Update> updates, Damage damage) {

        /** The update whose end a signed byte range ending at {@code rangeEnd} matches, or null. */
        Update endingAt(long rangeEnd) {
            for (Update u : updates) {
                if (rangeEnd >= u.eof() && rangeEnd <= u.end()) {
                    return u;
                }
            }
            return null;
        }
    }

    private final byte[] pdf;
    private final Deadline deadline;

    private Updates(byte[] pdf, Deadline deadline) {
        this.pdf = pdf;
        this.deadline = deadline;
    }

    /** Reads every update after byte {@code from} (the end of a signed revision). */
    static Structure read(byte[] pdf, int from, Deadline deadline) {
        return new Updates(pdf, deadline).readFrom(from);
    }

    private Structure readFrom(int from) {
        int baseXref = lastStartxrefBefore(from);
        List<Update> updates = new ArrayList<>();
        PdfLexer lex = new PdfLexer(pdf, from, pdf.length);
        int start = from;
        int previousXref = baseXref;
        while (true) {
            deadline.check();
            lex.skipSpace();
            if (lex.atEnd()) {
                return new Structure(from, baseXref, updates, null);
            }
            try {
                Update u = update(lex, start, previousXref);
                updates.add(u);
                previousXref = u.xrefOffset();
                start = u.end();
                lex.seek(start);
            } catch (Damaged d) {
                return new Structure(from, baseXref, updates, new Damage(d.kind, d.offset));
            } catch (PdfLexer.Malformed m) {
                return new Structure(from, baseXref, updates, new Damage(DamageKind.NOT_PDF_SYNTAX, (int) m.offset));
            }
        }
    }

    private static final class Damaged extends RuntimeException {
        final DamageKind kind;
        final int offset;

        Damaged(DamageKind kind, int offset) {
            super(kind + " at " + offset, null, false, false);
            this.kind = kind;
            this.offset = offset;
        }
    }

    private Update update(PdfLexer lex, int start, int previousXref) {
        List<Obj> objects = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Map<String, Object> trailer = null;
        int xrefOffset = -1;
        boolean xrefStream = false;
        while (true) {
            deadline.check();
            lex.skipSpace();
            if (lex.atEnd()) {
                throw new Damaged(objects.isEmpty() ? DamageKind.NOT_PDF_SYNTAX : DamageKind.INCOMPLETE_XREF, lex.position());
            }
            if (lex.peekKeyword("xref")) {
                xrefOffset = lex.position();
                lex.expectKeyword("xref");
                entries.addAll(table(lex));
                if (!lex.peekKeyword("trailer")) {
                    throw new Damaged(DamageKind.INCOMPLETE_XREF, lex.position());
                }
                lex.expectKeyword("trailer");
                trailer = dictionary(lex.readObject(), lex.position());
                break;
            }
            if (lex.peekKeyword("startxref")) {
                Obj last = objects.isEmpty() ? null : objects.get(objects.size() - 1);
                if (last == null || last.dict() == null || !isXrefStream(last.dict())) {
                    throw new Damaged(DamageKind.INCOMPLETE_XREF, lex.position());
                }
                xrefOffset = last.offset();
                xrefStream = true;
                trailer = last.dict();
                entries.addAll(XrefStream.entries(last.dict(), pdf, streamStart(last), streamEnd(last)));
                break;
            }
            objects.add(object(lex));
        }
        return finish(lex, start, previousXref, objects, entries, trailer, xrefOffset, xrefStream);
    }

    private Update finish(PdfLexer lex, int start, int previousXref, List<Obj> objects, List<Entry> entries,
                          Map<String, Object> trailer, int xrefOffset, boolean xrefStream) {
        lex.skipSpace();
        if (!lex.peekKeyword("startxref")) {
            throw new Damaged(DamageKind.MISSING_EOF, lex.position());
        }
        lex.expectKeyword("startxref");
        long startxref;
        try {
            startxref = lex.readInteger();
        } catch (PdfLexer.Malformed m) {
            throw new Damaged(DamageKind.MISSING_EOF, lex.position());
        }
        int eof = eof(lex.position());
        int end = eof;
        while (end < pdf.length && end < eof + 2 && (pdf[end] == '\r' || pdf[end] == '\n')) {
            end++;
        }
        List<Anomaly> anomalies = new ArrayList<>();
        if (skipWhitespace(pdf, startxref) != xrefOffset) {
            anomalies.add(new Anomaly(Problem.BROKEN_CHAIN, 0, startxref));
        }
        Object prev = trailer.get("Prev");
        if (!(prev instanceof Long p) || skipWhitespace(pdf, p) != skipWhitespace(pdf, previousXref)) {
            anomalies.add(new Anomaly(Problem.BROKEN_CHAIN, 0, prev instanceof Long p ? p : -1));
        }
        if (trailer.get("XRefStm") != null) {
            // A hybrid file's second section: its stream must be one of this update's objects.
            Object at = trailer.get("XRefStm");
            Obj stream = objects.stream().filter(o -> at instanceof Long l && o.offset() == skipWhitespace(pdf, l)).findFirst().orElse(null);
            if (stream == null || stream.dict() == null || !isXrefStream(stream.dict())) {
                anomalies.add(new Anomaly(Problem.BROKEN_CHAIN, 0, at instanceof Long l ? l : -1));
            } else {
                entries.addAll(XrefStream.entries(stream.dict(), pdf, streamStart(stream), streamEnd(stream)));
            }
        }
        check(pdf, start, objects, entries, anomalies);
        return new Update(start, eof, end, xrefOffset, xrefStream, List.copyOf(entries), trailer, List.copyOf(objects),
                List.copyOf(anomalies));
    }

    /** Every entry lands on its own object inside the update, and every object of the update is listed once. */
    private static void check(byte[] pdf, int start, List<Obj> objects, List<Entry> entries, List<Anomaly> anomalies) {
        Map<Long, Obj> byOffset = new HashMap<>();
        Set<Integer> defined = new HashSet<>();
        for (Obj o : objects) {
            byOffset.put((long) o.offset(), o);
            if (!defined.add(o.number())) {
                anomalies.add(new Anomaly(Problem.DEFINED_TWICE, o.number(), o.offset()));
            }
        }
        Set<Integer> listed = new HashSet<>();
        Set<Long> listedOffsets = new HashSet<>();
        Set<Integer> streams = new HashSet<>();
        for (Entry e : entries) {
            if (e.number() != 0 && !listed.add(e.number())) {
                anomalies.add(new Anomaly(Problem.DEFINED_TWICE, e.number(), e.offset()));
            }
            if (e.type() != EntryType.IN_USE) {
                continue;
            }
            long at = skipWhitespace(pdf, e.offset());
            listedOffsets.add(at);
            Obj o = byOffset.get(at);
            if (at < start) {
                anomalies.add(new Anomaly(Problem.POINTS_OUTSIDE_UPDATE, e.number(), e.offset()));
            } else if (o == null || o.number() != e.number() || o.generation() != e.generation()) {
                anomalies.add(new Anomaly(Problem.POINTS_AT_OTHER_OBJECT, e.number(), e.offset()));
            } else {
                streams.add(o.number());
            }
        }
        for (Entry e : entries) {
            if (e.type() == EntryType.COMPRESSED && !streams.contains((int) e.offset())) {
                anomalies.add(new Anomaly(Problem.POINTS_OUTSIDE_UPDATE, e.number(), e.offset()));
            }
        }
        for (Obj o : objects) {
            if (!listedOffsets.contains((long) o.offset()) && !(o.dict() != null && isXrefStream(o.dict()))) {
                anomalies.add(new Anomaly(Problem.UNLISTED_OBJECT, o.number(), o.offset()));
            }
        }
    }

    /**
     * Where an offset lands once white space is skipped: some writers point at the end-of-line before an object
     * or section. Only white space is skipped, so an offset can never land on a different object this way.
     */
    static long skipWhitespace(byte[] pdf, long offset) {
        long p = offset;
        while (p >= 0 && p < pdf.length && PdfLexer.whitespace(pdf[(int) p] & 0xff)) {
            p++;
        }
        return p;
    }

    private List<Entry> table(PdfLexer lex) {
        List<Entry> entries = new ArrayList<>();
        while (true) {
            deadline.check();
            lex.skipSpace();
            if (lex.peekKeyword("trailer") || lex.atEnd()) {
                return entries;
            }
            long first;
            long count;
            try {
                first = lex.readInteger();
                count = lex.readInteger();
            } catch (PdfLexer.Malformed m) {
                throw new Damaged(DamageKind.INCOMPLETE_XREF, (int) m.offset);
            }
            if (count > pdf.length / 18 + 1) {
                throw new Damaged(DamageKind.INCOMPLETE_XREF, lex.position());
            }
            for (long n = first; n < first + count; n++) {
                try {
                    long offset = lex.readInteger();
                    long generation = lex.readInteger();
                    Object kind = lex.readObject();
                    if (!(kind instanceof PdfLexer.Keyword k) || !(k.value().equals("n") || k.value().equals("f"))) {
                        throw new Damaged(DamageKind.INCOMPLETE_XREF, lex.position());
                    }
                    entries.add(new Entry((int) n, (int) generation, k.value().equals("n") ? EntryType.IN_USE : EntryType.FREE, offset));
                } catch (PdfLexer.Malformed m) {
                    throw new Damaged(DamageKind.INCOMPLETE_XREF, (int) m.offset);
                }
            }
        }
    }

    private Obj object(PdfLexer lex) {
        int offset = lex.position();
        int number;
        int generation;
        try {
            number = (int) lex.readInteger();
            generation = (int) lex.readInteger();
            lex.expectKeyword("obj");
        } catch (PdfLexer.Malformed m) {
            throw new Damaged(DamageKind.NOT_PDF_SYNTAX, offset);
        }
        Object value;
        try {
            value = lex.readObject();
        } catch (PdfLexer.Malformed m) {
            throw new Damaged(m.getMessage().startsWith("unexpected end") || m.getMessage().startsWith("unterminated")
                    ? DamageKind.INCOMPLETE_OBJECT : DamageKind.NOT_PDF_SYNTAX, offset);
        }
        Map<String, Object> dict = value instanceof Map<?, ?> ? dictionary(value, offset) : null;
        boolean stream = false;
        int dataStart = -1;
        int dataEnd = -1;
        if (dict != null && lex.peekKeyword("stream")) {
            stream = true;
            lex.expectKeyword("stream");
            dataStart = lex.position();
            if (dataStart < pdf.length && pdf[dataStart] == '\r') {
                dataStart++;
            }
            if (dataStart < pdf.length && pdf[dataStart] == '\n') {
                dataStart++;
            }
            dataEnd = streamData(dict, dataStart, offset);
            lex.seek(dataEnd);
            if (!lex.peekKeyword("endstream")) {
                throw new Damaged(DamageKind.INCOMPLETE_OBJECT, offset);
            }
            lex.expectKeyword("endstream");
        }
        if (!lex.peekKeyword("endobj")) {
            throw new Damaged(lex.atEnd() ? DamageKind.INCOMPLETE_OBJECT : DamageKind.NOT_PDF_SYNTAX, offset);
        }
        lex.expectKeyword("endobj");
        if (stream) {
            dict = new java.util.LinkedHashMap<>(dict);
            dict.put(" data", new int[] {dataStart, dataEnd});
        }
        return new Obj(number, generation, offset, lex.position(), stream, dict);
    }

    /** Where a stream's data ends: by its direct /Length, else at the first {@code endstream}. */
    private int streamData(Map<String, Object> dict, int dataStart, int objectOffset) {
        if (dict.get("Length") instanceof Long length && length >= 0 && dataStart + length <= pdf.length) {
            int end = (int) (dataStart + length);
            PdfLexer probe = new PdfLexer(pdf, end, pdf.length);
            if (probe.peekKeyword("endstream")) {
                return end;
            }
        }
        int found = indexOf("endstream", dataStart);
        if (found < 0) {
            throw new Damaged(DamageKind.INCOMPLETE_OBJECT, objectOffset);
        }
        int end = found;
        if (end > dataStart && pdf[end - 1] == '\n') {
            end--;
        }
        if (end > dataStart && pdf[end - 1] == '\r') {
            end--;
        }
        return end;
    }

    private static int streamStart(Obj o) {
        return ((int[]) o.dict().get(" data"))[0];
    }

    private static int streamEnd(Obj o) {
        return ((int[]) o.dict().get(" data"))[1];
    }

    static boolean isXrefStream(Map<String, Object> dict) {
        return dict.get("Type") instanceof PdfLexer.Name n && n.value().equals("XRef");
    }

    /** Where {@code %%EOF} ends, right after {@code startxref N}; throws when it is not there. */
    private int eof(int position) {
        int p = position;
        while (p < pdf.length && PdfLexer.whitespace(pdf[p] & 0xff)) {
            p++;
        }
        String marker = "%%EOF";
        if (p + marker.length() > pdf.length) {
            throw new Damaged(DamageKind.MISSING_EOF, p);
        }
        for (int i = 0; i < marker.length(); i++) {
            if (pdf[p + i] != marker.charAt(i)) {
                throw new Damaged(DamageKind.MISSING_EOF, p);
            }
        }
        return p + marker.length();
    }

    private int lastStartxrefBefore(int from) {
        int at = lastIndexOf("startxref", from);
        if (at < 0) {
            return -1;
        }
        PdfLexer lex = new PdfLexer(pdf, at + "startxref".length(), from);
        try {
            return (int) lex.readInteger();
        } catch (PdfLexer.Malformed m) {
            return -1;
        }
    }

    private int indexOf(String word, int from) {
        byte first = (byte) word.charAt(0);
        outer:
        for (int i = from; i <= pdf.length - word.length(); i++) {
            if (pdf[i] != first) {
                continue;
            }
            for (int j = 1; j < word.length(); j++) {
                if (pdf[i + j] != word.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private int lastIndexOf(String word, int before) {
        outer:
        for (int i = Math.min(before, pdf.length) - word.length(); i >= 0; i--) {
            for (int j = 0; j < word.length(); j++) {
                if (pdf[i + j] != word.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Map<String, Object> dictionary(Object value, int offset) {
        if (value instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> dict = (Map<String, Object>) m;
            return dict;
        }
        throw new PdfLexer.Malformed("expected a dictionary", offset);
    }
}
