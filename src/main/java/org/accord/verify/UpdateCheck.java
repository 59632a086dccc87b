package org.accord.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;

/**
 * What one incremental update changed, object by object, and of which kind: every object the update defines
 * anew must be explained by a permitted change (signing a field, filling in a form, validation data, document
 * information), or it is reported as the forbidden change it is.
 */
final class UpdateCheck {

    /** Catalog entries a signature, validation data or an extension level may change. */
    private static final Set<String> CATALOG_EXEMPT = Set.of("AcroForm", "DSS", "Extensions", "Metadata", "MarkInfo", "Version",
            "Names");
    private static final Set<String> ACROFORM_EXEMPT = Set.of("Fields", "DR", "DA", "SigFlags", "NeedAppearances");
    /** What filling in (or signing) a field may change in the field or its widget. */
    private static final Set<String> FIELD_VALUE_KEYS = Set.of("V", "AP", "AS", "F", "DA", "Q", "MK", "Ff", "Type");
    /** What draws a field: changing it without changing the value shows a different value than the field holds. */
    private static final Set<String> APPEARANCE_KEYS = Set.of("AP", "AS", "MK", "DA", "Q");
    private static final Set<String> DSS_KEYS = Set.of("Type", "VRI", "Certs", "CRLs", "OCSPs");
    /** Annotation flags that show or hide an annotation: Invisible, Hidden, NoView, ToggleNoView. */
    private static final int VISIBILITY_FLAGS = 1 | 2 | 32 | 256;

    private final RevisionState before;
    private final RevisionState after;
    private final Updates.Update update;
    private final References graph;
    private final Deadline deadline;
    private final Map<Change.Kind, Found> found = new LinkedHashMap<>();
    private final Set<Integer> defined = new HashSet<>();
    /** Fields whose value this update sets or changes. */
    private final Set<Integer> valueChanged = new HashSet<>();

    private static final class Found {
        final Set<Integer> pages = new TreeSet<>();
        final Set<String> fields = new java.util.LinkedHashSet<>();
        final Set<Integer> objects = new HashSet<>();
    }

    private UpdateCheck(RevisionState before, RevisionState after, Updates.Update update, References graph, Deadline deadline) {
        this.before = before;
        this.after = after;
        this.update = update;
        this.graph = graph;
        this.deadline = deadline;
    }

    /** The changes {@code update} makes to {@code before}, giving {@code after}; {@code graph} describes {@code before}. */
    static List<Change> changes(RevisionState before, RevisionState after, Updates.Update update, References graph,
                                Deadline deadline) {
        return new UpdateCheck(before, after, update, graph, deadline).run();
    }

    /** The numbers of the objects the update (re)defines, as the check found them. */
    static Set<Integer> definedBy(RevisionState before, Updates.Update update) {
        Set<Integer> numbers = new HashSet<>();
        for (Updates.Entry e : update.defined()) {
            if (!restates(before, update, e)) {
                numbers.add(e.number());
            }
        }
        return numbers;
    }

    private List<Change> run() {
        structure();
        trailer();
        for (int n : definedBy(before, update)) {
            deadline.check();
            defined.add(n);
            if (before.get(n) instanceof COSDictionary old && isField(old) && after.get(n) instanceof COSDictionary now
                    && !same(old.getItem(COSName.V), now.getItem(COSName.V))) {
                valueChanged.add(n);
            }
        }
        for (int n : defined) {
            deadline.check();
            object(n);
        }
        List<Change> changes = new ArrayList<>();
        found.forEach((kind, f) -> changes.add(new Change(kind, List.copyOf(f.pages), List.copyOf(f.fields), f.objects.size())));
        return changes;
    }

    /** An entry pointing back at the very definition already in effect only restates it. */
    private static boolean restates(RevisionState before, Updates.Update update, Updates.Entry e) {
        return e.type() == Updates.EntryType.IN_USE && e.offset() < update.start() && before.offset(e.number()) != null
                && before.offset(e.number()) == e.offset();
    }

    private void structure() {
        for (Updates.Anomaly a : update.anomalies()) {
            switch (a.problem()) {
                case POINTS_OUTSIDE_UPDATE -> {
                    boolean restated = update.entries().stream().anyMatch(e -> e.number() == a.object() && restates(before, update, e));
                    if (!restated) {
                        note(Change.Kind.XREF_REDIRECTED, a.object());
                    }
                }
                case POINTS_AT_OTHER_OBJECT -> note(Change.Kind.XREF_REDIRECTED, a.object());
                case UNLISTED_OBJECT -> note(Change.Kind.UNLISTED_OBJECTS, a.object());
                case DEFINED_TWICE -> note(Change.Kind.DEFINED_TWICE, a.object());
                case BROKEN_CHAIN -> note(Change.Kind.BROKEN_XREF_CHAIN, 0);
            }
        }
        for (Updates.Entry e : update.entries()) {
            if (e.type() == Updates.EntryType.FREE && e.number() != 0 && before.inUse(e.number())) {
                note(Change.Kind.OBJECTS_FREED, e.number());
            }
        }
    }

    private void trailer() {
        COSDictionary old = before.trailer();
        COSDictionary now = after.trailer();
        for (String key : List.of("Root", "Encrypt")) {
            if (!same(old.getItem(COSName.getPDFName(key)), now.getItem(COSName.getPDFName(key)))) {
                note(Change.Kind.CATALOG_CHANGED, 0);
            }
        }
    }

    private void object(int n) {
        COSBase now = after.get(n);
        if (!before.inUse(n)) {
            if (graph.referrers(n).stream().anyMatch(r -> r != 0)) {
                note(Change.Kind.DANGLING_REFERENCE_FILLED, n);
                pagesOf(n, Change.Kind.DANGLING_REFERENCE_FILLED);
            }
            return;
        }
        COSBase old = before.get(n);
        if (same(old, now)) {
            return;
        }
        if (before.objectStream(n)) {
            note(Change.Kind.OBJECT_STREAM_REPLACED, n);
        } else if (n == before.root()) {
            catalog((COSDictionary) old, now instanceof COSDictionary d ? d : new COSDictionary(), n);
        } else if (n == before.info()) {
            note(Change.Kind.DOCUMENT_INFORMATION, n);
        } else if (n == before.catalogEntry("AcroForm") && old instanceof COSDictionary o && now instanceof COSDictionary d) {
            acroForm(o, d, n);
        } else if (n == before.catalogEntry("Names")) {
            names(old, now, n);
        } else if (n == embeddedFilesTree() && old instanceof COSDictionary o && now instanceof COSDictionary d) {
            boolean grows = d.keySet().stream().allMatch(COSName.NAMES::equals) && filesAdded(o, d, "Names");
            note(grows ? Change.Kind.FULL_POWERS_ATTACHED : Change.Kind.CATALOG_CHANGED, n);
        } else if (n == before.catalogEntry("Metadata")) {
            note(now instanceof COSStream ? Change.Kind.DOCUMENT_INFORMATION : Change.Kind.CATALOG_CHANGED, n);
        } else if (before.dss(deadline).contains(n) && only(graph.referrers(n), before.dss(deadline), before.root())) {
            note(Change.Kind.VALIDATION_DATA, n);
        } else if (before.formResources(deadline).contains(n)
                && only(graph.referrers(n), before.formResources(deadline), before.catalogEntry("AcroForm"))) {
            note(Change.Kind.RESOURCES_EXTENDED, n);
        } else if (old instanceof COSDictionary o && isField(o) && now instanceof COSDictionary d) {
            field(o, d, n);
        } else if (pageResources(n) && !resourcesExtended(old, now)) {
            note(Change.Kind.PAGE_CHANGED, n);
            pagesOf(n, Change.Kind.PAGE_CHANGED);
        } else if (pageResources(n)) {
            note(Change.Kind.RESOURCES_EXTENDED, n);
        } else if (old instanceof COSDictionary o && COSName.PAGE.equals(o.getCOSName(COSName.TYPE)) && now instanceof COSDictionary d) {
            page(o, d, n);
        } else if (old instanceof COSArray o && now instanceof COSArray a && annotsOf(n) > 0) {
            annotations(o, a, annotsOf(n));
        } else if (old instanceof COSArray o && now instanceof COSArray a && fieldsArray(n)) {
            fieldList(o, a, n);
        } else if (appearanceOnly(n)) {
            note(Change.Kind.FORM_FIELDS_FILLED, n);
        } else {
            note(Change.Kind.OBJECTS_CHANGED, n);
            pagesOf(n, Change.Kind.OBJECTS_CHANGED);
        }
    }

    private void catalog(COSDictionary old, COSDictionary now, int n) {
        for (String key : differingKeys(old, now)) {
            if (!CATALOG_EXEMPT.contains(key)) {
                note(Change.Kind.CATALOG_CHANGED, n);
                continue;
            }
            switch (key) {
                case "AcroForm" -> {
                    COSBase o = RevisionState.value(old, key);
                    COSBase d = RevisionState.value(now, key);
                    if (o instanceof COSDictionary od && d instanceof COSDictionary dd) {
                        acroForm(od, dd, n);
                    } else {
                        note(Change.Kind.FORM_CHANGED, n);
                    }
                }
                case "DSS" -> dss(RevisionState.value(now, key), n);
                case "Metadata" -> note(RevisionState.value(now, key) instanceof COSStream
                        ? Change.Kind.DOCUMENT_INFORMATION : Change.Kind.CATALOG_CHANGED, n);
                case "Extensions" -> note(Change.Kind.VALIDATION_DATA, n);
                case "Names" -> names(RevisionState.value(old, key), RevisionState.value(now, key), n);
                default -> note(Change.Kind.DOCUMENT_INFORMATION, n);
            }
        }
    }

    /** The object number of the signed revision's EmbeddedFiles name tree, when it is an object of its own; else -1. */
    private int embeddedFilesTree() {
        COSBase names = RevisionState.value(before.catalog(), "Names");
        return names instanceof COSDictionary d ? RevisionState.ref(d, "EmbeddedFiles") : -1;
    }

    /**
     * The name dictionary may change only by embedded files added to its EmbeddedFiles tree (a single node whose
     * /Names keeps every earlier entry): full powers attached. Anything else changes the catalog.
     */
    private void names(COSBase old, COSBase now, int n) {
        COSDictionary o = old instanceof COSDictionary d ? d : new COSDictionary();
        if (!(now instanceof COSDictionary d)) {
            note(Change.Kind.CATALOG_CHANGED, n);
            return;
        }
        for (String key : differingKeys(o, d)) {
            COSBase oldTree = RevisionState.value(o, key);
            COSBase newTree = RevisionState.value(d, key);
            boolean embedded = key.equals("EmbeddedFiles") && newTree instanceof COSDictionary nt
                    && (oldTree == null || oldTree instanceof COSDictionary)
                    && nt.keySet().stream().allMatch(COSName.NAMES::equals)
                    && filesAdded(oldTree instanceof COSDictionary ot ? ot : new COSDictionary(), nt, "Names");
            note(embedded ? Change.Kind.FULL_POWERS_ATTACHED : Change.Kind.CATALOG_CHANGED, n);
        }
    }

    /**
     * Whether array {@code key} of {@code now} is that of {@code old} (absent: empty) with embedded-file
     * specifications appended; for a name tree's {@code Names}, whether its (name, file specification) pairs keep
     * every earlier pair and add only new names of file specifications (in whatever order keeps them sorted).
     */
    private static boolean filesAdded(COSDictionary old, COSDictionary now, String key) {
        COSBase o = RevisionState.value(old, key);
        COSBase a = RevisionState.value(now, key);
        if (!(a instanceof COSArray added) || (o != null && !(o instanceof COSArray))) {
            return false;
        }
        COSArray before = o instanceof COSArray b ? b : new COSArray();
        if (added.size() <= before.size()) {
            return false;
        }
        if (key.equals("Names")) {
            return pairsAdded(before, added);
        }
        for (int i = 0; i < before.size(); i++) {
            if (!same(before.get(i), added.get(i))) {
                return false;
            }
        }
        boolean pairs = key.equals("Names");
        if (pairs && (added.size() - before.size()) % 2 != 0) {
            return false;
        }
        for (int i = before.size(); i < added.size(); i++) {
            if (pairs && (i - before.size()) % 2 == 0) {
                if (!(added.getObject(i) instanceof org.apache.pdfbox.cos.COSString)) {
                    return false;
                }
            } else if (!embeddedFileSpec(added.getObject(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean pairsAdded(COSArray before, COSArray after) {
        if (before.size() % 2 != 0 || after.size() % 2 != 0) {
            return false;
        }
        Map<String, COSBase> earlier = new LinkedHashMap<>();
        for (int i = 0; i < before.size(); i += 2) {
            if (!(before.getObject(i) instanceof org.apache.pdfbox.cos.COSString name)) {
                return false;
            }
            earlier.put(name.getString(), before.get(i + 1));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < after.size(); i += 2) {
            if (!(after.getObject(i) instanceof org.apache.pdfbox.cos.COSString name) || !seen.add(name.getString())) {
                return false;
            }
            COSBase was = earlier.get(name.getString());
            if (was != null ? !same(was, after.get(i + 1)) : !embeddedFileSpec(after.getObject(i + 1))) {
                return false;
            }
        }
        return seen.containsAll(earlier.keySet());
    }

    private static boolean embeddedFileSpec(COSBase spec) {
        return spec instanceof COSDictionary d && RevisionState.value(d, "EF") instanceof COSDictionary ef
                && RevisionState.value(ef, "F") instanceof COSStream
                && d.keySet().stream().allMatch(k -> Set.of("Type", "F", "UF", "EF", "Desc", "AFRelationship").contains(k.getName()))
                && ef.keySet().stream().allMatch(k -> Set.of("F", "UF").contains(k.getName()));
    }

    private void dss(COSBase value, int n) {
        if (!(value instanceof COSDictionary dss)) {
            note(Change.Kind.OBJECTS_CHANGED, n);
            return;
        }
        for (COSName key : dss.keySet()) {
            if (!DSS_KEYS.contains(key.getName())) {
                note(Change.Kind.OBJECTS_CHANGED, n);
                return;
            }
        }
        note(Change.Kind.VALIDATION_DATA, n);
    }

    private void acroForm(COSDictionary old, COSDictionary now, int n) {
        for (String key : differingKeys(old, now)) {
            if (!ACROFORM_EXEMPT.contains(key)) {
                note(Change.Kind.FORM_CHANGED, n);
            } else if (key.equals("Fields")) {
                COSBase o = RevisionState.value(old, key);
                COSBase d = RevisionState.value(now, key);
                if (o instanceof COSArray oa && d instanceof COSArray da) {
                    fieldList(oa, da, n);
                } else if (!(o == null && d instanceof COSArray)) {
                    note(Change.Kind.FORM_CHANGED, n);
                }
            } else if (key.equals("NeedAppearances")) {
                note(Change.Kind.FORM_FIELDS_FILLED, n);
            }
        }
    }

    /** The form's field list: fields may be added if they are new signature fields, never removed. */
    private void fieldList(COSArray old, COSArray now, int n) {
        Set<Integer> was = refs(old);
        Set<Integer> is = refs(now);
        if (!is.containsAll(was)) {
            note(Change.Kind.FORM_CHANGED, n);
        }
        for (int added : is) {
            if (was.contains(added)) {
                continue;
            }
            if (!before.inUse(added) && after.get(added) instanceof COSDictionary f && "Sig".equals(fieldType(added, f, after))) {
                Found found = note(Change.Kind.SIGNATURE_FIELD_ADDED, added);
                found.fields.add(name(added, f, after));
                addedSignatureFields.add(added);
            } else {
                note(Change.Kind.FORM_CHANGED, n);
            }
        }
    }

    private final Set<Integer> addedSignatureFields = new HashSet<>();

    private void field(COSDictionary old, COSDictionary now, int n) {
        String type = fieldType(n, old, before);
        String name = name(n, old, before);
        boolean signature = "Sig".equals(type);
        boolean filled = filledHere(n, now);
        Change.Kind kind = signature && filled ? Change.Kind.SIGNATURE_FIELD_SIGNED : Change.Kind.FORM_FIELDS_FILLED;
        if (!signature && locked(name)) {
            // a signature already made locks this field (its /Lock): what it signed with cannot be filled in anew
            note(Change.Kind.LOCKED_FIELD_CHANGED, n).fields.add(name);
            return;
        }
        for (String key : differingKeys(old, now)) {
            if (key.equals("AF") && signature && RevisionState.ref(old, "V") < 0 && filesAdded(old, now, "AF")) {
                // a signatory's full powers associated with their (still unsigned) signature field
                note(Change.Kind.FULL_POWERS_ATTACHED, n).fields.add(name);
            } else if (!FIELD_VALUE_KEYS.contains(key)) {
                note(Change.Kind.FIELD_CHANGED, n).fields.add(name);
            } else if (key.equals("F") && ((flags(old) ^ flags(now)) & VISIBILITY_FLAGS) != 0) {
                note(Change.Kind.FIELD_CHANGED, n).fields.add(name);
            } else if (key.equals("Type") && !(old.getItem(COSName.TYPE) == null && COSName.ANNOT.equals(now.getCOSName(COSName.TYPE)))) {
                note(Change.Kind.FIELD_CHANGED, n).fields.add(name);
            } else if (key.equals("V") && signature) {
                signed(old, now, n, name);
            } else if (APPEARANCE_KEYS.contains(key) && !filled) {
                // An appearance that changes while the value stays is a different picture of the same value.
                note(Change.Kind.FIELD_CHANGED, n).fields.add(name);
            } else {
                note(kind, n).fields.add(name);
            }
        }
    }

    private Set<String> lockedNames;
    /** The fields every Exclude lock leaves free (null: no such lock). */
    private Set<String> freeOfExcludes;
    private boolean allLocked;

    /**
     * Whether a signature of the signed revision locks field {@code name} (ISO 32000-1 12.7.5.5: the /Lock of its
     * signature field, Action All, Include or Exclude, applies once that field is signed).
     */
    private boolean locked(String name) {
        if (lockedNames == null) {
            lockedNames = new HashSet<>();
            COSBase form = RevisionState.value(before.catalog(), "AcroForm");
            COSBase fields = form instanceof COSDictionary f ? RevisionState.value(f, "Fields") : null;
            if (fields instanceof COSArray array) {
                for (int i = 0; i < array.size() && i < 10_000; i++) {
                    if (!(array.getObject(i) instanceof COSDictionary field) || !COSName.SIG.equals(field.getCOSName(COSName.FT))
                            || RevisionState.value(field, "V") == null
                            || !(RevisionState.value(field, "Lock") instanceof COSDictionary lock)) {
                        continue;
                    }
                    String action = lock.getNameAsString(COSName.getPDFName("Action"));
                    Set<String> listed = new HashSet<>();
                    if (RevisionState.value(lock, "Fields") instanceof COSArray names) {
                        for (int j = 0; j < names.size() && j < 10_000; j++) {
                            if (names.getObject(j) instanceof org.apache.pdfbox.cos.COSString string) {
                                listed.add(string.getString());
                            }
                        }
                    }
                    if ("All".equals(action)) {
                        allLocked = true;
                    } else if ("Include".equals(action)) {
                        lockedNames.addAll(listed);
                    } else if ("Exclude".equals(action)) {
                        if (freeOfExcludes == null) {
                            freeOfExcludes = listed;
                        } else {
                            freeOfExcludes.retainAll(listed);
                        }
                    }
                }
            }
        }
        return allLocked || lockedNames.contains(name) || freeOfExcludes != null && !freeOfExcludes.contains(name);
    }

    /** Whether the field a widget belongs to gets its value (or signature) in this update. */
    private boolean filledHere(int widget, COSDictionary now) {
        int field = owner(widget, now);
        if (valueChanged.contains(field) || !before.inUse(field)) {
            return true;
        }
        return after.get(field) instanceof COSDictionary f && RevisionState.ref(f, "V") >= 0
                && !before.inUse(RevisionState.ref(f, "V"));
    }

    /** The field a widget belongs to: itself when it has a name, else its /Parent, else the field listing it in /Kids. */
    private int owner(int widget, COSDictionary dict) {
        if (dict.containsKey(COSName.T)) {
            return widget;
        }
        int parent = RevisionState.ref(dict, "Parent");
        if (parent >= 0) {
            return parent;
        }
        Integer owner = after.widgetOwners(deadline).get(widget);
        if (owner == null) {
            owner = before.widgetOwners(deadline).get(widget);
        }
        return owner == null ? widget : owner;
    }

    /** Whether object {@code n} is the (indirect) /Resources of pages only. */
    private boolean pageResources(int n) {
        Set<Integer> referrers = graph.referrers(n);
        return !referrers.isEmpty() && referrers.stream().allMatch(r -> before.get(r) instanceof COSDictionary d
                && COSName.PAGE.equals(d.getCOSName(COSName.TYPE)) && RevisionState.ref(d, "Resources") == n);
    }

    /**
     * Whether resources only grew: every resource the old dictionary names is still there with the same value,
     * so the unchanged page content draws exactly what it drew.
     */
    private static boolean resourcesExtended(COSBase old, COSBase now) {
        if (!(old instanceof COSDictionary o) || !(now instanceof COSDictionary d)) {
            return old == null && now instanceof COSDictionary;
        }
        for (COSName key : o.keySet()) {
            if (key.getName().equals("ProcSet")) {
                continue;
            }
            COSBase oldCategory = RevisionState.value(o, key.getName());
            COSBase newCategory = RevisionState.value(d, key.getName());
            if (oldCategory instanceof COSDictionary oc && !(oldCategory instanceof COSStream)) {
                if (!(newCategory instanceof COSDictionary nc)) {
                    return false;
                }
                for (COSName name : oc.keySet()) {
                    if (!same(oc.getItem(name), nc.getItem(name))) {
                        return false;
                    }
                }
            } else if (!same(o.getItem(key), d.getItem(key))) {
                return false;
            }
        }
        return true;
    }

    /** A signature field's value may be set once, to a new signature dictionary; never replaced or removed. */
    private void signed(COSDictionary old, COSDictionary now, int n, String name) {
        int value = RevisionState.ref(now, "V");
        boolean fresh = old.getItem(COSName.V) == null && value >= 0 && !before.inUse(value)
                && after.get(value) instanceof COSDictionary sig && sig.containsKey(COSName.BYTERANGE);
        note(fresh ? Change.Kind.SIGNATURE_FIELD_SIGNED : Change.Kind.SIGNATURE_REPLACED, n).fields.add(name);
    }

    private void page(COSDictionary old, COSDictionary now, int n) {
        int page = before.pages(deadline).getOrDefault(n, 0);
        for (String key : differingKeys(old, now)) {
            if (key.equals("Resources") && resourcesExtended(RevisionState.value(old, key), RevisionState.value(now, key))) {
                note(Change.Kind.RESOURCES_EXTENDED, n).pages.add(page);
                continue;
            }
            if (!key.equals("Annots")) {
                note(Change.Kind.PAGE_CHANGED, n).pages.add(page);
                continue;
            }
            COSBase o = RevisionState.value(old, key);
            COSBase d = RevisionState.value(now, key);
            if (d instanceof COSArray da) {
                annotations(o instanceof COSArray oa ? oa : new COSArray(), da, page);
            } else if (o instanceof COSArray oa && oa.size() > 0) {
                note(Change.Kind.ANNOTATIONS_REMOVED, n).pages.add(page);
            }
        }
    }

    /** A page's annotations: widgets of new signature fields may be added; nothing may go. */
    private void annotations(COSArray old, COSArray now, int page) {
        Set<Integer> was = refs(old);
        Set<Integer> is = refs(now);
        if (!is.containsAll(was) || directAnnotations(old) != directAnnotations(now)) {
            note(Change.Kind.ANNOTATIONS_REMOVED, 0).pages.add(page);
        }
        for (int added : is) {
            if (was.contains(added)) {
                continue;
            }
            if (after.get(added) instanceof COSDictionary w && signatureWidgetSignedHere(w, added)) {
                continue;
            }
            note(Change.Kind.ANNOTATIONS_ADDED, added).pages.add(page);
        }
    }

    /** A widget of a signature field that is created or signed in this update (its own appearance). */
    private boolean signatureWidgetSignedHere(COSDictionary widget, int number) {
        if (!COSName.getPDFName("Widget").equals(widget.getCOSName(COSName.SUBTYPE))
                || !"Sig".equals(fieldType(number, widget, after))) {
            return false;
        }
        return filledHere(number, widget);
    }

    /** Whether the object serves only as (part of) the appearance of form-field widgets in {@code before}. */
    private boolean appearanceOnly(int n) {
        Set<Integer> referrers = graph.referrers(n);
        if (referrers.isEmpty()) {
            return false;
        }
        for (int r : referrers) {
            if (!(before.get(r) instanceof COSDictionary owner)) {
                return false;
            }
            boolean widgetAppearance = isField(owner) && refersThroughAppearance(owner, n)
                    && after.get(r) instanceof COSDictionary nw && filledHere(r, nw);
            boolean appearanceDictionary = !isField(owner) && graph.referrers(r).stream()
                    .allMatch(w -> before.get(w) instanceof COSDictionary wd && isField(wd) && RevisionState.ref(wd, "AP") == r
                            && after.get(w) instanceof COSDictionary nw && filledHere(w, nw));
            if (!widgetAppearance && !(appearanceDictionary && !graph.referrers(r).isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private static boolean refersThroughAppearance(COSDictionary widget, int n) {
        if (RevisionState.ref(widget, "AP") == n) {
            return true;
        }
        COSBase ap = widget.getItem(COSName.AP);
        if (!(ap instanceof COSDictionary apDict)) {
            return false;
        }
        Set<Integer> inAppearance = new HashSet<>();
        References.collect(apDict, inAppearance);
        Set<Integer> elsewhere = new HashSet<>();
        for (COSName key : widget.keySet()) {
            if (!key.equals(COSName.AP)) {
                References.collect(widget.getItem(key), elsewhere);
            }
        }
        return inAppearance.contains(n) && !elsewhere.contains(n);
    }

    /** How many pages' /Annots array object {@code n} is (the page number of the first), 0 if none. */
    private int annotsOf(int n) {
        Set<Integer> referrers = graph.referrers(n);
        if (referrers.isEmpty()) {
            return 0;
        }
        int page = 0;
        for (int r : referrers) {
            if (!(before.get(r) instanceof COSDictionary d) || RevisionState.ref(d, "Annots") != n
                    || !COSName.PAGE.equals(d.getCOSName(COSName.TYPE))) {
                return 0;
            }
            page = before.pages(deadline).getOrDefault(r, 0);
        }
        return Math.max(page, 1);
    }

    private boolean fieldsArray(int n) {
        Set<Integer> referrers = graph.referrers(n);
        int acroForm = before.catalogEntry("AcroForm");
        if (referrers.isEmpty()) {
            return false;
        }
        for (int r : referrers) {
            if (r != acroForm && !(r == before.root() && RevisionState.ref(before.catalog(), "AcroForm") < 0)) {
                return false;
            }
        }
        return true;
    }

    /** Adds the pages an object serves (found by following who refers to it) to the change noted. */
    private void pagesOf(int n, Change.Kind kind) {
        Map<Integer, Integer> pages = before.pages(deadline);
        Set<Integer> seen = new HashSet<>();
        List<Integer> level = List.of(n);
        for (int depth = 0; depth < 8 && !level.isEmpty(); depth++) {
            List<Integer> next = new ArrayList<>();
            for (int x : level) {
                if (!seen.add(x)) {
                    continue;
                }
                Integer page = pages.get(x);
                if (page != null) {
                    found.get(kind).pages.add(page);
                    continue;
                }
                next.addAll(graph.referrers(x));
            }
            level = next;
        }
    }

    private Found note(Change.Kind kind, int object) {
        Found f = found.computeIfAbsent(kind, k -> new Found());
        if (object > 0) {
            f.objects.add(object);
        }
        return f;
    }

    private static boolean only(Set<Integer> referrers, Set<Integer> allowed, int also) {
        for (int r : referrers) {
            if (!allowed.contains(r) && r != also) {
                return false;
            }
        }
        return true;
    }

    static boolean isField(COSDictionary d) {
        return d.containsKey(COSName.FT) || d.containsKey(COSName.T)
                || COSName.getPDFName("Widget").equals(d.getCOSName(COSName.SUBTYPE));
    }

    /** The field type, inherited through /Parent (ISO 32000-1, 12.7.3.1). */
    private String fieldType(int number, COSDictionary d, RevisionState state) {
        COSDictionary at = d;
        if (!d.containsKey(COSName.T) && !d.containsKey(COSName.PARENT)) {
            Integer owner = state.widgetOwners(deadline).get(number);
            if (owner != null && owner != number && state.get(owner) instanceof COSDictionary f) {
                at = f;
            }
        }
        for (int i = 0; i < 32 && at != null; i++) {
            COSName ft = at.getCOSName(COSName.FT);
            if (ft != null) {
                return ft.getName();
            }
            at = RevisionState.value(at, "Parent") instanceof COSDictionary p ? p : null;
        }
        return null;
    }

    private String name(int number, COSDictionary d, RevisionState state) {
        List<String> parts = new ArrayList<>();
        COSDictionary at = d;
        if (!d.containsKey(COSName.T) && !d.containsKey(COSName.PARENT)) {
            Integer owner = state.widgetOwners(deadline).get(number);
            if (owner != null && owner != number && state.get(owner) instanceof COSDictionary f) {
                at = f;
            }
        }
        for (int i = 0; i < 32 && at != null; i++) {
            String t = at.getString(COSName.T);
            if (t != null) {
                parts.add(0, t);
            }
            at = RevisionState.value(at, "Parent") instanceof COSDictionary p ? p : null;
        }
        return String.join(".", parts);
    }

    private static int flags(COSDictionary d) {
        return d.getInt(COSName.F, 0);
    }

    private static Set<Integer> refs(COSArray array) {
        Set<Integer> refs = new java.util.LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof COSObject o && o.getKey() != null) {
                refs.add((int) o.getKey().getNumber());
            }
        }
        return refs;
    }

    private static int directAnnotations(COSArray array) {
        int direct = 0;
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof COSObject)) {
                direct++;
            }
        }
        return direct;
    }

    static List<String> differingKeys(COSDictionary old, COSDictionary now) {
        Set<COSName> keys = new java.util.LinkedHashSet<>(old.keySet());
        keys.addAll(now.keySet());
        List<String> differing = new ArrayList<>();
        for (COSName key : keys) {
            if (!same(old.getItem(key), now.getItem(key))) {
                differing.add(key.getName());
            }
        }
        return differing;
    }

    /** Deep equality of two values, references compared by object number and generation, streams by their bytes. */
    static boolean same(COSBase a, COSBase b) {
        return same(a, b, 0);
    }

    private static boolean same(COSBase a, COSBase b, int depth) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || depth > 64) {
            return (a == null || a instanceof COSNull) && (b == null || b instanceof COSNull);
        }
        if (a instanceof COSObject oa || b instanceof COSObject) {
            return a instanceof COSObject x && b instanceof COSObject y && x.getKey() != null && x.getKey().equals(y.getKey());
        }
        if (a instanceof COSStream sa) {
            return b instanceof COSStream sb && sameEntries(sa, sb, depth) && Arrays.equals(bytes(sa), bytes(sb));
        }
        if (a instanceof COSDictionary da) {
            return b instanceof COSDictionary db && !(b instanceof COSStream) && sameEntries(da, db, depth);
        }
        if (a instanceof COSArray xa) {
            if (!(b instanceof COSArray xb) || xa.size() != xb.size()) {
                return false;
            }
            for (int i = 0; i < xa.size(); i++) {
                if (!same(xa.get(i), xb.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSString sa) {
            return b instanceof COSString sb && Arrays.equals(sa.getBytes(), sb.getBytes());
        }
        if (a instanceof COSNumber na) {
            return b instanceof COSNumber nb && na.floatValue() == nb.floatValue() && na.longValue() == nb.longValue();
        }
        if (a instanceof COSBoolean || a instanceof COSName || a instanceof COSNull) {
            return a.equals(b);
        }
        return false;
    }

    private static boolean sameEntries(COSDictionary a, COSDictionary b, int depth) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (COSName key : a.keySet()) {
            if (!same(a.getItem(key), b.getItem(key), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(COSStream s) {
        try (InputStream in = s.createRawInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
