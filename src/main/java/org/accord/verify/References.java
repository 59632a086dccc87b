package org.accord.verify;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObject;

/**
 * Who refers to whom among the objects of one revision, kept up to date update by update: what a redefined
 * object is used for, and whether an update fills in a reference that the signed revision left dangling.
 */
final class References {

    private final Map<Integer, Set<Integer>> forward = new HashMap<>();
    private final Map<Integer, Set<Integer>> referrers = new HashMap<>();

    private References() {
    }

    /** The references among every object in use in {@code state}, the trailer's as referrer 0. */
    static References of(RevisionState state, Deadline deadline) {
        References graph = new References();
        graph.define(0, state.trailer());
        for (int n : state.numbers()) {
            deadline.check();
            graph.define(n, state.get(n));
        }
        return graph;
    }

    /** Object {@code number} now has {@code value} (null: freed); its old references are dropped. */
    void define(int number, COSBase value) {
        Set<Integer> old = forward.remove(number);
        if (old != null) {
            for (int target : old) {
                Set<Integer> from = referrers.get(target);
                if (from != null) {
                    from.remove(number);
                }
            }
        }
        if (value == null) {
            return;
        }
        Set<Integer> targets = new HashSet<>();
        collect(value, targets);
        forward.put(number, targets);
        for (int target : targets) {
            referrers.computeIfAbsent(target, k -> new HashSet<>()).add(number);
        }
    }

    /** The objects that refer to {@code number} (0 is the trailer). */
    Set<Integer> referrers(int number) {
        return referrers.getOrDefault(number, Set.of());
    }

    Set<Integer> targets(int number) {
        return forward.getOrDefault(number, Set.of());
    }

    /** The object numbers referred to inside {@code value}, without following the references. */
    static void collect(COSBase value, Collection<Integer> into) {
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(value);
        int visited = 0;
        while (!todo.isEmpty() && visited++ < 1_000_000) {
            COSBase next = todo.pop();
            if (next instanceof COSObject o) {
                if (o.getKey() != null) {
                    into.add((int) o.getKey().getNumber());
                }
            } else if (next instanceof COSDictionary d) {
                for (COSBase v : d.getValues()) {
                    if (v != null) {
                        todo.push(v);
                    }
                }
            } else if (next instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) {
                    COSBase v = a.get(i);
                    if (v != null) {
                        todo.push(v);
                    }
                }
            }
        }
    }
}
