package org.accord.verify;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns DSS's reports and PDFBox's view of the fields into Accord's verdict, with Accord's own checks. */
final class Assessment {

    private final Reports reports;
    private final SimpleReport simple;
    private final List<SignedFields.Field> fields;
    private final byte[] pdf;
    private final Map<String, TrustAnchor> anchors;
    private final boolean demo;
    private final String policy;
    private final List<String> findings = new ArrayList<>();
    private Set<Integer> finalOverlaps;
    private int[] finalAnnotations;

    Assessment(Reports reports, List<SignedFields.Field> fields, byte[] pdf, Map<String, TrustAnchor> anchors,
               boolean demo, String policy) {
        this.reports = reports;
        this.simple = reports.getSimpleReport();
        this.fields = fields;
        this.pdf = pdf;
        this.anchors = anchors;
        this.demo = demo;
        this.policy = policy;
    }

    DocumentReport report(String file, String sha256) {
        List<SignatureReport> signatures = new ArrayList<>();
        Set<String> accounted = new HashSet<>();
        for (SignatureWrapper s : reports.getDiagnosticData().getSignatures()) {
            signatures.add(signature(s));
            accounted.addAll(fieldNames(s.getPDFRevision()));
        }
        for (TimestampWrapper t : reports.getDiagnosticData().getTimestampList()) {
            if (t.getPDFRevision() != null) {
                signatures.add(documentTimestamp(t));
                accounted.addAll(fieldNames(t.getPDFRevision()));
            }
        }
        for (SignedFields.Field f : fields) {
            if (!accounted.contains(f.name())) {
                signatures.add(unreadable(f));
            }
        }
        boolean tailClean = checkTail();
        if (signatures.isEmpty()) {
            findings.add("the document carries no signature");
        }
        boolean valid = !signatures.isEmpty() && tailClean && signatures.stream().allMatch(SignatureReport::passed);
        return new DocumentReport(file, valid, null, sha256, policy, demo, signatures, findings,
                AgreementInfo.of(pdf, signatures).orElse(null));
    }

    private SignatureReport signature(SignatureWrapper s) {
        String id = s.getId();
        PDFRevisionWrapper revision = s.getPDFRevision();
        List<String> after = modifications(revision);
        String timestamp = s.getTimestampListByType(TimestampType.SIGNATURE_TIMESTAMP).stream()
                .map(TimestampWrapper::getProductionTime).min(Date::compareTo).map(Assessment::iso).orElse(null);
        List<String> forbidden = forbidden(revision);
        boolean intact = s.isSignatureIntact() && s.isSignatureValid() && byteRangeValid(revision) && forbidden.isEmpty();
        return new SignatureReport(String.join(",", fieldNames(revision)), "signature", simple.getSignedBy(id),
                name(simple.getIndication(id)), name(simple.getSubIndication(id)), name(simple.getSignatureFormat(id)),
                iso(s.getClaimedSigningTime()), timestamp, intact, coversAll(revision), covers(revision),
                anchor(s.getCertificateChain()), after, withOwn(messages(simple.getAdESValidationErrors(id)), forbidden),
                messages(simple.getAdESValidationWarnings(id)));
    }

    private SignatureReport documentTimestamp(TimestampWrapper t) {
        String id = t.getId();
        PDFRevisionWrapper revision = t.getPDFRevision();
        List<String> forbidden = forbidden(revision);
        boolean intact = t.isMessageImprintDataIntact() && t.isSignatureIntact() && forbidden.isEmpty();
        return new SignatureReport(String.join(",", fieldNames(revision)), "document-timestamp",
                simple.getSignedBy(id), name(simple.getIndication(id)), name(simple.getSubIndication(id)),
                "document time-stamp", null, iso(t.getProductionTime()), intact, coversAll(revision), covers(revision),
                anchor(t.getCertificateChain()), modifications(revision),
                withOwn(messages(simple.getAdESValidationErrors(id)), forbidden), messages(simple.getAdESValidationWarnings(id)));
    }

    /**
     * DSS's errors, plus Accord's for a change DSS left at warning level or missed (an overlap the signed revision
     * lacked; an annotation added to a page that had none).
     * DSS's own FAIL-level findings are already among its errors.
     */
    private static List<String> withOwn(List<String> dssErrors, List<String> forbidden) {
        List<String> all = new ArrayList<>(dssErrors);
        forbidden.stream().filter(f -> f.startsWith("annotations laid over") || f.startsWith("annotations added after signing"))
                .forEach(f -> all.add("changed after signing: " + f + " [Accord]"));
        return all;
    }

    /** A field with a value DSS could not read as a signature (undecodable CMS): invalid, never silently dropped. */
    private SignatureReport unreadable(SignedFields.Field f) {
        if ("ETSI.RFC3161".equals(f.subFilter())) {
            // A document time-stamp DSS cannot use: it proves nothing, but neither does it show a forgery.
            return new SignatureReport(f.name(), "document-timestamp", null, "INDETERMINATE", "FORMAT_FAILURE", null,
                    null, null, false, false, null, null, List.of(),
                    List.of("the field holds a document time-stamp that cannot be verified: it proves nothing"), List.of());
        }
        return new SignatureReport(f.name(), "signature", null, "TOTAL_FAILED", "FORMAT_FAILURE", null, null, null,
                false, false, null, null, List.of(),
                List.of("the field holds a signature that cannot be decoded (" + f.subFilter() + "): it proves nothing"),
                List.of());
    }

    /**
     * Nothing may follow the last signed revision but validation data (a DSS dictionary) and document
     * time-stamps. Returns whether that holds; adds a finding when it does not.
     */
    private boolean checkTail() {
        long lastEnd = fields.stream().mapToLong(SignedFields.Field::end).max().orElse(0);
        if (lastEnd == 0 || lastEnd >= pdf.length) {
            return true;
        }
        int tail = pdf.length - (int) lastEnd;
        boolean whitespace = true;
        for (long i = lastEnd; i < pdf.length && whitespace; i++) {
            whitespace = Character.isWhitespace(pdf[(int) i]) || pdf[(int) i] == 0;
        }
        if (whitespace) {
            return true;
        }
        Optional<PDFRevisionWrapper> last = latestRevision();
        List<String> forbidden = last.map(this::forbidden).orElse(List.of());
        boolean extensionOnly = last.isPresent() && forbidden.isEmpty()
                && last.get().getPdfSignatureOrFormFillChanges().isEmpty() && !last.get().getPdfExtensionChanges().isEmpty();
        if (extensionOnly) {
            findings.add(tail + " bytes after the last signed revision: validation data only (long-term validation)");
            return true;
        }
        findings.add(tail + " bytes after the last signed revision are not covered by any signature"
                + (forbidden.isEmpty() ? "" : ": " + String.join("; ", forbidden)));
        return false;
    }

    /** The revision of the signature or document time-stamp that ends last in the file. */
    private Optional<PDFRevisionWrapper> latestRevision() {
        List<PDFRevisionWrapper> revisions = new ArrayList<>();
        reports.getDiagnosticData().getSignatures().forEach(s -> revisions.add(s.getPDFRevision()));
        reports.getDiagnosticData().getTimestampList().stream().filter(t -> t.getPDFRevision() != null)
                .forEach(t -> revisions.add(t.getPDFRevision()));
        return revisions.stream().filter(r -> r != null && r.getSignatureByteRange() != null && r.getSignatureByteRange().size() == 4)
                .max((a, b) -> end(a).compareTo(end(b)));
    }

    private static Long end(PDFRevisionWrapper r) {
        return r.getSignatureByteRange().get(2).longValue() + r.getSignatureByteRange().get(3).longValue();
    }

    /** Changes after the signature that no signature may tolerate. */
    private List<String> forbidden(PDFRevisionWrapper r) {
        List<String> found = new ArrayList<>();
        if (r == null) {
            return found;
        }
        if (!r.getPdfVisualDifferenceConcernedPages().isEmpty()) {
            found.add("the page content looks different on page(s) " + pages(r.getPdfVisualDifferenceConcernedPages()));
        }
        if (!r.getPdfPageDifferenceConcernedPages().isEmpty()) {
            found.add("pages added or removed (page(s) " + pages(r.getPdfPageDifferenceConcernedPages()) + ")");
        }
        Set<Integer> overlaps = newOverlaps(r);
        if (!overlaps.isEmpty()) {
            found.add("annotations laid over one another on page(s) "
                    + overlaps.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ", which the signed revision did not have");
        }
        Set<Integer> added = addedAnnotations(r);
        if (!added.isEmpty()) {
            found.add("annotations added after signing on page(s) "
                    + added.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (!r.getPdfAnnotationChanges().isEmpty()) {
            found.add("annotations added, changed or removed (" + r.getPdfAnnotationChanges().size() + " objects)");
        }
        if (!r.getPdfUndefinedChanges().isEmpty()) {
            found.add("other objects changed (" + r.getPdfUndefinedChanges().size() + ")");
        }
        return found;
    }

    /**
     * Pages with more annotations (form-field widgets aside) than the signed revision had. DSS misses an
     * annotation added to a page that had no /Annots array; this does not.
     */
    private Set<Integer> addedAnnotations(PDFRevisionWrapper r) {
        if (r.getSignatureByteRange() == null || r.getSignatureByteRange().size() != 4 || end(r) >= pdf.length) {
            return Set.of();
        }
        if (finalAnnotations == null) {
            finalAnnotations = AnnotationOverlap.nonWidgetCounts(pdf, pdf.length);
        }
        int[] signed = AnnotationOverlap.nonWidgetCounts(pdf, end(r).intValue());
        Set<Integer> pages = new java.util.TreeSet<>();
        for (int i = 0; i < finalAnnotations.length; i++) {
            if (finalAnnotations[i] > (i < signed.length ? signed[i] : 0)) {
                pages.add(i + 1);
            }
        }
        return pages;
    }

    /** Pages whose annotations overlap now but did not in the revision the signature covers. */
    private Set<Integer> newOverlaps(PDFRevisionWrapper r) {
        if (r.getPdfAnnotationsOverlapConcernedPages().isEmpty() || r.getSignatureByteRange() == null
                || r.getSignatureByteRange().size() != 4 || end(r) > pdf.length) {
            return Set.of();
        }
        if (finalOverlaps == null) {
            finalOverlaps = AnnotationOverlap.pages(pdf, pdf.length);
        }
        Set<Integer> added = new java.util.TreeSet<>(finalOverlaps);
        added.removeAll(AnnotationOverlap.pages(pdf, end(r).intValue()));
        return added;
    }

    /** Every change after the signature, the tolerated ones included. */
    private List<String> modifications(PDFRevisionWrapper r) {
        List<String> all = new ArrayList<>(forbidden(r));
        if (r != null && !r.getPdfSignatureOrFormFillChanges().isEmpty()) {
            all.add("signature fields signed or form fields filled (" + r.getPdfSignatureOrFormFillChanges().size() + " objects)");
        }
        if (r != null && !r.getPdfExtensionChanges().isEmpty()) {
            all.add("validation data added (" + r.getPdfExtensionChanges().size() + " objects)");
        }
        return all;
    }

    private static boolean byteRangeValid(PDFRevisionWrapper r) {
        return r == null || r.isSignatureByteRangeValid();
    }

    private boolean coversAll(PDFRevisionWrapper r) {
        return r != null && r.getSignatureByteRange() != null && r.getSignatureByteRange().size() == 4 && end(r) >= pdf.length;
    }

    private String covers(PDFRevisionWrapper r) {
        if (r == null || r.getSignatureByteRange() == null || r.getSignatureByteRange().size() != 4) {
            return null;
        }
        return "bytes 0–" + end(r) + " of " + pdf.length + (end(r) >= pdf.length ? " (the whole document)" : "");
    }

    private String anchor(List<CertificateWrapper> chain) {
        for (CertificateWrapper c : chain) {
            TrustAnchor a = anchors.get(c.getId());
            if (a != null) {
                return a.demo() ? a.label() + " (DEMO TRUST ANCHOR)" : a.label();
            }
        }
        return null;
    }

    private static List<String> fieldNames(PDFRevisionWrapper r) {
        return r == null ? List.of() : r.getSignatureFieldNames();
    }

    private static List<String> messages(List<Message> messages) {
        return messages == null ? List.of() : messages.stream().map(m -> m.getValue() + " [" + m.getKey() + "]").toList();
    }

    private static String pages(List<java.math.BigInteger> pages) {
        return pages.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String name(Object value) {
        return value == null ? null : value.toString();
    }

    static String iso(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
