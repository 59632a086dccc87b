package org.accord.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** PDF/A conformance as veraPDF, the reference validator, judges it. */
public final class PdfA {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfA() {
    }

    /** Fails with every failed rule unless {@code pdf} conforms to PDF/A-3b. */
    public static void assertPdfA3b(byte[] pdf, String name) {
        assertConforms(pdf, name, PDFAFlavour.PDFA_3_B);
    }

    /** Fails with every failed rule unless {@code pdf} conforms to PDF/UA-1 (ISO 14289-1, the machine-checkable part). */
    public static void assertPdfUa1(byte[] pdf, String name) {
        assertConforms(pdf, name, PDFAFlavour.PDFUA_1);
    }

    /** The rules of {@code flavour} that {@code pdf} fails, one line each; empty when it conforms. */
    public static String failures(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            return result.isCompliant() ? "" : result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct()
                    .collect(Collectors.joining("\n  "));
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate: " + e, e);
        }
    }

    private static void assertConforms(byte[] pdf, String name, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            if (!result.isCompliant()) {
                String failures = result.getTestAssertions().stream()
                        .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                        .distinct()
                        .collect(Collectors.joining("\n  "));
                fail(name + " is not " + flavour.getId() + " according to veraPDF:\n  " + failures);
            }
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate " + name + ": " + e, e);
        }
    }
}
