package org.accord.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The limits a file must keep before any PDF library loads it, read from its bytes in one pass: size, header,
 * how many objects its cross-reference sections declare (and how many object headers its bytes hold), and how
 * deeply its arrays and dictionaries nest.
 */
final class Prescan {

    /** Arrays and dictionaries nested deeper than this are refused (real documents stay far below). */
    static final int MAX_NESTING = 128;
    /** No page image of a treaty comes near this many pixels (a 600 dpi A3 scan has 70 million). */
    static final long MAX_IMAGE_PIXELS = 200_000_000L;
    /** What one FlateDecode stream, and all of them together, may expand to. */
    static final long MAX_STREAM_BYTES = 256L << 20;
    static final long MAX_DECODED_BYTES = 1L << 30;
    private static final int MAX_SECTIONS = 10_000;

    private Prescan() {
    }

    /** Throws {@link UnusableInputException} when {@code pdf} is over a limit or not a PDF. */
    static void check(byte[] pdf, Limits limits, Deadline deadline) {
        if (pdf.length > limits.maxBytes()) {
            throw new UnusableInputException(Finding.of(Finding.Code.TOO_LARGE, "bytes", (long) pdf.length, "max", limits.maxBytes()));
        }
        if (!header(pdf)) {
            throw new UnusableInputException(Finding.of(Finding.Code.NOT_A_PDF));
        }
        long objects = Math.max(declaredObjects(pdf, deadline), scan(pdf, deadline));
        if (objects > limits.maxObjects()) {
            throw new UnusableInputException(Finding.of(Finding.Code.TOO_MANY_OBJECTS, "objects", objects, "max", (long) limits.maxObjects()));
        }
    }

    private static boolean header(byte[] pdf) {
        byte[] magic = {'%', 'P', 'D', 'F', '-'};
        outer:
        for (int i = 0; i + magic.length <= Math.min(pdf.length, 1024); i++) {
            for (int j = 0; j < magic.length; j++) {
                if (pdf[i + j] != magic[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Object headers ({@code n g obj}) in the bytes outside streams and strings, and the nesting depth; throws
     * when the nesting is too deep.
     */
    private static long scan(byte[] pdf, Deadline deadline) {
        long objects = 0;
        int depth = 0;
        int dictStart = -1;
        long[] decoded = {0};
        int i = 0;
        int n = pdf.length;
        while (i < n) {
            if ((i & 0xfffff) == 0) {
                deadline.check();
            }
            byte b = pdf[i];
            switch (b) {
                case '(' -> i = skipString(pdf, i);
                case '%' -> {
                    while (i < n && pdf[i] != '\n' && pdf[i] != '\r') {
                        i++;
                    }
                }
                case '[' -> {
                    depth++;
                    i++;
                }
                case ']' -> {
                    depth = Math.max(0, depth - 1);
                    i++;
                }
                case '<' -> {
                    if (i + 1 < n && pdf[i + 1] == '<') {
                        if (depth == 0) {
                            dictStart = i;
                        }
                        depth++;
                        i += 2;
                    } else {
                        while (i < n && pdf[i] != '>') {
                            i++;
                        }
                        i++;
                    }
                }
                case '>' -> {
                    if (i + 1 < n && pdf[i + 1] == '>') {
                        depth = Math.max(0, depth - 1);
                        i += 2;
                    } else {
                        i++;
                    }
                }
                case 's' -> i = word(pdf, i, "stream") ? stream(pdf, dictStart, i, decoded, deadline) : i + 1;
                case 'o' -> {
                    if (word(pdf, i, "obj") && objectHeader(pdf, i)) {
                        objects++;
                        depth = 0;
                    }
                    i++;
                }
                default -> i++;
            }
            if (depth > MAX_NESTING) {
                throw new UnusableInputException(Finding.of(Finding.Code.NESTING_TOO_DEEP, "max", (long) MAX_NESTING));
            }
        }
        return objects;
    }

    private static int skipString(byte[] pdf, int i) {
        int nesting = 0;
        for (int p = i; p < pdf.length; p++) {
            byte c = pdf[p];
            if (c == '\\') {
                p++;
            } else if (c == '(') {
                nesting++;
            } else if (c == ')' && --nesting == 0) {
                return p + 1;
            }
        }
        return pdf.length;
    }

    /**
     * Checks one stream: an image may not have more than {@link #MAX_IMAGE_PIXELS} pixels, and FlateDecode data may
     * not expand beyond {@link #MAX_STREAM_BYTES} (nor all of it beyond {@link #MAX_DECODED_BYTES}): decompression
     * bombs are refused before any library decodes them. Returns where the stream ends.
     */
    private static int stream(byte[] pdf, int dictStart, int keyword, long[] decoded, Deadline deadline) {
        int end = skipStream(pdf, keyword);
        if (dictStart < 0) {
            return end;
        }
        Map<String, Object> dict;
        try {
            dict = map(new PdfLexer(pdf, dictStart, keyword).readObject());
        } catch (PdfLexer.Malformed | ClassCastException e) {
            return end;
        }
        long pixels = (dict.get("Width") instanceof Long w ? w : 0) * (dict.get("Height") instanceof Long h ? h : 0);
        if (pixels > MAX_IMAGE_PIXELS) {
            throw new UnusableInputException(Finding.of(Finding.Code.RESOURCE_BOMB, "what", "image", "max", MAX_IMAGE_PIXELS));
        }
        Object filter = dict.get("Filter");
        if (filter instanceof List<?> filters && !filters.isEmpty()) {
            filter = filters.get(0);
        }
        if (!(filter instanceof PdfLexer.Name name) || !name.value().equals("FlateDecode")) {
            return end;
        }
        int dataStart = keyword + "stream".length();
        if (dataStart < pdf.length && pdf[dataStart] == '\r') {
            dataStart++;
        }
        if (dataStart < pdf.length && pdf[dataStart] == '\n') {
            dataStart++;
        }
        int dataEnd = Math.max(dataStart, end - "endstream".length());
        long size = inflatedSize(pdf, dataStart, dataEnd, deadline);
        decoded[0] += size;
        if (size > MAX_STREAM_BYTES || decoded[0] > MAX_DECODED_BYTES) {
            throw new UnusableInputException(Finding.of(Finding.Code.RESOURCE_BOMB, "what", "stream", "max", MAX_STREAM_BYTES));
        }
        return end;
    }

    /** How many bytes FlateDecode data expands to, counted without keeping them (stops past the limit). */
    private static long inflatedSize(byte[] pdf, int from, int to, Deadline deadline) {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(pdf, from, to - from);
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            while (!inflater.finished() && total <= MAX_STREAM_BYTES) {
                int got = inflater.inflate(buffer);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                total += got;
                if ((total & 0xffffff) < got) {
                    deadline.check();
                }
            }
            return total;
        } catch (java.util.zip.DataFormatException e) {
            return 0;
        } finally {
            inflater.end();
        }
    }

    private static int skipStream(byte[] pdf, int i) {
        int from = i + "stream".length();
        byte[] end = "endstream".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int p = from; p + end.length <= pdf.length; p++) {
            for (int j = 0; j < end.length; j++) {
                if (pdf[p + j] != end[j]) {
                    continue outer;
                }
            }
            return p + end.length;
        }
        return pdf.length;
    }

    /** {@code word} at {@code i}, standing alone (not part of a longer keyword such as {@code endstream}). */
    private static boolean word(byte[] pdf, int i, String word) {
        if (i + word.length() > pdf.length || (i > 0 && Character.isLetter(pdf[i - 1]))) {
            return false;
        }
        for (int j = 0; j < word.length(); j++) {
            if (pdf[i + j] != word.charAt(j)) {
                return false;
            }
        }
        int after = i + word.length();
        return after >= pdf.length || !Character.isLetterOrDigit(pdf[after]);
    }

    /** Whether {@code obj} at {@code i} follows {@code <digits> <digits> }. */
    private static boolean objectHeader(byte[] pdf, int i) {
        int p = i - 1;
        for (int part = 0; part < 2; part++) {
            int spaces = 0;
            while (p >= 0 && PdfLexer.whitespace(pdf[p] & 0xff)) {
                p--;
                spaces++;
            }
            int digits = 0;
            while (p >= 0 && pdf[p] >= '0' && pdf[p] <= '9') {
                p--;
                digits++;
            }
            if (spaces == 0 || digits == 0) {
                return false;
            }
        }
        return true;
    }

    /** The most objects the cross-reference sections declare (their /Size and entry counts); 0 when they cannot be read. */
    private static long declaredObjects(byte[] pdf, Deadline deadline) {
        long most = 0;
        int start = lastStartxref(pdf);
        Set<Long> seen = new HashSet<>();
        long offset = start;
        for (int sections = 0; offset >= 0 && offset < pdf.length && seen.add(offset) && sections < MAX_SECTIONS; sections++) {
            deadline.check();
            try {
                PdfLexer lex = new PdfLexer(pdf, (int) Updates.skipWhitespace(pdf, offset), pdf.length);
                Map<String, Object> trailer;
                long entries = 0;
                if (lex.peekKeyword("xref")) {
                    lex.expectKeyword("xref");
                    while (!lex.peekKeyword("trailer")) {
                        long first = lex.readInteger();
                        long count = lex.readInteger();
                        entries += count;
                        if (first + count > Integer.MAX_VALUE || count > pdf.length / 18 + 1) {
                            return Long.MAX_VALUE / 2;
                        }
                        for (long e = 0; e < count; e++) {
                            lex.readInteger();
                            lex.readInteger();
                            lex.readObject();
                        }
                    }
                    lex.expectKeyword("trailer");
                    trailer = map(lex.readObject());
                } else {
                    lex.readInteger();
                    lex.readInteger();
                    lex.expectKeyword("obj");
                    trailer = map(lex.readObject());
                    if (trailer.get("Index") instanceof List<?> index) {
                        for (int k = 1; k < index.size(); k += 2) {
                            entries += index.get(k) instanceof Long l ? l : 0;
                        }
                    }
                }
                long size = trailer.get("Size") instanceof Long l ? l : 0;
                most = Math.max(most, Math.max(size, entries));
                Object hybrid = trailer.get("XRefStm");
                if (hybrid instanceof Long h && seen.add(h)) {
                    most = Math.max(most, declaredObjectsAt(pdf, h));
                }
                offset = trailer.get("Prev") instanceof Long p ? p : -1;
            } catch (PdfLexer.Malformed | ClassCastException e) {
                return most;
            }
        }
        return most;
    }

    private static long declaredObjectsAt(byte[] pdf, long offset) {
        try {
            PdfLexer lex = new PdfLexer(pdf, (int) Updates.skipWhitespace(pdf, offset), pdf.length);
            lex.readInteger();
            lex.readInteger();
            lex.expectKeyword("obj");
            Map<String, Object> dict = map(lex.readObject());
            return dict.get("Size") instanceof Long l ? l : 0;
        } catch (PdfLexer.Malformed | ClassCastException e) {
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new ClassCastException("not a dictionary");
    }

    private static int lastStartxref(byte[] pdf) {
        byte[] word = "startxref".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int i = pdf.length - word.length; i >= Math.max(0, pdf.length - 4096); i--) {
            for (int j = 0; j < word.length; j++) {
                if (pdf[i + j] != word[j]) {
                    continue outer;
                }
            }
            try {
                return (int) new PdfLexer(pdf, i + word.length, pdf.length).readInteger();
            } catch (PdfLexer.Malformed e) {
                return -1;
            }
        }
        return -1;
    }
}
