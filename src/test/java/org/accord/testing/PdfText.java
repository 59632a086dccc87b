package org.accord.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;

/** Text read back from a PDF with PDFBox: by page area, and where a phrase stands on a page. */
public final class PdfText {

    /** Millimetres to PDF points. */
    public static final float MM = 72f / 25.4f;
    private static final Pattern SQUASH = Pattern.compile("[\\s\\-\\u00A0\\u00AD\\u2010\\u2011_]+");

    /** The part of a page that holds the agreement text: below the running header, above the footer. */
    public enum Area {
        LEFT(20, 105), RIGHT(105, 190), FULL(20, 190);

        final float fromMm;
        final float toMm;

        Area(float fromMm, float toMm) {
            this.fromMm = fromMm;
            this.toMm = toMm;
        }
    }

    private PdfText() {
    }

    /** Whitespace, hyphens (including those added by hyphenation) and blanks removed: for "contains" checks. */
    public static String squash(String s) {
        return SQUASH.matcher(s).replaceAll("");
    }

    /** All text of the document. */
    public static String all(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body text in one area (a column) of every page, page after page. */
    public static String body(byte[] pdf, Area area) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.setSortByPosition(true);
            // x, y from the top-left corner, as PDFTextStripperByArea expects; header above 23 mm, footer below 264 mm.
            stripper.addRegion("body", new java.awt.geom.Rectangle2D.Float(
                    area.fromMm * MM, 23 * MM, (area.toMm - area.fromMm) * MM, (264 - 23) * MM));
            StringBuilder text = new StringBuilder();
            for (PDPage page : doc.getPages()) {
                stripper.extractRegions(page);
                text.append(stripper.getTextForRegion("body")).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body text in one area (a column) of each page, a string per page. */
    public static java.util.List<String> pages(byte[] pdf, Area area) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.setSortByPosition(true);
            stripper.addRegion("body", new java.awt.geom.Rectangle2D.Float(
                    area.fromMm * MM, 23 * MM, (area.toMm - area.fromMm) * MM, (264 - 23) * MM));
            java.util.List<String> pages = new java.util.ArrayList<>();
            for (PDPage page : doc.getPages()) {
                stripper.extractRegions(page);
                pages.add(stripper.getTextForRegion("body"));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text inside a rectangle (PDF coordinates) of a page. */
    public static String inside(byte[] pdf, int pageIndex, PDRectangle rect) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(pageIndex);
            float height = page.getMediaBox().getHeight();
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.addRegion("r", new java.awt.geom.Rectangle2D.Float(rect.getLowerLeftX(),
                    height - rect.getUpperRightY(), rect.getWidth(), rect.getHeight()));
            stripper.extractRegions(page);
            return stripper.getTextForRegion("r");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bounding box (PDF coordinates) of the first occurrence of {@code phrase} among the glyphs of one
     * area (a column) of a page, ignoring spaces and line breaks.
     */
    public static PDRectangle locate(byte[] pdf, int pageIndex, Area area, String phrase) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(pageIndex);
            float height = page.getMediaBox().getHeight();
            List<TextPosition> glyphs = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    glyphs.addAll(positions);
                }
            };
            stripper.setSortByPosition(true);
            stripper.setStartPage(pageIndex + 1);
            stripper.setEndPage(pageIndex + 1);
            stripper.getText(doc);
            StringBuilder chars = new StringBuilder();
            List<TextPosition> owners = new ArrayList<>();
            for (TextPosition g : glyphs) {
                if (g.getXDirAdj() < area.fromMm * MM || g.getXDirAdj() >= area.toMm * MM) {
                    continue;
                }
                String u = squash(g.getUnicode());
                for (int i = 0; i < u.length(); i++) {
                    chars.append(u.charAt(i));
                    owners.add(g);
                }
            }
            int at = chars.indexOf(squash(phrase));
            if (at < 0) {
                throw new AssertionError("'" + phrase + "' is not in " + area + " of page " + (pageIndex + 1));
            }
            float minX = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, minY = Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
            for (TextPosition g : owners.subList(at, at + squash(phrase).length())) {
                float baseline = height - g.getYDirAdj();
                minX = Math.min(minX, g.getXDirAdj());
                maxX = Math.max(maxX, g.getXDirAdj() + g.getWidthDirAdj());
                minY = Math.min(minY, baseline - 0.25f * g.getFontSizeInPt());
                maxY = Math.max(maxY, baseline + g.getHeightDir());
            }
            return new PDRectangle(minX, minY, maxX - minX, maxY - minY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
