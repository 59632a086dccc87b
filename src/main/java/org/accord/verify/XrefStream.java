package org.accord.verify;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The entries of a cross-reference stream (ISO 32000-1, 7.5.8): FlateDecode with or without a PNG or TIFF
 * predictor, the only encodings cross-reference streams use in practice. Anything else is refused.
 */
final class XrefStream {

    /** Decoded bytes may be at most this many times the encoded ones (and never more than 64 MiB). */
    private static final int MAX_EXPANSION = 200;

    private XrefStream() {
    }

    static List<Updates.Entry> entries(Map<String, Object> dict, byte[] pdf, int dataStart, int dataEnd) {
        byte[] raw = java.util.Arrays.copyOfRange(pdf, dataStart, dataEnd);
        byte[] data = decode(dict, raw, dataStart);
        List<?> w = list(dict.get("W"), "W", dataStart);
        if (w.size() != 3) {
            throw new PdfLexer.Malformed("a cross-reference stream's /W must have three widths", dataStart);
        }
        int[] widths = new int[3];
        for (int i = 0; i < 3; i++) {
            widths[i] = (int) number(w.get(i), "W", dataStart);
            if (widths[i] < 0 || widths[i] > 8) {
                throw new PdfLexer.Malformed("a cross-reference stream's /W width is out of range", dataStart);
            }
        }
        int row = widths[0] + widths[1] + widths[2];
        List<?> index = dict.containsKey("Index") ? list(dict.get("Index"), "Index", dataStart)
                : List.of(0L, dict.getOrDefault("Size", 0L));
        if (index.size() % 2 != 0 || row == 0) {
            throw new PdfLexer.Malformed("a cross-reference stream's /Index or /W is malformed", dataStart);
        }
        List<Updates.Entry> entries = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < index.size(); i += 2) {
            long first = number(index.get(i), "Index", dataStart);
            long count = number(index.get(i + 1), "Index", dataStart);
            if (first < 0 || count < 0 || (long) at + count * row > data.length) {
                throw new PdfLexer.Malformed("a cross-reference stream has fewer entries than its /Index says", dataStart);
            }
            for (long n = first; n < first + count; n++) {
                long type = widths[0] == 0 ? 1 : field(data, at, widths[0]);
                long second = field(data, at + widths[0], widths[1]);
                long third = field(data, at + widths[0] + widths[1], widths[2]);
                at += row;
                if (n > Integer.MAX_VALUE) {
                    throw new PdfLexer.Malformed("object number too large", dataStart);
                }
                switch ((int) type) {
                    case 0 -> entries.add(new Updates.Entry((int) n, (int) third, Updates.EntryType.FREE, second));
                    case 1 -> entries.add(new Updates.Entry((int) n, (int) third, Updates.EntryType.IN_USE, second));
                    case 2 -> entries.add(new Updates.Entry((int) n, 0, Updates.EntryType.COMPRESSED, second));
                    default -> {
                        // ISO 32000-1 7.5.8.3: other types are to be ignored (a reference to them is null).
                    }
                }
            }
        }
        return entries;
    }

    private static byte[] decode(Map<String, Object> dict, byte[] raw, int offset) {
        Object filter = dict.get("Filter");
        if (filter instanceof List<?> filters && filters.size() == 1) {
            filter = filters.get(0);
        }
        if (filter == null || (filter instanceof List<?> empty && empty.isEmpty())) {
            return raw;
        }
        if (!(filter instanceof PdfLexer.Name name) || !"FlateDecode".equals(name.value())) {
            throw new PdfLexer.Malformed("a cross-reference stream encoded with " + filter + " is not read", offset);
        }
        byte[] inflated = inflate(raw, offset);
        Object parms = dict.get("DecodeParms");
        if (parms instanceof List<?> list && list.size() == 1) {
            parms = list.get(0);
        }
        if (!(parms instanceof Map<?, ?> p)) {
            return inflated;
        }
        long predictor = p.get("Predictor") instanceof Long l ? l : 1;
        long columns = p.get("Columns") instanceof Long l ? l : 1;
        if (predictor == 1) {
            return inflated;
        }
        if (columns < 1 || columns > 64) {
            throw new PdfLexer.Malformed("a cross-reference stream's predictor /Columns is out of range", offset);
        }
        if (predictor == 2) {
            return tiff(inflated, (int) columns);
        }
        if (predictor >= 10 && predictor <= 15) {
            return png(inflated, (int) columns, offset);
        }
        throw new PdfLexer.Malformed("unknown predictor " + predictor + " in a cross-reference stream", offset);
    }

    private static byte[] inflate(byte[] raw, int offset) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
            byte[] buffer = new byte[8192];
            long limit = Math.min(64L << 20, (long) raw.length * MAX_EXPANSION + 8192);
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    throw new PdfLexer.Malformed("a cross-reference stream expands beyond any plausible size", offset);
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new PdfLexer.Malformed("a cross-reference stream is not valid FlateDecode data", offset);
        } finally {
            inflater.end();
        }
    }

    /** PNG predictors: each row starts with its filter type (ISO 32000-1, 7.4.4.4; RFC 2083, 6). */
    private static byte[] png(byte[] data, int columns, int offset) {
        int stride = columns + 1;
        int rows = data.length / stride;
        byte[] out = new byte[rows * columns];
        byte[] previous = new byte[columns];
        for (int r = 0; r < rows; r++) {
            int type = data[r * stride] & 0xff;
            for (int c = 0; c < columns; c++) {
                int x = data[r * stride + 1 + c] & 0xff;
                int left = c > 0 ? out[r * columns + c - 1] & 0xff : 0;
                int up = previous[c] & 0xff;
                int upLeft = c > 0 ? previous[c - 1] & 0xff : 0;
                int value = switch (type) {
                    case 0 -> x;
                    case 1 -> x + left;
                    case 2 -> x + up;
                    case 3 -> x + (left + up) / 2;
                    case 4 -> x + paeth(left, up, upLeft);
                    default -> throw new PdfLexer.Malformed("unknown PNG filter " + type + " in a cross-reference stream", offset);
                };
                out[r * columns + c] = (byte) value;
            }
            System.arraycopy(out, r * columns, previous, 0, columns);
        }
        return out;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] tiff(byte[] data, int columns) {
        byte[] out = data.clone();
        for (int i = 0; i < out.length; i++) {
            if (i % columns != 0) {
                out[i] = (byte) (out[i] + out[i - 1]);
            }
        }
        return out;
    }

    private static long field(byte[] data, int at, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (data[at + i] & 0xff);
        }
        return v;
    }

    private static List<?> list(Object value, String key, int offset) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new PdfLexer.Malformed("a cross-reference stream's /" + key + " must be an array", offset);
    }

    private static long number(Object value, String key, int offset) {
        if (value instanceof Long l) {
            return l;
        }
        throw new PdfLexer.Malformed("a cross-reference stream's /" + key + " must hold integers", offset);
    }
}
