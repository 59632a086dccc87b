package org.accord.sign;

import eu.europa.esig.dss.pdf.AnnotationBox;
import eu.europa.esig.dss.pdf.PdfAnnotation;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.modifications.PdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.PdfModification;
import eu.europa.esig.dss.pdf.modifications.PdfObjectModifications;
import eu.europa.esig.dss.pdf.modifications.PdfObjectModificationsFinder;
import java.util.List;

/**
 * What DSS compares between revisions when it reads the signatures already in a document, switched off for
 * signing: adding a B-LT signature makes DSS read every earlier signature again (to gather its validation data),
 * and by default it then compares each signed revision with the document, object by object. Those comparisons
 * only feed a validation report, which signing does not produce; whether the earlier signatures still hold is
 * {@link Preflight}'s question, answered before DSS is called (and again by the verifier, with DSS's own finders).
 */
final class NoComparison implements PdfObjectModificationsFinder, PdfDifferencesFinder {

    @Override
    public PdfObjectModifications find(PdfDocumentReader signedRevision, PdfDocumentReader finalRevision) {
        return new PdfObjectModifications();
    }

    @Override
    public List<PdfModification> getAnnotationOverlaps(PdfDocumentReader reader) {
        return List.of();
    }

    @Override
    public boolean isAnnotationBoxOverlapping(AnnotationBox box, List<PdfAnnotation> annotations) {
        return false;
    }

    @Override
    public List<PdfModification> getPagesDifferences(PdfDocumentReader signedRevision, PdfDocumentReader finalRevision) {
        return List.of();
    }

    @Override
    public List<PdfModification> getVisualDifferences(PdfDocumentReader signedRevision, PdfDocumentReader finalRevision) {
        return List.of();
    }
}
