package org.accord.verify;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.math.BigInteger;
import org.accord.model.DesignatedSigner;
import org.accord.render.OriginalMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns DSS's reports, PDFBox's view of the fields and Accord's reading of the revisions into Accord's verdict:
 * which signatures hold, which time-stamps prove a time, what changed after each signature and whether a signature
 * tolerates it, what follows the last one, and whether an Accord original is complete.
 */
final class Assessment {

    /** What the assessment works from; {@code revisions} is null for a document without signature fields. */
    record Inputs(Reports reports, SimpleReport russian, List<SignedFields.Field> fields, Revisions.Result revisions,
                  VisualCheck.Ahead visuals, OpenPdfCheck.Result independent, byte[] pdf, Map<String, TrustAnchor> anchors, boolean demo, String policy) {
    }

    private final Inputs in;
    private final SimpleReport simple;
    private final Deadline deadline;
    private final List<Finding> findings = new ArrayList<>();
    private Set<Integer> finalOverlaps;
    private java.util.Optional<OriginalMetadata> metadata;

    Assessment(Inputs in, Deadline deadline) {
        this.in = in;
        this.simple = in.reports().getSimpleReport();
        this.deadline = deadline;
    }

    DocumentReport report(String file, String sha256) {
        List<SignatureReport> signatures = new ArrayList<>();
        Set<String> accounted = new HashSet<>();
        for (SignatureWrapper s : in.reports().getDiagnosticData().getSignatures()) {
            deadline.check();
            signatures.add(signature(s));
            accounted.addAll(fieldNames(s.getPDFRevision()));
        }
        for (TimestampWrapper t : in.reports().getDiagnosticData().getTimestampList()) {
            if (t.getPDFRevision() != null) {
                deadline.check();
                signatures.add(documentTimestamp(t));
                accounted.addAll(fieldNames(t.getPDFRevision()));
            }
        }
        for (SignedFields.Field f : in.fields()) {
            if (!accounted.contains(f.name())) {
                signatures.add(undecodable(f));
            }
        }
        boolean tailClean = checkTail();
        if (signatures.isEmpty()) {
            findings.add(Finding.of(Finding.Code.NO_SIGNATURE));
        }
        boolean valid = !signatures.isEmpty() && tailClean && signatures.stream().allMatch(SignatureReport::passed);
        AgreementInfo.Result agreement = AgreementInfo.of(metadata(), signatures).orElse(null);
        Boolean complete = agreement == null ? null : agreement.complete();
        if (agreement != null && complete && valid && !agreement.timesProven()) {
            findings.add(Finding.of(Finding.Code.ENTRY_INTO_FORCE_UNPROVEN));
        }
        DocumentReport.Verdict verdict = !valid ? DocumentReport.Verdict.NOT_VALID
                : Boolean.FALSE.equals(complete) ? DocumentReport.Verdict.INCOMPLETE : DocumentReport.Verdict.VALID;
        return new DocumentReport(file, verdict, valid, null, sha256, in.policy(), in.demo(), signatures, findings,
                agreement == null ? null : agreement.agreement(), complete, agreement == null ? List.of() : agreement.missing());
    }

    /** The bytes the first signature covers: what the original declared itself to be when it was signed. */
    private byte[] declaringRevision() {
        long first = in.fields().stream().mapToLong(SignedFields.Field::end).filter(e -> e > 0).min().orElse(in.pdf().length);
        return java.util.Arrays.copyOf(in.pdf(), (int) Math.min(first, in.pdf().length));
    }

    private SignatureReport signature(SignatureWrapper s) {
        String id = s.getId();
        PDFRevisionWrapper revision = s.getPDFRevision();
        List<TimestampReport> timestamps = timestamps(s.getTimestampList());
        Instant proven = timestamps.stream().filter(t -> t.kind() == TimestampReport.Kind.SIGNATURE && t.passed())
                .map(TimestampReport::genTime).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        List<Finding> errors = dssMessages(id, true);
        List<Finding> warnings = dssMessages(id, false);
        List<Change> after = changesAfter(revision, warnings);
        Change.Level allowed = revision != null && revision.getDocMDPPermissions() == CertificationPermission.NO_CHANGE_PERMITTED
                ? Change.Level.VALIDATION : Change.Level.FORM_FILLING;
        List<Change> forbidden = after.stream().filter(c -> !c.permittedUpTo(allowed)).toList();
        forbidden.forEach(c -> errors.add(Finding.of(Finding.Code.CHANGED_AFTER_SIGNING, "change", c)));
        timestampFindings(timestamps, errors, warnings);
        boolean intact = s.isSignatureIntact() && s.isSignatureValid() && byteRangeValid(revision) && forbidden.isEmpty();
        List<TimestampWrapper> signatureTimestamps = s.getTimestampList().stream()
                .filter(t -> t.getType() == eu.europa.esig.dss.enumerations.TimestampType.SIGNATURE_TIMESTAMP).toList();
        IndependentCheck independent = independent(fieldNames(revision), new IndependentCheck.Dss(byteRangeValid(revision),
                revision == null ? null : revision.getSignatureByteRange(),
                s.isSignatureIntact() && s.isSignatureValid() && (s.getMessageDigest() == null || s.getMessageDigest().isDataIntact()),
                s.getSigningCertificate() == null ? null : s.getSigningCertificate().getBinaries(),
                signatureTimestamps.isEmpty() ? null : signatureTimestamps.stream().allMatch(TimestampWrapper::isMessageImprintDataIntact)));
        if (independent.brokenOnlyIndependently()) {
            errors.add(Finding.of(Finding.Code.INDEPENDENT_CHECK_BROKEN, "point", independent.point()));
            intact = false;
        }
        Indication indication = simple.getIndication(id);
        SubIndication sub = simple.getSubIndication(id);
        Indication accord = indication;
        SubIndication accordSub = sub;
        if (!intact && indication != Indication.TOTAL_FAILED) {
            accord = Indication.TOTAL_FAILED;
            accordSub = SubIndication.FORMAT_FAILURE;
        } else if (indication != Indication.TOTAL_FAILED) {
            // A broken signature time-stamp means the signature claims a time it cannot prove: not valid as made.
            TimestampReport failed = timestamps.stream().filter(t -> t.failed() && t.kind() == TimestampReport.Kind.SIGNATURE)
                    .findFirst().orElse(null);
            if (failed != null) {
                accord = Indication.TOTAL_FAILED;
                accordSub = failed.subIndication() == null ? SubIndication.FORMAT_FAILURE : failed.subIndication();
            }
        }
        String field = String.join(",", fieldNames(revision));
        String party = partyOf(field);
        Boolean designated = designated(party, s, errors, warnings);
        if (party == null && metadata().isPresent() && (revision == null || revision.getDocMDPPermissions() == null)) {
            // an Accord original signed in a field of no party (and not the secretariat's certification)
            warnings.add(Finding.of(Finding.Code.SIGNED_FOR_NO_PARTY, "field", field, "signer", String.valueOf(simple.getSignedBy(id))));
        }
        if (Boolean.FALSE.equals(designated) && accord != Indication.TOTAL_FAILED) {
            // someone signed for a party who is not its designated signatory: the party has not signed
            accord = Indication.TOTAL_FAILED;
            accordSub = SubIndication.CHAIN_CONSTRAINTS_FAILURE;
        }
        SignatureReport.Completion completion = party == null ? null : completion(party, proven, warnings);
        return new SignatureReport(field, SignatureReport.Kind.SIGNATURE, simple.getSignedBy(id), party, designated,
                accord, accordSub, indication, sub, level(name(simple.getSignatureFormat(id)), timestamps, proven),
                instant(s.getClaimedSigningTime()), proven, timestamps, fullPowers(field), intact, coversAll(revision), covers(revision),
                anchor(s.getCertificateChain()), after, errors, warnings, completion, independent);
    }

    private IndependentCheck independent(List<String> names, IndependentCheck.Dss dss) {
        return IndependentCheck.compare(in.independent(), names, dss);
    }

    private static final java.time.format.DateTimeFormatter TREATY_DATE =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);
    private java.util.Map<String, String> textFields;

    /**
     * The party's completed signature block (its place and date fields, which its signature locks); null when the
     * original has none. An empty block, or a date other than the UTC day of the signature time-stamp, is a warning.
     */
    private SignatureReport.Completion completion(String party, Instant proven, List<Finding> warnings) {
        if (textFields == null) {
            textFields = SignedFields.textValues(in.pdf(), deadline);
        }
        if (!textFields.containsKey("place-" + party + "-en")) {
            return null;
        }
        SignatureReport.Completion c = new SignatureReport.Completion(textFields.get("place-" + party + "-en"),
                textFields.get("place-" + party + "-ru"), textFields.get("date-" + party + "-en"), textFields.get("date-" + party + "-ru"));
        if (c.place() == null || c.placeRu() == null || c.date() == null || c.dateRu() == null) {
            warnings.add(Finding.of(Finding.Code.COMPLETION_MISSING, "party", party));
            return c;
        }
        if (proven != null) {
            java.time.LocalDate day = java.time.LocalDate.ofInstant(proven, java.time.ZoneOffset.UTC);
            java.time.LocalDate said = null;
            try {
                said = java.time.LocalDate.parse(c.date().replace('\u00A0', ' '), TREATY_DATE);
            } catch (java.time.format.DateTimeParseException e) {
                // not a date as Accord writes it
            }
            if (!day.equals(said)) {
                warnings.add(Finding.of(Finding.Code.COMPLETION_DATE_DIFFERS, "date", c.date(), "day", TREATY_DATE.format(day)));
            }
        }
        return c;
    }

    private SignatureReport documentTimestamp(TimestampWrapper t) {
        String id = t.getId();
        PDFRevisionWrapper revision = t.getPDFRevision();
        List<Finding> errors = dssMessages(id, true);
        List<Finding> warnings = dssMessages(id, false);
        List<Change> after = changesAfter(revision, warnings);
        List<Change> forbidden = after.stream().filter(c -> !c.permittedUpTo(Change.Level.FORM_FILLING)).toList();
        forbidden.forEach(c -> errors.add(Finding.of(Finding.Code.CHANGED_AFTER_SIGNING, "change", c)));
        boolean intact = t.isMessageImprintDataIntact() && t.isSignatureIntact() && forbidden.isEmpty();
        IndependentCheck independent = independent(fieldNames(revision), new IndependentCheck.Dss(byteRangeValid(revision),
                revision == null ? null : revision.getSignatureByteRange(), t.isSignatureIntact(),
                t.getSigningCertificate() == null ? null : t.getSigningCertificate().getBinaries(), t.isMessageImprintDataIntact()));
        if (independent.brokenOnlyIndependently()) {
            errors.add(Finding.of(Finding.Code.INDEPENDENT_CHECK_BROKEN, "point", independent.point()));
            intact = false;
        }
        Indication indication = simple.getIndication(id);
        SubIndication sub = simple.getSubIndication(id);
        Indication accord = !intact && indication != Indication.FAILED ? Indication.FAILED : indication;
        SubIndication accordSub = !intact && indication != Indication.FAILED ? SubIndication.FORMAT_FAILURE : sub;
        Instant genTime = instant(t.getProductionTime());
        boolean passed = indication == Indication.PASSED && intact;
        return new SignatureReport(String.join(",", fieldNames(revision)), SignatureReport.Kind.DOCUMENT_TIMESTAMP,
                simple.getProducedBy(id), null, null, accord, accordSub, indication, sub, "PAdES document time-stamp", null,
                passed ? genTime : null, timestamps(List.of(t)), List.of(), intact, coversAll(revision), covers(revision),
                anchor(t.getCertificateChain()), after, errors, warnings, null, independent);
    }

    private List<TimestampReport> timestamps(List<TimestampWrapper> wrappers) {
        List<TimestampReport> list = new ArrayList<>();
        for (TimestampWrapper t : wrappers) {
            Indication indication = simple.getIndication(t.getId());
            SubIndication sub = simple.getSubIndication(t.getId());
            if (indication == null) {
                indication = in.reports().getDetailedReport().getBasicTimestampValidationIndication(t.getId());
                sub = in.reports().getDetailedReport().getBasicTimestampValidationSubIndication(t.getId());
            }
            if (!t.isMessageImprintDataIntact() || !t.isSignatureIntact() || !t.isSignatureValid()) {
                // DSS says so too; the verdict on a broken token never rests on a later step.
                indication = Indication.FAILED;
                sub = !t.isMessageImprintDataIntact() ? SubIndication.HASH_FAILURE : SubIndication.SIG_CRYPTO_FAILURE;
            }
            CertificateWrapper tsa = t.getSigningCertificate();
            TimestampReport.Kind kind = t.getPDFRevision() != null ? TimestampReport.Kind.DOCUMENT : TimestampReport.Kind.of(t.getType());
            list.add(new TimestampReport(t.getId(), kind, indication, sub, instant(t.getProductionTime()),
                    tsa == null ? null : tsa.getCommonName()));
        }
        list.sort(Comparator.comparing(TimestampReport::genTime, Comparator.nullsLast(Comparator.naturalOrder())));
        return list;
    }

    private static void timestampFindings(List<TimestampReport> timestamps, List<Finding> errors, List<Finding> warnings) {
        for (TimestampReport t : timestamps) {
            if (t.failed()) {
                errors.add(Finding.of(Finding.Code.TIMESTAMP_FAILED, "kind", t.kind(), "genTime", t.genTime(),
                        "subIndication", t.subIndication() == null ? SubIndication.FORMAT_FAILURE : t.subIndication()));
            } else if (!t.passed()) {
                warnings.add(Finding.of(Finding.Code.TIMESTAMP_NOT_CONFIRMED, "kind", t.kind(), "genTime", t.genTime(),
                        "subIndication", t.subIndication() == null ? SubIndication.NO_POE : t.subIndication()));
            }
        }
    }

    /**
     * The level the time-stamps that hold support: DSS names the structure it finds; without a signature time-stamp
     * that passed, no level above B is claimed, and without archive time-stamps that all pass, none above LT.
     */
    private static String level(String format, List<TimestampReport> timestamps, Instant proven) {
        if (format == null || !format.contains("-BASELINE-")) {
            return format;
        }
        String base = format.substring(0, format.indexOf("-BASELINE-") + "-BASELINE-".length());
        if (proven == null && !format.endsWith("-B")) {
            return base + "B";
        }
        boolean archiveFailed = timestamps.stream().anyMatch(t -> t.kind() != TimestampReport.Kind.SIGNATURE && !t.passed());
        if (format.endsWith("-LTA") && archiveFailed) {
            return base + "LT";
        }
        return format;
    }

    /** Every change after the revision a signature covers: Accord's reading of the updates, with DSS's page checks. */
    private List<Change> changesAfter(PDFRevisionWrapper r, List<Finding> warnings) {
        if (r == null || in.revisions() == null || !fullRange(r)) {
            return List.of();
        }
        long end = end(r);
        List<Change> changes = new ArrayList<>(in.revisions().after(end));
        Updates.Damage damage = in.revisions().structure().damage();
        if (damage != null && damage.offset() >= end && damage.offset() < lastSignedEnd()) {
            changes.add(Change.of(Change.Kind.UNREADABLE_UPDATE, 0));
        }
        if (!r.getPdfPageDifferenceConcernedPages().isEmpty()) {
            changes.add(new Change(Change.Kind.PAGES_ADDED_OR_REMOVED, pages(r.getPdfPageDifferenceConcernedPages()), List.of(), 0));
        }
        Set<Integer> overlaps = newOverlaps(r);
        if (!overlaps.isEmpty()) {
            changes.add(new Change(Change.Kind.ANNOTATIONS_OVERLAPPING, List.copyOf(overlaps), List.of(), 0));
        }
        Set<String> hidden = VisualCheck.toHide(changes);
        if (hidden != null) {
            VisualCheck.Result visual = in.visuals().outside(in.pdf(), end, hidden, deadline);
            if (visual.same()) {
                warnings.add(Finding.of(Finding.Code.VISUAL_DIFFERENCE_EXPLAINED, "pages",
                        String.join(", ", visual.pages().stream().map(String::valueOf).toList())));
            } else {
                changes.add(new Change(Change.Kind.VISUAL_DIFFERENCE, visual.pages(), List.of(), 0));
            }
        }
        return Revisions.merge(changes);
    }

    /** The files associated with a signed field, each said to be covered when the revision the signature signed holds it. */
    private List<SignatureReport.FullPowers> fullPowers(String field) {
        SignedFields.Field f = in.fields().stream().filter(x -> x.name().equals(field)).findFirst().orElse(null);
        if (f == null || f.attachments().isEmpty()) {
            return List.of();
        }
        long end = f.end();
        List<SignedFields.Attachment> signed = end > 0 && end <= in.pdf().length
                ? SignedFields.attachmentsOf(java.util.Arrays.copyOf(in.pdf(), (int) end), field, deadline) : List.of();
        return f.attachments().stream().map(a -> new SignatureReport.FullPowers(a.fileName(), a.size(), a.sha256(),
                a.sha256() != null && signed.contains(a))).toList();
    }

    /** The metadata the original declared when first signed; empty for a PDF that is not an Accord original. */
    private java.util.Optional<OriginalMetadata> metadata() {
        if (metadata == null) {
            metadata = OriginalMetadata.read(declaringRevision());
        }
        return metadata;
    }

    /** The party whose field {@code field} is, for an Accord original that declares it; else null. */
    private String partyOf(String field) {
        if (!field.startsWith("sig-")) {
            return null;
        }
        String id = field.substring("sig-".length());
        return metadata().flatMap(m -> m.signatory(id)).isPresent() ? id : null;
    }

    /**
     * Whether the signature's certificate is the designated signer's of {@code party} (null when there is none to
     * compare with); a finding when it is not, and a note when the original names its signatory but not the
     * certificate (made before Accord recorded designated signers), so that the match rests on the name alone.
     */
    private Boolean designated(String party, SignatureWrapper s, List<Finding> errors, List<Finding> warnings) {
        OriginalMetadata.Signatory declared = party == null ? null : metadata().flatMap(m -> m.signatory(party)).orElse(null);
        if (declared == null || declared.designated() == null) {
            return null;
        }
        List<java.security.cert.X509Certificate> chain = chain(s);
        String signer = chain.isEmpty() ? simple.getSignedBy(s.getId()) : DesignatedSigner.subject(chain.get(0), "CN");
        org.accord.model.Text partyName = declared.shortName() != null ? declared.shortName()
                : new org.accord.model.Text(party, party);
        List<DesignatedSigner.Mismatch> wrong = declared.byNameOnly()
                ? (!chain.isEmpty() && DesignatedSigner.namesSignatory(declared.designated().name(), signer) ? List.of()
                        : List.of(DesignatedSigner.Mismatch.NAME))
                : declared.designated().mismatches(chain);
        if (!wrong.isEmpty()) {
            errors.add(Finding.of(Finding.Code.WRONG_SIGNER, "party", partyName, "partyId", party, "signer",
                    signer == null ? "?" : signer, "designated", declared.designated().name(),
                    "mismatches", wrong.stream().map(Enum::name).toList()));
            return false;
        }
        if (declared.byNameOnly()) {
            warnings.add(Finding.of(Finding.Code.SIGNER_MATCHED_BY_NAME, "party", partyName, "partyId", party, "signer", signer));
        }
        return true;
    }

    /** The signing certificate and its chain, as DSS built it; empty when DSS identified no signing certificate. */
    private static List<java.security.cert.X509Certificate> chain(SignatureWrapper s) {
        List<java.security.cert.X509Certificate> chain = new ArrayList<>();
        CertificateWrapper signing = s.getSigningCertificate();
        if (signing == null) {
            return chain;
        }
        try {
            java.security.cert.CertificateFactory factory = java.security.cert.CertificateFactory.getInstance("X.509");
            List<CertificateWrapper> wrappers = new ArrayList<>(s.getCertificateChain());
            if (wrappers.isEmpty() || !wrappers.get(0).getId().equals(signing.getId())) {
                wrappers.add(0, signing);
            }
            for (CertificateWrapper w : wrappers) {
                chain.add((java.security.cert.X509Certificate) factory.generateCertificate(
                        new java.io.ByteArrayInputStream(w.getBinaries())));
            }
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            // a certificate DSS kept but Java cannot parse: compare with what could be read
        }
        return chain;
    }

    /** A field with a value DSS could not read as a signature (undecodable CMS): invalid, never silently dropped. */
    private SignatureReport undecodable(SignedFields.Field f) {
        if ("ETSI.RFC3161".equals(f.subFilter())) {
            // A document time-stamp DSS cannot use: it proves nothing, but neither does it show a forgery.
            return new SignatureReport(f.name(), SignatureReport.Kind.DOCUMENT_TIMESTAMP, null, null, null, Indication.INDETERMINATE,
                    SubIndication.FORMAT_FAILURE, null, null, null, null, null, List.of(), List.of(), false, false, null, null, List.of(),
                    List.of(Finding.of(Finding.Code.UNDECODABLE_TIMESTAMP)), List.of(), null, undecodableCheck(f.name()));
        }
        return new SignatureReport(f.name(), SignatureReport.Kind.SIGNATURE, null, partyOf(f.name()), null, Indication.TOTAL_FAILED,
                SubIndication.FORMAT_FAILURE, null, null, null, null, null, List.of(), List.of(), false, false, null, null, List.of(),
                List.of(Finding.of(Finding.Code.UNDECODABLE_SIGNATURE, "subFilter", String.valueOf(f.subFilter()))), List.of(),
                null, undecodableCheck(f.name()));
    }

    private IndependentCheck undecodableCheck(String field) {
        return IndependentCheck.undecodable(in.independent(), field);
    }

    /**
     * Nothing may follow the last signed revision but complete incremental updates that add validation data or
     * document information. Returns whether that holds; adds a finding either way when anything follows.
     */
    private boolean checkTail() {
        long lastEnd = lastSignedEnd();
        Revisions.Result revisions = in.revisions();
        if (lastEnd == 0 || revisions == null) {
            return true;
        }
        byte[] pdf = in.pdf();
        Updates.Damage damage = revisions.structure().damage();
        if (damage == null) {
            damage = truncatedAtEnd(revisions.structure(), lastEnd);
        }
        if (damage != null && damage.offset() >= lastEnd - 1) {
            findings.add(Finding.of(Finding.Code.DAMAGED_AFTER_LAST_SIGNATURE, "offset", (long) damage.offset(),
                    "bytes", (long) pdf.length - damage.offset(), "damage", damage.kind()));
            return false;
        }
        if (damage != null) {
            findings.add(Finding.of(Finding.Code.UNREADABLE_AFTER_SIGNATURE, "offset", (long) damage.offset()));
            return false;
        }
        long tail = pdf.length - lastEnd;
        List<Change> after = revisions.after(lastEnd);
        if (tail <= 0 || revisions.structure().updates().stream().noneMatch(u -> u.start() >= lastEnd)) {
            return true;
        }
        if (after.stream().allMatch(c -> c.permittedUpTo(Change.Level.VALIDATION))) {
            findings.add(Finding.of(Finding.Code.TAIL_VALIDATION_DATA, "bytes", tail));
            return true;
        }
        findings.add(Finding.of(Finding.Code.TAIL_NOT_COVERED, "bytes", tail,
                "changes", after.stream().filter(c -> !c.permittedUpTo(Change.Level.VALIDATION)).toList()));
        return false;
    }

    /**
     * A last update that ends right after {@code %%EOF} while every earlier revision ended its last line: the
     * writer's own habit says the file was cut.
     */
    private Updates.Damage truncatedAtEnd(Updates.Structure structure, long lastEnd) {
        List<Updates.Update> updates = structure.updates();
        if (updates.isEmpty()) {
            return null;
        }
        Updates.Update last = updates.get(updates.size() - 1);
        byte[] pdf = in.pdf();
        boolean endsLine = last.end() > last.eof();
        boolean writerEndsLines = structure.from() > 0 && (pdf[structure.from() - 1] == '\n' || pdf[structure.from() - 1] == '\r')
                && updates.subList(0, updates.size() - 1).stream().allMatch(u -> u.end() > u.eof());
        if (!endsLine && writerEndsLines && last.eof() == pdf.length && last.start() >= lastEnd) {
            return new Updates.Damage(Updates.DamageKind.TRUNCATED_AT_END, pdf.length);
        }
        return null;
    }

    /** Where the last signed revision (signature or document time-stamp) ends. */
    private long lastSignedEnd() {
        long end = in.fields().stream().mapToLong(SignedFields.Field::end).max().orElse(0);
        for (SignatureWrapper s : in.reports().getDiagnosticData().getSignatures()) {
            if (s.getPDFRevision() != null && fullRange(s.getPDFRevision())) {
                end = Math.max(end, end(s.getPDFRevision()));
            }
        }
        return Math.min(end, in.pdf().length);
    }

    /** Pages whose annotations overlap now but did not in the revision the signature covers. */
    private Set<Integer> newOverlaps(PDFRevisionWrapper r) {
        if (r.getPdfAnnotationsOverlapConcernedPages().isEmpty() || end(r) > in.pdf().length) {
            return Set.of();
        }
        deadline.check();
        if (finalOverlaps == null) {
            finalOverlaps = AnnotationOverlap.pages(in.pdf(), in.pdf().length);
        }
        Set<Integer> added = new TreeSet<>(finalOverlaps);
        added.removeAll(AnnotationOverlap.pages(in.pdf(), (int) end(r)));
        return added;
    }

    /** DSS's errors (or warnings) on a token, each with its English and Russian wording. */
    private List<Finding> dssMessages(String id, boolean errors) {
        List<Message> en = errors ? simple.getAdESValidationErrors(id) : simple.getAdESValidationWarnings(id);
        List<Message> ru = in.russian() == null ? List.of()
                : errors ? in.russian().getAdESValidationErrors(id) : in.russian().getAdESValidationWarnings(id);
        List<Finding> found = new ArrayList<>();
        if (en == null) {
            return found;
        }
        for (int i = 0; i < en.size(); i++) {
            Message m = en.get(i);
            String russian = ru != null && i < ru.size() && m.getKey().equals(ru.get(i).getKey()) ? ru.get(i).getValue() : null;
            found.add(Finding.of(Finding.Code.DSS_MESSAGE, "key", m.getKey(), "en", m.getValue(), "ru", russian));
        }
        return found;
    }

    private static boolean fullRange(PDFRevisionWrapper r) {
        return r.getSignatureByteRange() != null && r.getSignatureByteRange().size() == 4;
    }

    private static long end(PDFRevisionWrapper r) {
        return r.getSignatureByteRange().get(2).longValue() + r.getSignatureByteRange().get(3).longValue();
    }

    private static boolean byteRangeValid(PDFRevisionWrapper r) {
        return r == null || r.isSignatureByteRangeValid();
    }

    private boolean coversAll(PDFRevisionWrapper r) {
        return r != null && fullRange(r) && end(r) >= in.pdf().length;
    }

    private SignatureReport.Covers covers(PDFRevisionWrapper r) {
        return r == null || !fullRange(r) ? null : new SignatureReport.Covers(end(r), in.pdf().length);
    }

    private String anchor(List<CertificateWrapper> chain) {
        for (CertificateWrapper c : chain) {
            TrustAnchor a = in.anchors().get(c.getId());
            if (a != null) {
                return a.label();
            }
        }
        return null;
    }

    private static List<String> fieldNames(PDFRevisionWrapper r) {
        return r == null ? List.of() : r.getSignatureFieldNames();
    }

    private static List<Integer> pages(List<BigInteger> pages) {
        return pages.stream().map(BigInteger::intValue).distinct().sorted().toList();
    }

    private static String name(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
