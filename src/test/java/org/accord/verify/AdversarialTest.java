package org.accord.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.accord.testing.Increment;
import org.accord.testing.Tamper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classes of attack on a signed original, several variants each, built in code from the doubly signed B-LT
 * original: byte flips in each part of a signature, universal signature forgery, signature wrapping, incremental
 * content replacement, annotation overlays, rollback and freed objects. Every one is not valid.
 */
class AdversarialTest {

    static final byte[] BOTH = VerifierTest.BOTH_SIGNED;

    static Stream<Arguments> attacks() throws Exception {
        Sig last = Sig.last(BOTH);
        Increment inc = Increment.of(BOTH);
        return Stream.of(
                Arguments.of("byte flip in the original revision", Tamper.flipSignedByte(BOTH)),
                Arguments.of("byte flip in the second signed range", flip(BOTH, last.range()[2] + last.range()[3] / 2)),
                Arguments.of("byte flip in the signature value", flipInCms(BOTH, last, Cms.SIGNATURE)),
                Arguments.of("byte flip in the signed attributes", flipInCms(BOTH, last, Cms.SIGNED_ATTRIBUTES)),
                Arguments.of("byte flip in the signer's certificate", flipInCms(BOTH, last, Cms.CERTIFICATE)),
                Arguments.of("ByteRange numbers changed", byteRangeDigit(BOTH, last)),
                Arguments.of("signature value zeroed (USF)", Tamper.emptySignatureValue(BOTH)),
                Arguments.of("signature dictionary with empty /Contents and a null ByteRange (USF)",
                        redefineSignature(inc, last, "/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 0 0 0] /Contents <>")),
                Arguments.of("signature dictionary without /ByteRange (USF)",
                        redefineSignature(inc, last, "/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /Contents <" + last.hex() + ">")),
                Arguments.of("signature dictionary with a ByteRange that stops short (SWA)",
                        redefineSignature(inc, last, "/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 "
                                + last.range()[1] + " " + last.range()[2] + " " + (last.range()[3] - 200) + "] /Contents <" + last.hex() + ">")),
                Arguments.of("signature reason replaced (spoofing)", spoof(inc, last)),
                Arguments.of("page content replaced by a new stream", pageWith(inc, "/Contents " + inc.size() + " 0 R",
                        Map.of(inc.size(), "<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 700 Td (Forged text) Tj ET\nendstream"))),
                Arguments.of("page resources replaced", pageWith(inc, "/Resources << >>", Map.of())),
                Arguments.of("page media box changed", pageWith(inc, "/MediaBox [0 0 300 300]", Map.of())),
                Arguments.of("content painted over in place (PDFBox incremental save)", Tamper.paintOverPage(BOTH)),
                Arguments.of("a page appended", Tamper.appendPage(BOTH)),
                Arguments.of("a page removed", removePage(inc)),
                Arguments.of("an opaque annotation laid over the text", Tamper.annotationOverText(BOTH)),
                Arguments.of("a free-text annotation added", pageWith(inc, "/Annots [" + inc.size() + " 0 R]",
                        Map.of(inc.size(), "<< /Type /Annot /Subtype /FreeText /Rect [60 300 530 600] /Contents (Forged) /DA (/Helv 12 Tf 0 g) >>"))),
                Arguments.of("catalog rolled back to its unsigned revision", rollback(inc, inc.root())),
                Arguments.of("the last signature's field rolled back to its unsigned revision", rollback(inc, last.field())),
                Arguments.of("an object of the signed revision freed", free(inc, inc.page1())),
                Arguments.of("cut one byte short", Tamper.cut(BOTH, 1)),
                Arguments.of("cut inside the last signature", Tamper.cutInsideLastContents(BOTH)),
                Arguments.of("forged time-stamp year", Tamper.forgeTimestampYear(BOTH)),
                Arguments.of("time-stamp authority's signature flipped", Tamper.flipTimestampSignature(BOTH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void every_attack_is_not_valid(String attack, byte[] pdf) {
        DocumentReport r = VerifierTest.VERIFIER.verify("attacked.pdf", pdf).report();
        assertFalse(r.valid(), attack + ": " + r);
        assertTrue(r.error() != null || r.signatures().stream().anyMatch(s -> !s.passed())
                || r.findings().stream().anyMatch(f -> f.code() == Finding.Code.DAMAGED_AFTER_LAST_SIGNATURE
                        || f.code() == Finding.Code.TAIL_NOT_COVERED), attack + ": the reason is reported: " + r);
    }

    /** The last signature: its dictionary's object number, its byte range and its /Contents as hex. */
    record Sig(int object, int field, int[] range, String hex) {

        static Sig last(byte[] pdf) throws IOException {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                Sig last = null;
                for (PDField f : doc.getDocumentCatalog().getAcroForm().getFieldTree()) {
                    if (f instanceof PDSignatureField s && s.getSignature() != null) {
                        int[] r = s.getSignature().getByteRange();
                        COSObject v = (COSObject) s.getCOSObject().getItem(org.apache.pdfbox.cos.COSName.V);
                        String hex = new String(pdf, r[1] + 1, r[2] - r[1] - 2, StandardCharsets.ISO_8859_1);
                        Sig sig = new Sig((int) v.getKey().getNumber(), (int) s.getCOSObject().getKey().getNumber(), r, hex);
                        if (last == null || r[2] + r[3] > last.range()[2] + last.range()[3]) {
                            last = sig;
                        }
                    }
                }
                return last;
            }
        }
    }

    enum Cms { SIGNATURE, SIGNED_ATTRIBUTES, CERTIFICATE }

    static byte[] flip(byte[] pdf, int at) {
        byte[] copy = pdf.clone();
        copy[at] = (byte) (Character.isDigit(copy[at]) ? (copy[at] == '9' ? '8' : copy[at] + 1) : copy[at] ^ 0x01);
        return copy;
    }

    static byte[] flipInCms(byte[] pdf, Sig sig, Cms part) throws Exception {
        byte[] cms = HexFormat.of().parseHex(sig.hex());
        var data = new org.bouncycastle.cms.CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(
                new org.bouncycastle.asn1.ASN1InputStream(cms).readObject()));
        var signer = data.getSignerInfos().getSigners().iterator().next();
        byte[] target = switch (part) {
            case SIGNATURE -> signer.getSignature();
            // Encoded as a SET here, as [0] IMPLICIT in the CMS: the same bytes after the tag.
            case SIGNED_ATTRIBUTES -> java.util.Arrays.copyOfRange(signer.getEncodedSignedAttributes(), 1,
                    signer.getEncodedSignedAttributes().length);
            case CERTIFICATE -> data.getCertificates().getMatches(null).iterator().next().getEncoded();
        };
        int at = indexOf(cms, target) + target.length / 2;
        cms[at] ^= 0x01;
        byte[] copy = pdf.clone();
        byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.ISO_8859_1);
        if (!sig.hex().chars().anyMatch(c -> c >= 'A' && c <= 'F')) {
            hex = new String(hex, StandardCharsets.ISO_8859_1).toLowerCase().getBytes(StandardCharsets.ISO_8859_1);
        }
        System.arraycopy(hex, 0, copy, sig.range()[1] + 1, hex.length);
        return copy;
    }

    static byte[] byteRangeDigit(byte[] pdf, Sig sig) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        String range = sig.range()[1] + " " + sig.range()[2];
        int at = text.lastIndexOf(range);
        return flip(pdf, at + String.valueOf(sig.range()[1]).length() - 1);
    }

    static byte[] redefineSignature(Increment inc, Sig sig, String body) {
        TreeMap<Integer, String> objects = new TreeMap<>();
        objects.put(sig.object(), "<< " + body + " >>");
        return inc.update(objects, List.of());
    }

    static byte[] spoof(Increment inc, Sig sig) throws IOException {
        try (PDDocument doc = Loader.loadPDF(inc.pdf())) {
            var dict = ((COSObject) doc.getDocument().getObjectFromPool(new org.apache.pdfbox.cos.COSObjectKey(sig.object(), 0))).getObject();
            var d = (org.apache.pdfbox.cos.COSDictionary) dict;
            int[] r = sig.range();
            return redefineSignature(inc, sig, "/Type /Sig /Filter /Adobe.PPKLite /SubFilter " + d.getNameAsString("SubFilter")
                    + " /Reason (Signed for nobody) /ByteRange [" + r[0] + " " + r[1] + " " + r[2] + " " + r[3] + "] /Contents <" + sig.hex() + ">");
        }
    }

    /** Page 1 redefined with {@code entry} instead of its own content, media box and resources. */
    static byte[] pageWith(Increment inc, String entry, Map<Integer, String> extra) {
        TreeMap<Integer, String> objects = new TreeMap<>(extra);
        String contents = entry.startsWith("/Contents") ? "" : "/Contents " + contentsOf(inc) + " ";
        String box = entry.startsWith("/MediaBox") ? "" : "/MediaBox [0 0 595.275 841.889] ";
        objects.put(inc.page1(), "<< /Type /Page /Parent " + inc.pagesRoot() + " 0 R " + box + contents + entry + " >>");
        return inc.update(objects, List.of());
    }

    private static String contentsOf(Increment inc) {
        try (PDDocument doc = Loader.loadPDF(inc.pdf())) {
            var item = doc.getPage(0).getCOSObject().getItem(org.apache.pdfbox.cos.COSName.CONTENTS);
            return item instanceof COSObject o ? o.getKey().getNumber() + " 0 R" : "[]";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] removePage(Increment inc) {
        String kids = inc.pagesKids().trim();
        String fewer = kids.substring(0, kids.lastIndexOf(" 0 R", kids.length() - 5) + 4);
        TreeMap<Integer, String> objects = new TreeMap<>();
        objects.put(inc.pagesRoot(), "<< /Type /Pages /Kids [" + fewer + "] /Count " + (inc.pageCount() - 1) + " >>");
        return inc.update(objects, List.of());
    }

    static byte[] rollback(Increment inc, int object) {
        return inc.update(new TreeMap<>(), List.of(), Map.of(object, inc.firstOffset(object)), List.of());
    }

    static byte[] free(Increment inc, int object) {
        return inc.update(new TreeMap<>(), List.of(), Map.of(), List.of(object));
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
