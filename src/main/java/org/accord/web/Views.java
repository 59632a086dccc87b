package org.accord.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.model.Agreement;
import org.accord.model.Text;
import org.accord.store.Revision;
import org.accord.store.StoredAgreement;
import org.accord.store.StoredOriginal;
import org.accord.workflow.Status;

/** The JSON shapes of the API, as plain maps (times as ISO-8601 strings). */
final class Views {

    private Views() {
    }

    static Map<String, Object> text(Text t) {
        return t == null ? null : ordered("en", t.en(), "ru", t.ru());
    }

    static Map<String, Object> agreement(StoredAgreement a) {
        return ordered("id", a.id(), "dataId", a.dataId(), "title", ordered("en", a.titleEn(), "ru", a.titleRu()),
                "sourceSha256", a.sourceSha256(), "createdBy", a.createdBy(), "createdAt", str(a.createdAt()));
    }

    static Map<String, Object> agreement(StoredAgreement a, Agreement model, List<StoredOriginal> originals) {
        Map<String, Object> view = agreement(a);
        view.put("shortTitle", text(model.shortTitle()));
        view.put("originalsToIssue", model.finalClause().originals());
        view.put("parties", model.parties().stream().map(p -> ordered("id", p.id(), "name", text(p.name()),
                "shortName", text(p.shortName()), "signatory", text(p.signatory().name()))).toList());
        view.put("originals", originals.stream().map(o -> ordered("id", o.id(), "number", o.number(),
                "href", "/api/originals/" + o.id())).toList());
        return view;
    }

    static Map<String, Object> revision(Revision r) {
        return ordered("number", r.number(), "kind", r.kind(), "party", r.partyId(), "signer", r.signer(),
                "signedAt", str(r.signedAt()), "level", r.level(), "size", r.size(), "sha256", r.sha256(),
                "createdAt", str(r.createdAt()), "pdf", "/api/originals/" + r.originalId() + "/revisions/" + r.number() + "/pdf");
    }

    /** Attached full powers, as the API shows them (never their bytes). */
    static Map<String, Object> fullPowers(org.accord.store.FullPowers.Attached a) {
        return ordered("party", a.partyId(), "fileName", a.fileName(), "size", a.size(), "sha256", a.sha256(),
                "attachedBy", a.actor(), "attachedAt", str(a.at()));
    }

    static Map<String, Object> status(Status.OriginalStatus s) {
        StoredOriginal o = s.original();
        Revision latest = s.revisions().get(s.revisions().size() - 1);
        return ordered("id", o.id(), "agreementId", o.agreementId(), "number", o.number(), "of", o.ofTotal(),
                "layout", o.layout(), "custodian", o.custodian(), "complete", s.complete(), "latestRevision", latest.number(),
                "pdf", "/api/originals/" + o.id() + "/pdf",
                "parties", s.parties().stream().map(p -> {
                    Map<String, Object> line = ordered("party", p.partyId(), "name", text(p.name()),
                            "status", p.signature().isPresent() ? "signed" : "pending");
                    p.signature().ifPresent(r -> {
                        line.put("signedBy", r.signer());
                        line.put("signedAt", str(r.signedAt()));
                        line.put("level", r.level());
                        line.put("revision", r.number());
                    });
                    line.put("link", p.link().name().toLowerCase());
                    line.put("linkExpires", str(p.linkExpires()));
                    s.round().flatMap(r -> r.party(p.partyId())).ifPresent(rp -> {
                        line.put("email", rp.email());
                        line.put("invitedAt", str(rp.invitedAt()));
                        line.put("remindedAt", str(rp.remindedAt()));
                    });
                    return line;
                }).toList(),
                "round", s.round().map(r -> ordered("state", r.state().code(), "order", r.ordered() ? "listed" : "any",
                        "deadline", str(r.deadline()), "endedAt", str(r.endedAt()), "declinedBy", r.endedBy(), "reason", r.reason()))
                        .orElse(null),
                "certificate", s.certificate() ? "/api/originals/" + o.id() + "/certificate" : null,
                "revisions", s.revisions().stream().map(Views::revision).toList());
    }

    /** A message of the outbox; the body (with its personal link) only while it waits to be sent or handed over. */
    static Map<String, Object> message(org.accord.store.Outbox.Message m) {
        Map<String, Object> view = ordered("id", m.id(), "channel", m.channel(), "kind", m.kind(), "original", m.originalId(),
                "party", m.partyId(), "recipient", m.recipient(), "subject", m.subject(), "state", m.state().name().toLowerCase(),
                "attempts", m.attempts(), "lastError", m.lastError(), "createdAt", str(m.createdAt()), "sentAt", str(m.sentAt()));
        if (m.state() == org.accord.store.Outbox.State.PENDING && "mail".equals(m.channel())) {
            view.put("body", m.body());
        }
        return view;
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** A map keeping its keys in the order given: key, value, key, value… */
    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
