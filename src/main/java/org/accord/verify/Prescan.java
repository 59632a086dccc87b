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
                case 's' -> i = word(pdf, i, "stream") ? skipStream(pdf, i) : i + 1;
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
