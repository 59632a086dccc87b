package org.accord.sign;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Attaches a signatory's full powers (a PDF) to their still-unsigned signature field, as an incremental update:
 * an embedded file (PDF/A-3 associated file, /AFRelationship /Supplement) listed in the document's EmbeddedFiles and
 * in the field's /AF, so the party's signature that follows covers it. Nothing else of the document changes.
 */
public final class FullPowersAttachment {

    private FullPowersAttachment() {
    }

    /** {@code pdf} with {@code file} (named {@code fileName}) associated with signature field {@code fieldName}. */
    public static byte[] attach(byte[] pdf, String fieldName, String fileName, byte[] file, String description) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            PDAcroForm form = catalog.getAcroForm(null);
            PDField field = form == null ? null : form.getField(fieldName);
            if (!(field instanceof PDSignatureField signature) || signature.getSignature() != null) {
                throw new SigningRefusedException("full powers can be attached only to an unsigned signature field; "
                        + fieldName + " is not one");
            }
            PDEmbeddedFile embedded = new PDEmbeddedFile(doc, new ByteArrayInputStream(file), COSName.FLATE_DECODE);
            embedded.setSubtype("application/pdf");
            embedded.setSize(file.length);
            embedded.setModDate(new GregorianCalendar(TimeZone.getTimeZone("UTC")));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(fileName);
            spec.setFileUnicode(fileName);
            spec.setEmbeddedFile(embedded);
            spec.setEmbeddedFileUnicode(embedded);
            spec.setFileDescription(description);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Supplement");

            PDDocumentNameDictionary names = catalog.getNames();
            if (names == null) {
                names = new PDDocumentNameDictionary(catalog);
                catalog.setNames(names);
            }
            PDEmbeddedFilesNameTreeNode tree = names.getEmbeddedFiles();
            Map<String, PDComplexFileSpecification> entries = tree == null || tree.getNames() == null ? Map.of() : tree.getNames();
            if (tree != null && tree.getKids() != null && !tree.getKids().isEmpty()) {
                throw new SigningRefusedException("the document's embedded files are kept in a tree Accord does not extend");
            }
            String key = fieldName + "/" + fileName;
            if (entries.containsKey(key)) {
                throw new SigningRefusedException("full powers named " + fileName + " are already attached to " + fieldName);
            }
            // The names stay sorted (readers look them up by binary search); every earlier pair is kept as it was.
            java.util.TreeMap<String, org.apache.pdfbox.cos.COSBase> sorted = new java.util.TreeMap<>();
            if (tree != null && tree.getCOSObject().getDictionaryObject(COSName.NAMES) instanceof COSArray existing) {
                for (int i = 0; i + 1 < existing.size(); i += 2) {
                    if (existing.getObject(i) instanceof org.apache.pdfbox.cos.COSString name) {
                        sorted.put(name.getString(), existing.get(i + 1));
                    }
                }
            }
            sorted.put(key, spec.getCOSObject());
            COSArray pairs = new COSArray();
            sorted.forEach((name, value) -> {
                pairs.add(new org.apache.pdfbox.cos.COSString(name));
                pairs.add(value);
            });
            if (tree == null) {
                tree = new PDEmbeddedFilesNameTreeNode();
                names.setEmbeddedFiles(tree);
            }
            tree.getCOSObject().setItem(COSName.NAMES, pairs);
            tree.getCOSObject().removeItem(COSName.LIMITS);

            COSDictionary fieldDict = signature.getCOSObject();
            COSArray af = fieldDict.getDictionaryObject(COSName.AF) instanceof COSArray a ? a : new COSArray();
            af.add(spec);
            fieldDict.setItem(COSName.AF, af);

            catalog.getCOSObject().setNeedToBeUpdated(true);
            names.getCOSObject().setNeedToBeUpdated(true);
            tree.getCOSObject().setNeedToBeUpdated(true);
            fieldDict.setNeedToBeUpdated(true);
            af.setNeedToBeUpdated(true);
            pairs.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + file.length + 4096);
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
