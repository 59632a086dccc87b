package org.accord.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Hostile uploads, written byte by byte: resource bombs and structures built to make a validator work without
 * end, alone or appended after a genuine signature as an incremental update.
 */
public final class Hostile {

    private Hostile() {
    }

    /** A one-page PDF whose page holds arrays nested {@code depth} deep. */
    public static byte[] deepNesting(int depth) {
        return single(List.of(catalog(), pages(List.of(3)), "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Deep "
                + "[".repeat(depth) + "]".repeat(depth) + " >>"));
    }

    /** A PDF with {@code count} objects besides its one page. */
    public static byte[] manyObjects(int count) {
        List<String> objects = new ArrayList<>(List.of(catalog(), pages(List.of(3)), "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"));
        for (int i = 0; i < count; i++) {
            objects.add("<< /N " + i + " >>");
        }
        return single(objects);
    }

    /** A PDF of {@code count} empty pages. */
    public static byte[] manyPages(int count) {
        List<Integer> kids = new ArrayList<>();
        List<String> objects = new ArrayList<>(List.of(catalog(), ""));
        for (int i = 0; i < count; i++) {
            kids.add(i + 3);
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        }
        objects.set(1, pages(kids));
        return single(objects);
    }

    /** {@code signed} with {@code count} pages appended in an incremental update. */
    public static byte[] appendPages(byte[] signed, int count) {
        Increment d = Increment.of(signed);
        TreeMap<Integer, String> objects = new TreeMap<>();
        StringBuilder kids = new StringBuilder(d.pagesKids());
        for (int i = 0; i < count; i++) {
            int n = d.size() + i;
            objects.put(n, "<< /Type /Page /Parent " + d.pagesRoot() + " 0 R /MediaBox [0 0 612 792] >>");
            kids.append(' ').append(n).append(" 0 R");
        }
        objects.put(d.pagesRoot(), "<< /Type /Pages /Kids [" + kids + "] /Count " + (d.pageCount() + count) + " >>");
        return d.update(objects, List.of());
    }

    /** {@code signed} whose first page gets, after signing, a content stream of two million path operations. */
    public static byte[] heavyContent(byte[] signed) {
        Increment d = Increment.of(signed);
        StringBuilder ops = new StringBuilder();
        for (int i = 0; i < 2_000_000; i++) {
            ops.append(i % 500).append(' ').append(i % 700).append(" m 3 4 l S\n");
        }
        TreeMap<Integer, String> objects = new TreeMap<>();
        objects.put(d.size(), "<< /Filter /FlateDecode /Length %LEN0% >>\nstream\n%BIN0%\nendstream");
        objects.put(d.page1(), "<< /Type /Page /Parent " + d.pagesRoot() + " 0 R /MediaBox [0 0 595 842] /Contents " + d.size() + " 0 R >>");
        return d.update(objects, List.of(deflate(ops.toString().getBytes(StandardCharsets.ISO_8859_1))));
    }

    /** {@code signed} whose first page gets, after signing, an image of 30 000 × 30 000 pixels. */
    public static byte[] imageBomb(byte[] signed) {
        Increment d = Increment.of(signed);
        TreeMap<Integer, String> objects = new TreeMap<>();
        objects.put(d.size(), "<< /Type /XObject /Subtype /Image /Width 30000 /Height 30000 /ColorSpace /DeviceRGB "
                + "/BitsPerComponent 8 /Filter /FlateDecode /Length %LEN0% >>\nstream\n%BIN0%\nendstream");
        objects.put(d.size() + 1, "<< /Length 30 >>\nstream\nq 500 0 0 700 0 0 cm /I Do Q\nendstream");
        objects.put(d.page1(), "<< /Type /Page /Parent " + d.pagesRoot() + " 0 R /MediaBox [0 0 595 842] /Contents " + (d.size() + 1)
                + " 0 R /Resources << /XObject << /I " + d.size() + " 0 R >> >> >>");
        return d.update(objects, List.of(deflate(new byte[1 << 20])));
    }

    /** {@code signed} with a stream of a few kilobytes that expands to 300 MiB, appended as "validation data". */
    public static byte[] flateBomb(byte[] signed) {
        Increment d = Increment.of(signed);
        TreeMap<Integer, String> objects = new TreeMap<>();
        objects.put(d.size(), "<< /Filter /FlateDecode /Length %LEN0% >>\nstream\n%BIN0%\nendstream");
        return d.update(objects, List.of(zeros(300)));
    }

    /** {@code signed} with an update whose one object nests arrays {@code depth} deep. */
    public static byte[] deepNestingAfter(byte[] signed, int depth) {
        Increment d = Increment.of(signed);
        TreeMap<Integer, String> objects = new TreeMap<>();
        objects.put(d.size(), "[".repeat(depth) + "]".repeat(depth));
        return d.update(objects, List.of());
    }

    private static byte[] zeros(int mib) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9))) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < mib; i++) {
                z.write(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9))) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String catalog() {
        return "<< /Type /Catalog /Pages 2 0 R >>";
    }

    private static String pages(List<Integer> kids) {
        StringBuilder k = new StringBuilder();
        kids.forEach(n -> k.append(n).append(" 0 R "));
        return "<< /Type /Pages /Kids [" + k + "] /Count " + kids.size() + " >>";
    }

    /** A whole PDF of objects 1… with a classic cross-reference table. */
    private static byte[] single(List<String> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.7\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder t = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f\r\n");
        offsets.forEach(o -> t.append(String.format("%010d 00000 n\r\n", o)));
        t.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, t.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

}
