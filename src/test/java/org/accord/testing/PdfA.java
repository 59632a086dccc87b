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
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            if (!result.isCompliant()) {
                String failures = result.getTestAssertions().stream()
                        .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                        .distinct()
                        .collect(Collectors.joining("\n  "));
                fail(name + " is not PDF/A-3b according to veraPDF:\n  " + failures);
            }
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate " + name + ": " + e, e);
        }
    }
}
