package org.accord.verify;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfPKCS7;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.RandomAccessFileOrArray;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accord.verify.IndependentCheck.Point;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

/**
 * What OpenPDF makes of every signed field, with its own PDF parser and its own PKCS#7 verification (neither
 * PDFBox nor DSS): the byte range well-formed (from offset 0, the gap exactly the /Contents string), the digest of
 * the covered bytes against the signed attributes and the signature value with the signing certificate, and the
 * signature time-stamp's imprint. For a document time-stamp (ETSI.RFC3161), the token's imprint of the covered
 * bytes, and its signature with BouncyCastle's CMS verification (which DSS uses too: there, what is independent is
 * reading the PDF and the covered bytes). Never throws on bad input: what cannot be read is {@code not possible}.
 */
final class OpenPdfCheck {

    /**
     * OpenPDF's view of one signed field: {@code unreadable} says why no view was possible (then nothing else is
     * set); {@code broken} names the first break seen (null: intact); {@code byteRange} as OpenPDF reads it.
     */
    record View(Point unreadable, Point broken, long[] byteRange, boolean timestamp, byte[] signer) {

        static View notPossible(Point why) {
            return new View(why, null, null, false, null);
        }
    }

    /** The views of a document's signed fields by name; {@code unreadable} set when the PDF itself cannot be read. */
    record Result(Point unreadable, Map<String, View> fields) {

        View of(List<String> names) {
            for (String name : names) {
                View v = fields.get(name);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
    }

    private static final PdfName ETSI_RFC3161 = new PdfName("ETSI.RFC3161");

    private OpenPdfCheck() {
    }

    static Result of(byte[] pdf, Deadline deadline) {
        PdfReader reader;
        try {
            reader = new PdfReader(new RandomAccessFileOrArray(pdf), null);
        } catch (Exception | StackOverflowError e) {
            return new Result(Point.PDF_UNREADABLE, Map.of());
        }
        try {
            if (reader.isEncrypted()) {
                return new Result(Point.ENCRYPTED, Map.of());
            }
            AcroFields form = reader.getAcroFields();
            Map<String, View> views = new HashMap<>();
            for (String name : form.getSignedFieldNames()) {
                deadline.check();
                views.put(name, field(pdf, form, name));
            }
            return new Result(null, Map.copyOf(views));
        } catch (Deadline.Exceeded e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            return new Result(Point.PDF_UNREADABLE, Map.of());
        } finally {
            reader.close();
        }
    }

    private static View field(byte[] pdf, AcroFields form, String name) {
        PdfDictionary v = form.getSignatureDictionary(name);
        if (v == null) {
            return View.notPossible(Point.NO_FIELD);
        }
        PdfString contents = v.getAsString(PdfName.CONTENTS);
        long[] range = byteRange(v.getAsArray(PdfName.BYTERANGE));
        if (contents == null || range == null || !gapIsContents(pdf, range, contents.getOriginalBytes())) {
            return new View(null, Point.BYTE_RANGE, range, false, null);
        }
        if (ETSI_RFC3161.equals(v.getAsName(PdfName.SUBFILTER))) {
            return documentTimestamp(pdf, range, contents.getOriginalBytes());
        }
        PdfPKCS7 cms;
        try {
            cms = form.verifySignature(name);
        } catch (RuntimeException e) {
            return View.notPossible(causedBy(e, NoSuchAlgorithmException.class) ? Point.ALGORITHM : Point.CMS_UNREADABLE);
        }
        if (cms == null) {
            return View.notPossible(Point.NO_FIELD);
        }
        if (ambiguousSigner(cms)) {
            return View.notPossible(Point.SIGNER_AMBIGUOUS);
        }
        byte[] signer = encoded(cms.getSigningCertificate());
        boolean timestamp = cms.getTimeStampToken() != null;
        try {
            if (!cms.verify()) {
                return new View(null, Point.SIGNATURE, range, timestamp, signer);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // a signature value that is not even well-formed for its algorithm
            return new View(null, Point.SIGNATURE, range, timestamp, signer);
        }
        try {
            if (timestamp && !cms.verifyTimestampImprint()) {
                return new View(null, Point.TIMESTAMP_IMPRINT, range, true, signer);
            }
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            return new View(null, Point.TIMESTAMP_IMPRINT, range, true, signer);
        }
        return new View(null, null, range, timestamp, signer);
    }

    private static View documentTimestamp(byte[] pdf, long[] range, byte[] contents) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(trimmed(contents)));
        } catch (Exception e) {
            return View.notPossible(Point.CMS_UNREADABLE);
        }
        byte[] signer = null;
        try {
            MessageDigest md = MessageDigest.getInstance(token.getTimeStampInfo().getMessageImprintAlgOID().getId());
            md.update(pdf, 0, (int) range[1]);
            md.update(pdf, (int) range[2], (int) range[3]);
            if (!MessageDigest.isEqual(md.digest(), token.getTimeStampInfo().getMessageImprintDigest())) {
                return new View(null, Point.TIMESTAMP_IMPRINT, range, true, null);
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = token.getCertificates().getMatches((Selector<X509CertificateHolder>) token.getSID());
            if (certs.isEmpty()) {
                return View.notPossible(Point.CMS_UNREADABLE);
            }
            X509CertificateHolder cert = certs.iterator().next();
            signer = cert.getEncoded();
            boolean valid = token.isSignatureValid(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
            return new View(null, valid ? null : Point.SIGNATURE, range, true, signer);
        } catch (NoSuchAlgorithmException e) {
            return View.notPossible(Point.ALGORITHM);
        } catch (Exception e) {
            return new View(null, Point.SIGNATURE, range, true, signer);
        }
    }

    /** A CMS value without the zero padding a /Contents string carries after it. */
    private static byte[] trimmed(byte[] contents) {
        try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
            return in.readObject().getEncoded();
        } catch (Exception e) {
            return contents;
        }
    }

    /** {@code [0, a, b, c]} with {@code 0 < a < b}, as longs; null when the array is anything else. */
    private static long[] byteRange(PdfArray array) {
        if (array == null || array.size() != 4) {
            return null;
        }
        long[] range = new long[4];
        for (int i = 0; i < 4; i++) {
            PdfObject o = array.getPdfObject(i);
            if (!(o instanceof PdfNumber n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 0) {
                return null;
            }
            range[i] = (long) n.doubleValue();
        }
        return range;
    }

    /** Whether the range starts at 0, ends within the file, and leaves out exactly the hex string of {@code contents}. */
    private static boolean gapIsContents(byte[] pdf, long[] r, byte[] contents) {
        if (r[0] != 0 || r[1] < 2 || r[2] <= r[1] || r[2] + r[3] > pdf.length || r[3] < 0) {
            return false;
        }
        int from = (int) r[1];
        int to = (int) r[2];
        if (pdf[from] != '<' || pdf[to - 1] != '>') {
            return false;
        }
        // a hex string: white space between the digits is allowed, a missing last digit is 0 (ISO 32000-1, 7.3.4.3)
        java.io.ByteArrayOutputStream decoded = new java.io.ByteArrayOutputStream(contents.length);
        int high = -1;
        for (int i = from + 1; i < to - 1; i++) {
            byte b = pdf[i];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0) {
                continue;
            }
            int digit = Character.digit(b, 16);
            if (digit < 0) {
                return false;
            }
            if (high < 0) {
                high = digit;
            } else {
                decoded.write(high << 4 | digit);
                high = -1;
            }
        }
        if (high >= 0) {
            decoded.write(high << 4);
        }
        byte[] hex = decoded.toByteArray();
        return Arrays.equals(hex, contents);
    }

    /** OpenPDF takes the first certificate with the signer's serial number, whoever issued it: ambiguous when several have it. */
    private static boolean ambiguousSigner(PdfPKCS7 cms) {
        X509Certificate signer = cms.getSigningCertificate();
        if (signer == null) {
            return false;
        }
        int same = 0;
        for (java.security.cert.Certificate c : cms.getCertificates()) {
            if (c instanceof X509Certificate x && x.getSerialNumber().equals(signer.getSerialNumber())) {
                same++;
            }
        }
        return same > 1;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate == null ? null : certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            return null;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        Throwable t = e;
        for (int i = 0; i < 16 && t != null; i++) {
            if (type.isInstance(t)) {
                return true;
            }
            t = t instanceof com.lowagie.text.ExceptionConverter c ? c.getException() : t.getCause();
        }
        return false;
    }
}
