package org.accord.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * An incremental update written by hand after a signed document, the way an attacker writes one: what it needs to
 * know of the document, and the bytes it appends ({@code %LENi%} and {@code %BINi%} in an object's text stand for
 * the length and bytes of the i-th binary stream). Entries may be given offsets of their own ({@code pointing}).
 */
public record Increment(byte[] pdf, int size, int root, int pagesRoot, String pagesKids, int pageCount, int page1, long prevXref) {

    public static Increment of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var cos = doc.getDocument();
            int root = (int) cos.getTrailer().getCOSObject(COSName.ROOT).getKey().getNumber();
            COSObject pages = (COSObject) doc.getDocumentCatalog().getCOSObject().getItem(COSName.PAGES);
            StringBuilder kids = new StringBuilder();
            var array = doc.getPages().getCOSObject().getCOSArray(COSName.KIDS);
            for (int i = 0; i < array.size(); i++) {
                kids.append(((COSObject) array.get(i)).getKey().getNumber()).append(" 0 R ");
            }
            return new Increment(pdf, (int) cos.getTrailer().getLong(COSName.SIZE), root, (int) pages.getKey().getNumber(),
                    kids.toString(), doc.getNumberOfPages(), (int) doc.getPage(0).getCOSObject().getKey().getNumber(), cos.getStartXref());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends {@code objects} as one update with a classic cross-reference table. */
    public byte[] update(TreeMap<Integer, String> objects, List<byte[]> binaries) {
        return update(objects, binaries, Map.of(), List.of());
    }

    /**
     * Appends {@code objects}, and also lists {@code pointing} (object number to an offset of the caller's choice,
     * e.g. in an earlier revision) and {@code freed} object numbers in the same cross-reference section.
     */
    public byte[] update(TreeMap<Integer, String> objects, List<byte[]> binaries, Map<Integer, Long> pointing, List<Integer> freed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pdf);
        TreeMap<Integer, String> entries = new TreeMap<>();
        int size = this.size;
        for (var e : objects.entrySet()) {
            entries.put(e.getKey(), String.format("%010d 00000 n\r\n", out.size()));
            size = Math.max(size, e.getKey() + 1);
            String text = e.getKey() + " 0 obj\n" + e.getValue() + "\nendobj\n";
            for (int i = 0; i < binaries.size(); i++) {
                text = text.replace("%LEN" + i + "%", String.valueOf(binaries.get(i).length));
            }
            int at = text.indexOf("%BIN");
            if (at >= 0) {
                int end = text.indexOf('%', at + 4);
                write(out, text.substring(0, at));
                out.writeBytes(binaries.get(Integer.parseInt(text.substring(at + 4, end))));
                write(out, text.substring(end + 1));
            } else {
                write(out, text);
            }
        }
        pointing.forEach((n, offset) -> entries.put(n, String.format("%010d 00000 n\r\n", offset)));
        freed.forEach(n -> entries.put(n, "0000000000 00001 f\r\n"));
        int xref = out.size();
        StringBuilder t = new StringBuilder("xref\n0 1\n0000000000 65535 f\r\n");
        entries.forEach((n, line) -> t.append(n).append(" 1\n").append(line));
        t.append("trailer\n<< /Size ").append(size).append(" /Root ").append(root).append(" 0 R /Prev ").append(prevXref)
                .append(" >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, t.toString());
        return out.toByteArray();
    }

    /** The offset of object {@code number}'s first definition in the file (the revision-0 one), or -1. */
    public long firstOffset(int number) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![0-9])" + number + " 0 obj").matcher(text);
        return m.find() ? m.start() : -1;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
