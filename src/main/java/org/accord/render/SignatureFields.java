package org.accord.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.accord.model.Party;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDestinationNameTreeNode;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * Sets the XMP languages and adds an empty AcroForm signature field {@code sig-<party>} over each party's signature box. FOP marks the
 * box's top-left corner with a named destination; the rectangle is that point and the box's known size.
 * This is the one full save of an original: every later change (each signature) is an incremental update.
 */
final class SignatureFields {

    private SignatureFields() {
    }

    /** A draft's finishing: its XMP extension schemas merged (see {@link Xmp#withSchemasMerged}), nothing else added. */
    static byte[] draft(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
            try (InputStream in = metadata.exportXMPMetadata()) {
                metadata.importXMPMetadata(Xmp.withSchemasMerged(in.readAllBytes()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 4096);
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new RenderException("the draft's metadata could not be written: " + e.getMessage(), e);
        }
    }

    static byte[] add(byte[] pdf, List<Party> parties, SignatureBox box, SignatureBox fieldBox, List<String> languages) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
            try (InputStream in = metadata.exportXMPMetadata()) {
                metadata.importXMPMetadata(Xmp.withLanguages(in.readAllBytes(), languages));
            }
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            PDDestinationNameTreeNode dests = names == null ? null : names.getDests();
            if (dests == null) {
                throw new RenderException("the rendered PDF has no signature boxes (no named destinations)");
            }
            // PDF/UA-1 (ISO 14289-1 7.1): the viewer shows the document's title, not its file name.
            org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences preferences =
                    new org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            doc.getDocumentCatalog().setViewerPreferences(preferences);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            for (Party party : parties) {
                String name = party.signatureFieldName();
                PDPageDestination dest = dests.getValue(name);
                if (!(dest instanceof PDPageXYZDestination xyz) || dest.getPage() == null) {
                    throw new RenderException("the signature box of party '" + party.id() + "' was not placed");
                }
                // getLeft()/getTop() round to int: read the exact floats from the destination array.
                COSArray array = xyz.getCOSObject();
                float left = ((COSNumber) array.getObject(2)).floatValue();
                float top = ((COSNumber) array.getObject(3)).floatValue();
                PDRectangle rect = new PDRectangle(left, top - box.heightPt(), box.widthPt(), box.heightPt());
                PDSignatureField signature = field(doc, form, name, dest.getPage(), rect);
                signature.setAlternateFieldName("Signature of " + party.shortName().en() + " / Подпись: " + party.shortName().ru());
                form.getFields().add(signature);
                tag(doc, signature.getWidgets().get(0), dest.getPage(), signature.getAlternateFieldName());
                COSArray locked = new COSArray();
                for (Party.Completion what : Party.Completion.values()) {
                    for (String lang : languages) {
                        String fieldName = what.fieldName(party.id(), lang);
                        PDPageDestination at = dests.getValue(fieldName);
                        if (!(at instanceof PDPageXYZDestination fieldXyz) || at.getPage() == null) {
                            throw new RenderException("the " + fieldName + " field of party '" + party.id() + "' was not placed");
                        }
                        COSArray point = fieldXyz.getCOSObject();
                        float x = ((COSNumber) point.getObject(2)).floatValue();
                        float y = ((COSNumber) point.getObject(3)).floatValue();
                        PDRectangle fieldRect = new PDRectangle(x, y - fieldBox.heightPt(), fieldBox.widthPt(), fieldBox.heightPt());
                        PDTextField text = textField(doc, form, fieldName, at.getPage(), fieldRect,
                                (what == Party.Completion.PLACE ? "Place of signature" : "Date of signature") + " for "
                                        + party.shortName().en() + " (" + lang + ")");
                        form.getFields().add(text);
                        tag(doc, text.getWidgets().get(0), at.getPage(), text.getAlternateFieldName());
                        locked.add(new COSString(fieldName));
                    }
                }
                // The party's signature locks its place and date (ISO 32000 12.7.5.5): filled in the revision the
                // signature covers, they cannot change after it.
                COSDictionary lock = new COSDictionary();
                lock.setName(COSName.TYPE, "SigFieldLock");
                lock.setName(COSName.getPDFName("Action"), "Include");
                lock.setItem(COSName.FIELDS, locked);
                signature.getCOSObject().setItem(COSName.getPDFName("Lock"), lock);
            }
            // Text fields need a default appearance; the font each filled value is drawn in goes with its appearance.
            form.setDefaultAppearance(DEFAULT_APPEARANCE);
            PDResources defaults = new PDResources();
            defaults.put(COSName.getPDFName("Helv"), new org.apache.pdfbox.pdmodel.font.PDType1Font(
                    org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(defaults);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 4096);
            // A classic cross-reference table: independent checkers (qpdf) read it without a warning, and it
            // saves faster than object streams. Content streams stay compressed as FOP wrote them.
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new RenderException("signature fields could not be added: " + e.getMessage(), e);
        }
    }

    /**
     * Puts a widget into the structure tree FOP wrote (PDF/UA: every annotation in a tag): a Form element at the
     * end of the document element, holding an object reference to the widget, with the field's description as its
     * alternative text; the widget's /StructParent points back to it through the parent tree.
     */
    private static void tag(PDDocument doc, PDAnnotationWidget widget, PDPage page, String description) {
        org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot root =
                doc.getDocumentCatalog().getStructureTreeRoot();
        if (root == null) {
            return; // not tagged (a report without accessibility): nothing to attach to
        }
        org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement document = null;
        for (Object kid : root.getKids()) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                document = e;
                break;
            }
        }
        if (document == null) {
            throw new RenderException("the tagged PDF has no document element to put the form fields in");
        }
        var element = new org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement("Form", document);
        element.setPage(page);
        element.setAlternateDescription(description);
        var reference = new org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference();
        reference.setReferencedObject(widget);
        reference.setPage(page);
        element.appendKid(reference);
        document.appendKid(element);
        COSDictionary parentTree = root.getCOSObject().getCOSDictionary(COSName.PARENT_TREE);
        // FOP does not write /ParentTreeNextKey: the next key is one above the highest in the tree
        int key = root.getParentTreeNextKey() >= 0 ? root.getParentTreeNextKey() : highestKey(parentTree) + 1;
        widget.setStructParent(key);
        COSArray nums = parentTree == null ? null : parentTree.getCOSArray(COSName.NUMS);
        COSArray kids = parentTree == null ? null : parentTree.getCOSArray(COSName.KIDS);
        if (nums != null) {
            nums.add(org.apache.pdfbox.cos.COSInteger.get(key));
            nums.add(element.getCOSObject());
        } else if (kids != null) {
            // keys above every existing one: a leaf of their own at the end keeps the tree in order
            COSDictionary leaf = new COSDictionary();
            COSArray pair = new COSArray();
            pair.add(org.apache.pdfbox.cos.COSInteger.get(key));
            pair.add(element.getCOSObject());
            leaf.setItem(COSName.NUMS, pair);
            COSArray limits = new COSArray();
            limits.add(org.apache.pdfbox.cos.COSInteger.get(key));
            limits.add(org.apache.pdfbox.cos.COSInteger.get(key));
            leaf.setItem(COSName.LIMITS, limits);
            kids.add(leaf);
        } else {
            throw new RenderException("the tagged PDF has no parent tree");
        }
        root.setParentTreeNextKey(key + 1);
    }

    /** The highest key of a number tree (its /Nums and its kids' /Limits and /Nums), -1 when it has none. */
    private static int highestKey(COSDictionary node) {
        int highest = -1;
        if (node == null) {
            return highest;
        }
        COSArray nums = node.getCOSArray(COSName.NUMS);
        if (nums != null) {
            for (int i = 0; i < nums.size(); i += 2) {
                if (nums.getObject(i) instanceof org.apache.pdfbox.cos.COSNumber n) {
                    highest = Math.max(highest, n.intValue());
                }
            }
        }
        COSArray kids = node.getCOSArray(COSName.KIDS);
        if (kids != null) {
            for (int i = 0; i < kids.size(); i++) {
                if (kids.getObject(i) instanceof COSDictionary kid) {
                    highest = Math.max(highest, highestKey(kid));
                }
            }
        }
        return highest;
    }

    /**
     * A read-only text field for a signature block's place or date: Accord fills it when the party signs. Until then
     * its appearance is empty (the rule under it is page content), so nothing prints as a blank to fill by hand.
     */
    private static PDTextField textField(PDDocument doc, PDAcroForm form, String name, PDPage page, PDRectangle rect,
                                         String description) throws IOException {
        PDTextField field = new PDTextField(form);
        field.setPartialName(name);
        field.setAlternateFieldName(description);
        field.setReadOnly(true);
        field.setDoNotSpellCheck(true);
        field.setDoNotScroll(true);
        field.setMultiline(false);
        field.getCOSObject().setString(COSName.DA, DEFAULT_APPEARANCE);
        place(doc, field.getWidgets().get(0), page, rect);
        return field;
    }

    /** The default appearance of the place and date fields; the filled appearance embeds its own font subset. */
    static final String DEFAULT_APPEARANCE = "/Helv 10 Tf 0 g";

    private static PDSignatureField field(PDDocument doc, PDAcroForm form, String name, PDPage page, PDRectangle rect)
            throws IOException {
        PDSignatureField field = new PDSignatureField(form);
        field.setPartialName(name);
        place(doc, field.getWidgets().get(0), page, rect);
        return field;
    }

    /** Puts a printable widget on its page, with an empty normal appearance until its field is filled or signed. */
    private static void place(PDDocument doc, PDAnnotationWidget widget, PDPage page, PDRectangle rect) throws IOException {
        widget.setRectangle(rect);
        widget.setPage(page);
        widget.setPrinted(true);
        // PDF/A: every widget needs a normal appearance; an empty one until the party signs.
        PDAppearanceStream empty = new PDAppearanceStream(doc);
        empty.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
        empty.setResources(new PDResources());
        // Signing sets /FormType 1 on the appearance it replaces; set it now so that no signature after a
        // certification ever shows up as an undefined change to this object.
        empty.setFormType(1);
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(empty);
        widget.setAppearance(appearance);
        page.getAnnotations().add(widget);
    }
}
