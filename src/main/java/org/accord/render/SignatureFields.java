package org.accord.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.accord.model.Party;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
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

/**
 * Sets the XMP languages and adds an empty AcroForm signature field {@code sig-<party>} over each party's signature box. FOP marks the
 * box's top-left corner with a named destination; the rectangle is that point and the box's known size.
 * This is the one full save of an original: every later change (each signature) is an incremental update.
 */
final class SignatureFields {

    private SignatureFields() {
    }

    static byte[] add(byte[] pdf, List<Party> parties, SignatureBox box, List<String> languages) {
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
                form.getFields().add(field(doc, form, name, dest.getPage(), rect));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 4096);
            // A classic cross-reference table: independent checkers (qpdf) read it without a warning, and it
            // saves faster than object streams. Content streams stay compressed as FOP wrote them.
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new RenderException("signature fields could not be added: " + e.getMessage(), e);
        }
    }

    private static PDSignatureField field(PDDocument doc, PDAcroForm form, String name, PDPage page, PDRectangle rect)
            throws IOException {
        PDSignatureField field = new PDSignatureField(form);
        field.setPartialName(name);
        PDAnnotationWidget widget = field.getWidgets().get(0);
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
        return field;
    }
}
