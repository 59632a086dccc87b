package org.accord.verify;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The document as one revision left it (the bytes up to that revision's end), read with PDFBox: which objects
 * are in use, their values, and the roles the document gives some of them (catalog, form, pages, DSS).
 */
final class RevisionState implements Closeable {

    private final PDDocument doc;
    private final Map<Integer, COSObjectKey> inUse = new HashMap<>();
    private final Map<Integer, Long> offsets = new HashMap<>();
    private final Set<Integer> objectStreams = new HashSet<>();
    private Map<Integer, Integer> pageIndex;
    private Set<Integer> dss;
    private Map<Integer, Integer> owners;
    private Set<Integer> formResources;

    private RevisionState(PDDocument doc) {
        this.doc = doc;
        for (Map.Entry<COSObjectKey, Long> e : doc.getDocument().getXrefTable().entrySet()) {
            int number = (int) e.getKey().getNumber();
            inUse.put(number, e.getKey());
            offsets.put(number, e.getValue());
            if (e.getValue() != null && e.getValue() < 0) {
                objectStreams.add((int) -e.getValue());
            }
        }
    }

    /** The revision ending at byte {@code end} of {@code pdf}. */
    static RevisionState at(byte[] pdf, int end) throws IOException {
        PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(ByteBuffer.wrap(pdf, 0, end).slice()), "");
        return new RevisionState(doc);
    }

    boolean inUse(int number) {
        return inUse.containsKey(number);
    }

    Set<Integer> numbers() {
        return inUse.keySet();
    }

    /** The cross-reference offset of an object (negative: the object stream holding it), or null. */
    Long offset(int number) {
        return offsets.get(number);
    }

    boolean objectStream(int number) {
        return objectStreams.contains(number);
    }

    /** The value of object {@code number}, or null when it is not in use. */
    COSBase get(int number) {
        COSObjectKey key = inUse.get(number);
        if (key == null) {
            return null;
        }
        COSObject object = doc.getDocument().getObjectFromPool(key);
        return object == null ? null : object.getObject();
    }

    COSDictionary trailer() {
        return doc.getDocument().getTrailer();
    }

    /** The object number a dictionary entry refers to, or -1 when the value is direct or absent. */
    static int ref(COSDictionary dict, String key) {
        COSBase item = dict == null ? null : dict.getItem(COSName.getPDFName(key));
        return item instanceof COSObject o && o.getKey() != null ? (int) o.getKey().getNumber() : -1;
    }

    /** A dictionary entry's value, followed if it is a reference. */
    static COSBase value(COSDictionary dict, String key) {
        COSBase item = dict == null ? null : dict.getItem(COSName.getPDFName(key));
        return item instanceof COSObject o ? o.getObject() : item;
    }

    int root() {
        return ref(trailer(), "Root");
    }

    int info() {
        return ref(trailer(), "Info");
    }

    COSDictionary catalog() {
        return get(root()) instanceof COSDictionary d ? d : null;
    }

    int catalogEntry(String key) {
        return ref(catalog(), key);
    }

    /** 1-based page number of each page object. */
    Map<Integer, Integer> pages(Deadline deadline) {
        if (pageIndex == null) {
            pageIndex = new HashMap<>();
            int pagesRoot = catalogEntry("Pages");
            walkPages(pagesRoot, deadline, new HashSet<>(), 0);
        }
        return pageIndex;
    }

    private void walkPages(int node, Deadline deadline, Set<Integer> seen, int depth) {
        if (node < 0 || depth > 64 || !seen.add(node)) {
            return;
        }
        deadline.check();
        if (!(get(node) instanceof COSDictionary dict)) {
            return;
        }
        if (COSName.PAGE.equals(dict.getCOSName(COSName.TYPE)) || !dict.containsKey(COSName.KIDS)) {
            pageIndex.put(node, pageIndex.size() + 1);
            return;
        }
        if (value(dict, "Kids") instanceof COSArray kids) {
            for (COSBase kid : kids) {
                if (kid instanceof COSObject o && o.getKey() != null) {
                    walkPages((int) o.getKey().getNumber(), deadline, seen, depth + 1);
                }
            }
        }
    }

    /**
     * The field each widget annotation belongs to (a field that is its own widget maps to itself), found by walking
     * the form's field tree: a widget need not point back at its field with /Parent.
     */
    Map<Integer, Integer> widgetOwners(Deadline deadline) {
        if (owners == null) {
            owners = new HashMap<>();
            COSBase acroForm = value(catalog(), "AcroForm");
            if (acroForm instanceof COSDictionary form && value(form, "Fields") instanceof COSArray fields) {
                Set<Integer> seen = new HashSet<>();
                for (COSBase f : fields) {
                    if (f instanceof COSObject o && o.getKey() != null) {
                        walkFields((int) o.getKey().getNumber(), deadline, seen, 0);
                    }
                }
            }
        }
        return owners;
    }

    private void walkFields(int field, Deadline deadline, Set<Integer> seen, int depth) {
        if (depth > 32 || !seen.add(field) || seen.size() > 100_000) {
            return;
        }
        deadline.check();
        if (!(get(field) instanceof COSDictionary dict)) {
            return;
        }
        if (!(value(dict, "Kids") instanceof COSArray kids)) {
            owners.put(field, field);
            return;
        }
        for (COSBase kid : kids) {
            if (kid instanceof COSObject o && o.getKey() != null) {
                int k = (int) o.getKey().getNumber();
                if (o.getObject() instanceof COSDictionary kd && (kd.containsKey(COSName.T) || kd.containsKey(COSName.FT))) {
                    walkFields(k, deadline, seen, depth + 1);
                } else {
                    owners.put(k, field);
                }
            }
        }
    }

    /** Every object reachable from the catalog's /DSS (the document security store), the DSS dictionary included. */
    Set<Integer> dss(Deadline deadline) {
        if (dss == null) {
            dss = reachable(catalog(), "DSS", deadline);
        }
        return dss;
    }

    /** Every object reachable from the form's default resources (/DR: fonts for field appearances). */
    Set<Integer> formResources(Deadline deadline) {
        if (formResources == null) {
            formResources = reachable(value(catalog(), "AcroForm") instanceof COSDictionary form ? form : null, "DR", deadline);
        }
        return formResources;
    }

    private Set<Integer> reachable(COSDictionary dict, String key, Deadline deadline) {
        Set<Integer> found = new HashSet<>();
        COSBase item = dict == null ? null : dict.getItem(COSName.getPDFName(key));
        if (item instanceof COSObject o && o.getKey() != null) {
            found.add((int) o.getKey().getNumber());
        } else if (item != null) {
            References.collect(item, found);
        }
        close(found, deadline);
        return found;
    }

    /** Closes {@code set} over references: every object reachable from one already in it. */
    private void close(Set<Integer> set, Deadline deadline) {
        Deque<Integer> todo = new ArrayDeque<>(set);
        Set<Integer> done = new HashSet<>();
        while (!todo.isEmpty() && set.size() < 100_000) {
            deadline.check();
            int n = todo.pop();
            if (!done.add(n)) {
                continue;
            }
            COSBase value = get(n);
            if (value == null) {
                continue;
            }
            Set<Integer> refs = new HashSet<>();
            References.collect(value, refs);
            for (int r : refs) {
                if (set.add(r)) {
                    todo.push(r);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
