package org.accord.workflow;

import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/** What full powers must be to be attached: a readable, unencrypted PDF of bounded size, under a plain file name. */
final class FullPowersFiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,95}\\.pdf");
    private static final int MAX_PAGES = 200;

    private FullPowersFiles() {
    }

    static void requirePdf(byte[] pdf, int max) {
        if (pdf == null || pdf.length == 0) {
            throw invalid("the full powers file is empty");
        }
        if (pdf.length > max) {
            throw invalid("the full powers file has " + pdf.length + " bytes; at most " + max + " are accepted");
        }
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw invalid("the full powers must be a PDF file");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) {
                throw invalid("the full powers PDF is encrypted; attach it without a password");
            }
            int pages = doc.getNumberOfPages();
            if (pages < 1 || pages > MAX_PAGES) {
                throw invalid("the full powers PDF must have between 1 and " + MAX_PAGES + " pages");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof WorkflowException w) {
                throw w;
            }
            throw invalid("the full powers file is not a readable PDF");
        }
    }

    /** The name it is attached under: the given one when plain, else {@code full-powers-<party>.pdf}. */
    static String name(String given, String partyId) {
        String base = given == null ? "" : given.replaceAll(".*[/\\\\]", "").strip();
        return NAME.matcher(base).matches() ? base : "full-powers-" + partyId + ".pdf";
    }

    private static WorkflowException invalid(String message) {
        return new WorkflowException(WorkflowException.Kind.INVALID, message);
    }
}
