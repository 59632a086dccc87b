package org.accord.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.accord.model.Characters;
import org.accord.model.Party;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * Completes a party's signature block as a pen would on paper: its place and date, in English and Russian, written
 * into the block's form fields in an incremental update that the party's signature, made right after, covers
 * (form filling, which a DocMDP P=2 certification permits). The date is the day of signing in UTC, in each
 * language's treaty form ("20 September 2017", «20 сентября 2017 года»); the Russian place is the form that follows
 * «в» («Астане»; the English place when none is given). Each value is drawn in the fields' own appearance, with an embedded subset of Liberation Serif
 * (PDF/A). Originals without these fields (made before them, or not Accord's) are signed as they are.
 */
public final class Completion {

    /** The longest place accepted in either language. */
    public static final int MAX_PLACE = 80;
    static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter RU = DateTimeFormatter.ofPattern("d MMMM yyyy 'года'", Locale.forLanguageTag("ru"));
    private static final String FONT = "liberation/LiberationSerif-Regular.ttf";
    private static final float SIZE = 10f;
    private static final float SMALLEST = 7f;
    private static final float PADDING = 1f;

    private Completion() {
    }

    /** Whether {@code pdf} has place and date fields for {@code partyId}, to be completed when the party signs. */
    public static boolean expected(byte[] pdf, String partyId) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            return form != null && form.getField(Party.Completion.PLACE.fieldName(partyId, "en")) instanceof PDTextField;
        } catch (IOException e) {
            throw new SigningRefusedException("the document cannot be read", e);
        }
    }

    /**
     * Refuses a place that cannot complete a signature block: missing, more than one line or {@link #MAX_PLACE}
     * characters, or characters the originals' font cannot show. {@code what} names it in the message.
     */
    public static String requirePlace(String place, String what) {
        if (place == null || place.isBlank()) {
            throw new SigningRefusedException(what + " is required: the signature block is completed with it");
        }
        String p = place.strip();
        if (p.length() > MAX_PLACE || p.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new SigningRefusedException(what + " must be one line of at most " + MAX_PLACE + " characters");
        }
        if (!Characters.problems(p).isEmpty()) {
            throw new SigningRefusedException(what + " cannot be printed as written: " + Characters.problems(p).get(0));
        }
        return p;
    }

    /** The values written for a party signing in {@code placeEn} / {@code placeRu} on {@code day}, by field name. */
    static Map<String, String> values(String partyId, String placeEn, String placeRu, LocalDate day) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(Party.Completion.PLACE.fieldName(partyId, "en"), placeEn);
        values.put(Party.Completion.PLACE.fieldName(partyId, "ru"), placeRu);
        values.put(Party.Completion.DATE.fieldName(partyId, "en"), EN.format(day));
        values.put(Party.Completion.DATE.fieldName(partyId, "ru"), RU.format(day));
        return values;
    }

    /**
     * {@code pdf} with the party's place and date filled in, as an incremental update; {@code pdf} itself when its
     * signature block has no such fields (nothing to complete); refused when a value does not fit.
     */
    static byte[] fill(byte[] pdf, String partyId, String placeEn, String placeRu, LocalDate day) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            if (form == null || !(form.getField(Party.Completion.PLACE.fieldName(partyId, "en")) instanceof PDTextField)) {
                return pdf;
            }
            String en = requirePlace(placeEn, "the place (in English)");
            // without a Russian form the place is written in the Russian block as given (foreign names often are)
            String ru = placeRu == null || placeRu.isBlank() ? en : requirePlace(placeRu, "the place in Russian (as after «в»)");
            PDType0Font font;
            try (InputStream ttf = Completion.class.getClassLoader().getResourceAsStream(FONT)) {
                if (ttf == null) {
                    throw new IllegalStateException(FONT + " is not on the class path");
                }
                font = PDType0Font.load(doc, ttf, true);
            }
            for (Map.Entry<String, String> value : values(partyId, en, ru, day).entrySet()) {
                PDField field = form.getField(value.getKey());
                if (!(field instanceof PDTextField text)) {
                    throw new SigningRefusedException("the signature block of '" + partyId + "' has no field " + value.getKey());
                }
                if (text.getCOSObject().getDictionaryObject(COSName.V) != null) {
                    throw new SigningRefusedException("the signature block of '" + partyId + "' is already completed");
                }
                write(doc, text, font, value.getValue());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            doc.saveIncremental(out); // subsets the font to the glyphs drawn
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the field's value and draws it, shrinking the type down to 7 pt to fit the field's width. */
    private static void write(PDDocument doc, PDTextField field, PDType0Font font, String value) throws IOException {
        PDAnnotationWidget widget = field.getWidgets().get(0);
        PDRectangle rect = widget.getRectangle();
        float width = font.getStringWidth(value) / 1000f;
        float size = Math.min(SIZE, (rect.getWidth() - 2 * PADDING) / width);
        if (size < SMALLEST) {
            throw new SigningRefusedException("'" + value + "' is too long for the signature block; shorten it");
        }
        PDAppearanceStream appearance = new PDAppearanceStream(doc);
        appearance.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
        appearance.setResources(new PDResources());
        appearance.setFormType(1);
        try (PDPageContentStream content = new PDPageContentStream(doc, appearance)) {
            content.beginMarkedContent(COSName.getPDFName("Tx"));
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(0f);
            content.newLineAtOffset(PADDING, 3.5f);
            content.showText(value);
            content.endText();
            content.endMarkedContent();
        }
        PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
        dictionary.setNormalAppearance(appearance);
        widget.setAppearance(dictionary);
        field.getCOSObject().setString(COSName.V, value);
        field.getCOSObject().setNeedToBeUpdated(true);
    }

    /** {@code day} as a signature block gives it in {@code lang}: "20 September 2017", «20 сентября 2017 года». */
    public static String format(LocalDate day, String lang) {
        return ("ru".equals(lang) ? RU : EN).format(day);
    }

    /** The day a date field of {@code lang} names, or null when {@code text} is not one. */
    public static LocalDate parse(String text, String lang) {
        try {
            return LocalDate.parse(text.replace('\u00A0', ' '), "ru".equals(lang) ? RU : EN);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
