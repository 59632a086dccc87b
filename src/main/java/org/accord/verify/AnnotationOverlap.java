package org.accord.verify;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

/**
 * Annotations page by page, read with PDFBox. Pages on which two visible annotations overlap. DSS flags overlaps in the final document; a signed revision
 * may already have had them (a form designed that way). Only an overlap the signed revision lacked is a change.
 */
final class AnnotationOverlap {

    private AnnotationOverlap() {
    }

    /** 1-based page numbers with overlapping annotations; empty when the bytes cannot be read. */
    static Set<Integer> pages(byte[] pdf, int length) {
        Set<Integer> pages = new TreeSet<>();
        try (PDDocument doc = Loader.loadPDF(java.util.Arrays.copyOf(pdf, length))) {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                if (overlap(doc.getPage(i).getAnnotations())) {
                    pages.add(i + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            return pages;
        }
        return pages;
    }

    /** Per page (0-based), how many annotations other than form-field widgets it has; empty when unreadable. */
    static int[] nonWidgetCounts(byte[] pdf, int length) {
        try (PDDocument doc = Loader.loadPDF(java.util.Arrays.copyOf(pdf, length))) {
            int[] counts = new int[doc.getNumberOfPages()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = (int) doc.getPage(i).getAnnotations().stream()
                        .filter(a -> !"Widget".equals(a.getSubtype())).count();
            }
            return counts;
        } catch (IOException | RuntimeException e) {
            return new int[0];
        }
    }

    private static boolean overlap(List<PDAnnotation> annotations) {
        for (int a = 0; a < annotations.size(); a++) {
            for (int b = a + 1; b < annotations.size(); b++) {
                if (visible(annotations.get(a)) && visible(annotations.get(b))
                        && intersect(annotations.get(a).getRectangle(), annotations.get(b).getRectangle())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean visible(PDAnnotation a) {
        PDRectangle r = a.getRectangle();
        return r != null && !a.isHidden() && !a.isNoView() && r.getWidth() > 0 && r.getHeight() > 0;
    }

    private static boolean intersect(PDRectangle a, PDRectangle b) {
        return a.getLowerLeftX() < b.getUpperRightX() && b.getLowerLeftX() < a.getUpperRightX()
                && a.getLowerLeftY() < b.getUpperRightY() && b.getLowerLeftY() < a.getUpperRightY();
    }
}
