package org.accord.verify;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of PDF syntax over a byte array (ISO 32000-1, 7.2–7.3), for the parts of a file Accord reads
 * itself: cross-reference sections, trailers, and the objects of incremental updates. It repairs nothing: what
 * does not parse is reported with its offset. Values are plain Java: {@link Long}, {@link Double},
 * {@link Name}, {@link PdfString}, {@link Ref}, {@link List}, {@link Map} (keys without the slash),
 * {@link Boolean}, {@link #NULL}, and {@link Keyword} for bare words such as {@code obj} or {@code R}.
 */
final class PdfLexer {

    /** How deeply arrays and dictionaries may nest. */
    static final int MAX_DEPTH = 64;

    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    record Name(String value) {
    }

    record Keyword(String value) {
    }

    record Ref(int number, int generation) {
    }

    record PdfString(byte[] bytes) {
    }

    /** Input that is not PDF syntax, at {@code offset}. */
    static final class Malformed extends RuntimeException {
        final long offset;

        Malformed(String message, long offset) {
            super(message + " at byte " + offset);
            this.offset = offset;
        }
    }

    private final byte[] data;
    private final int end;
    private int pos;

    PdfLexer(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    int position() {
        return pos;
    }

    void seek(int position) {
        pos = position;
    }

    boolean atEnd() {
        return pos >= end;
    }

    static boolean whitespace(int b) {
        return b == 0 || b == 9 || b == 10 || b == 12 || b == 13 || b == 32;
    }

    static boolean delimiter(int b) {
        return b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']' || b == '{' || b == '}'
                || b == '/' || b == '%';
    }

    /** Skips white space and comments; {@code %%EOF} counts as a comment here too. */
    void skipSpace() {
        while (pos < end) {
            int b = data[pos] & 0xff;
            if (whitespace(b)) {
                pos++;
            } else if (b == '%') {
                while (pos < end && data[pos] != '\n' && data[pos] != '\r') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** Whether the bytes at the current position (after white space) are {@code word}, followed by a delimiter. */
    boolean peekKeyword(String word) {
        skipSpace();
        if (pos + word.length() > end) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (data[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        int after = pos + word.length();
        return after >= end || whitespace(data[after] & 0xff) || delimiter(data[after] & 0xff);
    }

    void expectKeyword(String word) {
        if (!peekKeyword(word)) {
            throw new Malformed("expected '" + word + "'", pos);
        }
        pos += word.length();
    }

    /** Reads a non-negative integer, or throws. */
    long readInteger() {
        skipSpace();
        int start = pos;
        long value = 0;
        while (pos < end && data[pos] >= '0' && data[pos] <= '9') {
            value = value * 10 + (data[pos] - '0');
            if (value > Integer.MAX_VALUE * 64L) {
                throw new Malformed("number too large", start);
            }
            pos++;
        }
        if (pos == start) {
            throw new Malformed("expected an integer", start);
        }
        return value;
    }

    /** The next object, references ({@code n g R}) resolved syntactically. */
    Object readObject() {
        return readObject(0);
    }

    private Object readObject(int depth) {
        if (depth > MAX_DEPTH) {
            throw new Malformed("arrays and dictionaries nested more than " + MAX_DEPTH + " deep", pos);
        }
        skipSpace();
        if (pos >= end) {
            throw new Malformed("unexpected end of data", pos);
        }
        int b = data[pos] & 0xff;
        switch (b) {
            case '/':
                return readName();
            case '(':
                return readLiteralString();
            case '[':
                return readArray(depth);
            case '<':
                if (pos + 1 < end && data[pos + 1] == '<') {
                    return readDictionary(depth);
                }
                return readHexString();
            default:
                break;
        }
        if ((b >= '0' && b <= '9') || b == '+' || b == '-' || b == '.') {
            int start = pos;
            Object number = readNumber();
            if (number instanceof Long first && first >= 0) {
                int afterFirst = pos;
                skipSpace();
                if (pos < end && data[pos] >= '0' && data[pos] <= '9') {
                    long second = readInteger();
                    if (peekKeyword("R")) {
                        pos++;
                        return new Ref((int) Math.min(first, Integer.MAX_VALUE), (int) Math.min(second, Integer.MAX_VALUE));
                    }
                }
                pos = afterFirst;
                return first;
            }
            if (pos == start) {
                throw new Malformed("unexpected byte", start);
            }
            return number;
        }
        if (delimiter(b)) {
            throw new Malformed("unexpected '" + (char) b + "'", pos);
        }
        String word = readWord();
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> NULL;
            default -> new Keyword(word);
        };
    }

    private String readWord() {
        int start = pos;
        while (pos < end && !whitespace(data[pos] & 0xff) && !delimiter(data[pos] & 0xff)) {
            pos++;
        }
        if (pos == start) {
            throw new Malformed("expected a keyword", start);
        }
        return new String(data, start, pos - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private Object readNumber() {
        int start = pos;
        if (data[pos] == '+' || data[pos] == '-') {
            pos++;
        }
        boolean dot = false;
        while (pos < end && ((data[pos] >= '0' && data[pos] <= '9') || (data[pos] == '.' && !dot))) {
            dot |= data[pos] == '.';
            pos++;
        }
        String text = new String(data, start, pos - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            if (!dot) {
                return Long.parseLong(text);
            }
            return Double.parseDouble(text.endsWith(".") ? text + "0" : text);
        } catch (NumberFormatException e) {
            throw new Malformed("not a number: " + text, start);
        }
    }

    private Name readName() {
        pos++;
        StringBuilder name = new StringBuilder();
        while (pos < end && !whitespace(data[pos] & 0xff) && !delimiter(data[pos] & 0xff)) {
            int c = data[pos] & 0xff;
            if (c == '#' && pos + 2 < end && hex(data[pos + 1]) >= 0 && hex(data[pos + 2]) >= 0) {
                c = hex(data[pos + 1]) * 16 + hex(data[pos + 2]);
                pos += 2;
            }
            name.append((char) c);
            pos++;
        }
        return new Name(name.toString());
    }

    private PdfString readLiteralString() {
        int start = pos++;
        int nesting = 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (pos < end) {
            int c = data[pos++] & 0xff;
            if (c == '\\') {
                if (pos >= end) {
                    break;
                }
                int e = data[pos++] & 0xff;
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case 'b' -> out.write('\b');
                    case 'f' -> out.write('\f');
                    case '\r' -> {
                        if (pos < end && data[pos] == '\n') {
                            pos++;
                        }
                    }
                    case '\n' -> {
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int v = e - '0';
                            for (int i = 0; i < 2 && pos < end && data[pos] >= '0' && data[pos] <= '7'; i++) {
                                v = v * 8 + (data[pos++] - '0');
                            }
                            out.write(v & 0xff);
                        } else {
                            out.write(e);
                        }
                    }
                }
            } else if (c == '(') {
                nesting++;
                out.write(c);
            } else if (c == ')') {
                if (--nesting == 0) {
                    return new PdfString(out.toByteArray());
                }
                out.write(c);
            } else {
                out.write(c);
            }
        }
        throw new Malformed("unterminated string", start);
    }

    private PdfString readHexString() {
        int start = pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int high = -1;
        while (pos < end) {
            int c = data[pos++] & 0xff;
            if (c == '>') {
                if (high >= 0) {
                    out.write(high << 4);
                }
                return new PdfString(out.toByteArray());
            }
            if (whitespace(c)) {
                continue;
            }
            int v = hex((byte) c);
            if (v < 0) {
                throw new Malformed("not a hexadecimal digit in a string", pos - 1);
            }
            if (high < 0) {
                high = v;
            } else {
                out.write((high << 4) | v);
                high = -1;
            }
        }
        throw new Malformed("unterminated hexadecimal string", start);
    }

    private List<Object> readArray(int depth) {
        int start = pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= end) {
                throw new Malformed("unterminated array", start);
            }
            if (data[pos] == ']') {
                pos++;
                return items;
            }
            items.add(readObject(depth + 1));
        }
    }

    private Map<String, Object> readDictionary(int depth) {
        int start = pos;
        pos += 2;
        Map<String, Object> entries = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (pos + 1 < end && data[pos] == '>' && data[pos + 1] == '>') {
                pos += 2;
                return entries;
            }
            if (pos >= end) {
                throw new Malformed("unterminated dictionary", start);
            }
            if (data[pos] != '/') {
                throw new Malformed("a dictionary key must be a name", pos);
            }
            String key = readName().value();
            Object value = readObject(depth + 1);
            if (entries.put(key, value) != null) {
                throw new Malformed("key /" + key + " appears twice in one dictionary", start);
            }
        }
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
