package org.accord.verify;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Whether filling in form fields after a signature changed anything outside those fields: the pages that carry
 * them are rendered as signed and as they are now, both without the filled fields' widgets, and must be identical
 * pixel for pixel. Pages too heavy to render within bounds are not confirmed.
 */
final class VisualCheck {

    /** The pages compared, and whether they came out the same. */
    record Result(boolean same, List<Integer> pages) {
    }

    private static final float DPI = 50;
    /** Encoded content and image bytes a page may have to be rendered here. */
    private static final long MAX_PAGE_BYTES = 4L << 20;
    private static final long MAX_IMAGE_PIXELS = 25_000_000L;

    /**
     * The comparisons made ahead of need, while DSS validates: by the end of the signed revision and the fields
     * hidden. {@link #NONE} makes every comparison when asked.
     */
    record Ahead(Map<Key, Result> made) {

        static final Ahead NONE = new Ahead(Map.of());

        /** The comparison of the page(s) carrying {@code hidden} in the revision ending at {@code signedEnd} and now. */
        Result outside(byte[] pdf, long signedEnd, Set<String> hidden, Deadline deadline) {
            Result r = made.get(new Key(signedEnd, Set.copyOf(hidden)));
            return r != null ? r : VisualCheck.outside(pdf, signedEnd, hidden, deadline);
        }

        /**
         * Every comparison {@link Assessment} can ask for, from Accord's own reading of the updates: one per signed
         * revision followed by form filling and nothing forbidden.
         */
        static Ahead make(byte[] pdf, List<SignedFields.Field> fields, Revisions.Result revisions, Deadline deadline) {
            if (revisions == null) {
                return NONE;
            }
            Map<Key, Result> made = new HashMap<>();
            for (SignedFields.Field f : fields) {
                deadline.check();
                long end = f.end();
                if (end <= 0 || end > pdf.length) {
                    continue;
                }
                Set<String> hidden = toHide(revisions.after(end));
                Key key = hidden == null ? null : new Key(end, Set.copyOf(hidden));
                if (key != null && !made.containsKey(key)) {
                    made.put(key, VisualCheck.outside(pdf, end, hidden, deadline));
                }
            }
            return new Ahead(Map.copyOf(made));
        }
    }

    /** A comparison: the signed revision's end and the fields left out of both renderings. */
    record Key(long signedEnd, Set<String> hidden) {
    }

    private VisualCheck() {
    }

    /**
     * The fields to leave out when comparing the pages after {@code changes}: those filled and those signed since;
     * null when nothing was filled or a change is forbidden anyway (no comparison needed).
     */
    static Set<String> toHide(List<Change> changes) {
        Set<String> filled = new LinkedHashSet<>();
        for (Change c : changes) {
            if (c.kind() == Change.Kind.FORM_FIELDS_FILLED) {
                filled.addAll(c.fields());
            }
        }
        if (filled.isEmpty() || changes.stream().anyMatch(Change::forbidden)) {
            return null;
        }
        // Filling in a field may only change what shows inside it: the pages must be the same without them (and
        // without the fields signed since, whose appearance signing them changed).
        Set<String> hidden = new LinkedHashSet<>(filled);
        for (Change c : changes) {
            if (c.kind() == Change.Kind.SIGNATURE_FIELD_SIGNED) {
                hidden.addAll(c.fields());
            }
        }
        return hidden;
    }

    static Result outside(byte[] pdf, long signedEnd, Set<String> fields, Deadline deadline) {
        List<Integer> pages = new ArrayList<>();
        try (PDDocument signed = Loader.loadPDF(new RandomAccessReadBuffer(ByteBuffer.wrap(pdf, 0, (int) signedEnd).slice()), "");
             PDDocument last = Loader.loadPDF(pdf, "")) {
            for (int i = 0; i < last.getNumberOfPages(); i++) {
                deadline.check();
                for (PDAnnotation a : last.getPage(i).getAnnotations()) {
                    if (fields.contains(fieldName(a))) {
                        pages.add(i + 1);
                        break;
                    }
                }
            }
            PDFRenderer before = renderer(signed, fields);
            PDFRenderer after = renderer(last, fields);
            for (int page : pages) {
                deadline.check();
                if (page > signed.getNumberOfPages() || !renderable(signed.getPage(page - 1)) || !renderable(last.getPage(page - 1))
                        || !same(before.renderImageWithDPI(page - 1, DPI), after.renderImageWithDPI(page - 1, DPI))) {
                    return new Result(false, pages);
                }
            }
            return new Result(true, pages);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Deadline.Exceeded exceeded) {
                throw exceeded;
            }
            return new Result(false, pages);
        }
    }

    /** Whether a page's content streams and images are small enough to render here. */
    private static boolean renderable(PDPage page) throws IOException {
        long bytes = 0;
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (contents instanceof COSStream s) {
            bytes += s.getLength();
        } else if (contents instanceof org.apache.pdfbox.cos.COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSStream s) {
                    bytes += s.getLength();
                }
            }
        }
        PDResources resources = page.getResources();
        if (resources != null) {
            for (COSName name : resources.getXObjectNames()) {
                COSBase x = resources.getCOSObject().getCOSDictionary(COSName.XOBJECT).getDictionaryObject(name);
                if (x instanceof COSStream s) {
                    bytes += s.getLength();
                    long pixels = (long) s.getInt(COSName.WIDTH, 0) * s.getInt(COSName.HEIGHT, 0);
                    if (pixels > MAX_IMAGE_PIXELS) {
                        return false;
                    }
                }
            }
        }
        return bytes <= MAX_PAGE_BYTES;
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
