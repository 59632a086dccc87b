package org.accord.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;

/** The ways a signed original is forged in tests: each returns new bytes, the input is left alone. */
public final class Tamper {

    private Tamper() {
    }

    /** An incremental update that paints over part of page 1. */
    public static byte[] paintOverPage(byte[] signed) throws IOException {
        return update(signed, doc -> {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.setNonStrokingColor(java.awt.Color.WHITE);
                cs.addRect(50, 400, 500, 200);
                cs.fill();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
        });
    }

    /** An incremental update that lays an opaque annotation over the text of page 1. */
    public static byte[] annotationOverText(byte[] signed) throws IOException {
        return update(signed, doc -> {
            PDPage page = doc.getPage(0);
            PDAnnotationSquare square = new PDAnnotationSquare();
            square.setRectangle(new PDRectangle(60, 300, 470, 300));
            square.setInteriorColor(new org.apache.pdfbox.pdmodel.graphics.color.PDColor(new float[] {1, 1, 1},
                    org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB.INSTANCE));
            square.setPrinted(true);
            square.constructAppearances(doc);
            page.getAnnotations().add(square);
            page.getCOSObject().setNeedToBeUpdated(true);
        });
    }

    /** An incremental update that appends a page. */
    public static byte[] appendPage(byte[] signed) throws IOException {
        return update(signed, doc -> {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
    }

    /** One byte changed inside the first signed range (the document's /Producer, in the original revision). */
    public static byte[] flipSignedByte(byte[] signed) {
        byte[] copy = signed.clone();
        int at = new String(copy, StandardCharsets.ISO_8859_1).indexOf("/Producer");
        copy[at + 2] ^= 0x20;
        return copy;
    }

    /** The last signature's value zeroed inside its /Contents. */
    public static byte[] emptySignatureValue(byte[] signed) throws IOException {
        byte[] copy = signed.clone();
        try (PDDocument doc = Loader.loadPDF(signed)) {
            int[] range = doc.getLastSignatureDictionary().getByteRange();
            Arrays.fill(copy, range[1] + 1, range[2] - 1, (byte) '0');
        }
        return copy;
    }

    /** The file cut short in the middle of its last revision. */
    public static byte[] truncate(byte[] signed) {
        return Arrays.copyOf(signed, signed.length - 2000);
    }

    private interface Change {
        void apply(PDDocument doc) throws IOException;
    }

    private static byte[] update(byte[] signed, Change change) throws IOException {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            change.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }
}
