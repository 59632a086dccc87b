package org.accord.verify;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Whether a visual difference DSS saw after a signature lies only inside form fields filled in since: the pages
 * of the signed revision and of the final document are rendered with those fields' widgets left out, and must
 * then be identical pixel for pixel.
 */
final class VisualCheck {

    private static final float DPI = 50;

    private VisualCheck() {
    }

    static boolean onlyInside(byte[] pdf, long signedEnd, Collection<Integer> pages, Set<String> fields, Deadline deadline) {
        try (PDDocument signed = Loader.loadPDF(new RandomAccessReadBuffer(ByteBuffer.wrap(pdf, 0, (int) signedEnd).slice()), "");
             PDDocument last = Loader.loadPDF(pdf, "")) {
            PDFRenderer before = renderer(signed, fields);
            PDFRenderer after = renderer(last, fields);
            for (int page : pages) {
                deadline.check();
                if (page < 1 || page > signed.getNumberOfPages() || page > last.getNumberOfPages()) {
                    return false;
                }
                if (!same(before.renderImageWithDPI(page - 1, DPI), after.renderImageWithDPI(page - 1, DPI))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Deadline.Exceeded exceeded) {
                throw exceeded;
            }
            return false;
        }
    }

    private static PDFRenderer renderer(PDDocument doc, Set<String> fields) {
        PDFRenderer renderer = new PDFRenderer(doc);
        renderer.setAnnotationsFilter(a -> !fields.contains(fieldName(a)));
        return renderer;
    }

    /** The fully qualified name of the field a widget belongs to (through /Parent), or null. */
    private static String fieldName(PDAnnotation annotation) {
        StringBuilder name = new StringBuilder();
        COSDictionary at = annotation.getCOSObject();
        for (int i = 0; i < 32 && at != null; i++) {
            String t = at.getString(COSName.T);
            if (t != null) {
                name.insert(0, name.length() == 0 ? t : t + ".");
            }
            at = at.getCOSDictionary(COSName.PARENT);
        }
        return name.length() == 0 ? null : name.toString();
    }

    private static boolean same(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
