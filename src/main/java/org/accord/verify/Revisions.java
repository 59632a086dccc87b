package org.accord.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The revisions that follow the first signed one, each checked against the one before it: what every incremental
 * update changed ({@link UpdateCheck}), read from a strict parse of its bytes ({@link Updates}).
 */
final class Revisions {

    /** One update and the changes it makes. */
    record Checked(Updates.Update update, List<Change> changes) {
    }

    /** Every update after byte {@code from}, checked; {@code structure} damage is the caller's to report. */
    record Result(Updates.Structure structure, List<Checked> updates) {

        /** The changes of every update that starts at or after {@code offset}. */
        List<Change> after(long offset) {
            List<Change> changes = new ArrayList<>();
            for (Checked c : updates) {
                if (c.update().start() >= offset) {
                    changes.addAll(c.changes());
                }
            }
            return merge(changes);
        }
    }

    private Revisions() {
    }

    static Result check(byte[] pdf, int from, Deadline deadline) {
        Updates.Structure structure = Updates.read(pdf, from, deadline);
        List<Checked> checked = new ArrayList<>();
        if (structure.updates().isEmpty()) {
            return new Result(structure, checked);
        }
        RevisionState before = null;
        try {
            before = RevisionState.at(pdf, from);
            References graph = References.of(before, deadline);
            for (Updates.Update u : structure.updates()) {
                deadline.check();
                RevisionState after = RevisionState.at(pdf, u.end());
                List<Change> changes = UpdateCheck.changes(before, after, u, graph, deadline);
                for (int n : UpdateCheck.definedBy(before, u)) {
                    graph.define(n, after.get(n));
                }
                for (Updates.Entry e : u.entries()) {
                    if (e.type() == Updates.EntryType.FREE && e.number() != 0) {
                        graph.define(e.number(), null);
                    }
                }
                graph.define(0, after.trailer());
                checked.add(new Checked(u, changes));
                before.close();
                before = after;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Deadline.Exceeded exceeded) {
                throw exceeded;
            }
            int at = checked.size() < structure.updates().size() ? structure.updates().get(checked.size()).start() : from;
            checked.add(new Checked(structure.updates().get(Math.min(checked.size(), structure.updates().size() - 1)),
                    List.of(Change.of(Change.Kind.UNREADABLE_UPDATE, 0))));
            return new Result(structure, checked);
        } finally {
            if (before != null) {
                try {
                    before.close();
                } catch (IOException ignored) {
                    // nothing was written
                }
            }
        }
        return new Result(structure, checked);
    }

    /** One change per kind, pages, fields and object counts summed. */
    static List<Change> merge(List<Change> changes) {
        java.util.Map<Change.Kind, List<Change>> byKind = new java.util.LinkedHashMap<>();
        for (Change c : changes) {
            byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
        }
        List<Change> merged = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            java.util.TreeSet<Integer> pages = new java.util.TreeSet<>();
            java.util.LinkedHashSet<String> fields = new java.util.LinkedHashSet<>();
            int objects = 0;
            for (Change c : list) {
                pages.addAll(c.pages());
                fields.addAll(c.fields());
                objects += c.objects();
            }
            pages.remove(0);
            merged.add(new Change(kind, List.copyOf(pages), List.copyOf(fields), objects));
        });
        return merged;
    }
}
