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

    /** The last {@code bytes} bytes cut off. */
    public static byte[] cut(byte[] signed, int bytes) {
        return Arrays.copyOf(signed, signed.length - bytes);
    }

    /** The file cut in the middle of the last signature's /Contents (half of its value is gone). */
    public static byte[] cutInsideLastContents(byte[] signed) throws IOException {
        int[] range = lastRange(signed);
        return Arrays.copyOf(signed, (range[1] + range[2]) / 2);
    }

    /** The file cut back to the end of the revision that the first signature covers. */
    public static byte[] cutBackToFirstSignature(byte[] signed) throws IOException {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            int end = Integer.MAX_VALUE;
            for (var sig : doc.getSignatureDictionaries()) {
                int[] r = sig.getByteRange();
                end = Math.min(end, r[2] + r[3]);
            }
            return Arrays.copyOf(signed, end);
        }
    }

    /**
     * The year of the genTime in the last signature's time-stamp token changed (2xxx to 2yyy, same length): the
     * token sits in the unsigned part of the signature, which no byte range covers.
     */
    public static byte[] forgeTimestampYear(byte[] signed) throws IOException {
        return editLastTimestamp(signed, (cms, token) -> {
            byte[] encoded = token.getEncoded();
            int start = indexOf(cms, encoded, 0);
            for (int at = start; at < start + encoded.length - 6; at++) {
                // The first GeneralizedTime of a token is its TSTInfo's genTime: tag 0x18, length, "YYYY".
                if (cms[at] == 0x18 && cms[at + 1] >= 15 && cms[at + 1] <= 24 && cms[at + 2] == '2' && cms[at + 3] == '0'
                        && Character.isDigit(cms[at + 4]) && Character.isDigit(cms[at + 5])) {
                    cms[at + 5] = (byte) (cms[at + 5] == '9' ? '8' : '9');
                    return;
                }
            }
            throw new IllegalStateException("no genTime found in the token");
        });
    }

    /** One byte of the time-stamping authority's signature value inside the last signature's token flipped. */
    public static byte[] flipTimestampSignature(byte[] signed) throws IOException {
        return editLastTimestamp(signed, (cms, token) -> {
            byte[] value = token.toCMSSignedData().getSignerInfos().getSigners().iterator().next().getSignature();
            int at = indexOf(cms, value, 0);
            cms[at + value.length / 2] ^= 0x01;
        });
    }

    private interface TokenEdit {
        void apply(byte[] cms, org.bouncycastle.tsp.TimeStampToken token) throws Exception;
    }

    private static byte[] editLastTimestamp(byte[] signed, TokenEdit edit) throws IOException {
        int[] range = lastRange(signed);
        String hex = new String(signed, range[1] + 1, range[2] - range[1] - 2, StandardCharsets.ISO_8859_1);
        byte[] cms = java.util.HexFormat.of().parseHex(hex);
        try {
            // /Contents is zero-padded: read the one DER object at its start.
            org.bouncycastle.cms.CMSSignedData data = new org.bouncycastle.cms.CMSSignedData(
                    org.bouncycastle.asn1.cms.ContentInfo.getInstance(new org.bouncycastle.asn1.ASN1InputStream(cms).readObject()));
            var signer = data.getSignerInfos().getSigners().iterator().next();
            var attribute = signer.getUnsignedAttributes()
                    .get(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            var token = new org.bouncycastle.tsp.TimeStampToken(new org.bouncycastle.cms.CMSSignedData(
                    attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
            edit.apply(cms, token);
        } catch (Exception e) {
            throw new IOException("the last signature carries no time-stamp token to edit", e);
        }
        byte[] copy = signed.clone();
        byte[] edited = java.util.HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.ISO_8859_1);
        boolean upper = hex.chars().anyMatch(c -> c >= 'A' && c <= 'F');
        if (!upper) {
            edited = new String(edited, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
        }
        System.arraycopy(edited, 0, copy, range[1] + 1, edited.length);
        return copy;
    }

    private static int[] lastRange(byte[] signed) throws IOException {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            int[] last = null;
            for (var sig : doc.getSignatureDictionaries()) {
                int[] r = sig.getByteRange();
                if (last == null || r[2] + r[3] > last[2] + last[3]) {
                    last = r;
                }
            }
            return last;
        }
    }

    private static int indexOf(byte[] data, byte[] part, int from) {
        outer:
        for (int i = from; i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
