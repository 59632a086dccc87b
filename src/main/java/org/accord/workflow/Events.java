package org.accord.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.accord.model.Agreement;
import org.accord.store.Outbox;
import org.accord.store.StoredOriginal;

/**
 * Webhook events: JSON posted to {@code webhooks.url} through the outbox, one per step of a signing round
 * ({@code original.issued}, {@code party.invited}, {@code party.signed}, {@code party.declined},
 * {@code original.completed}, {@code original.extended}). Nothing is written when no URL is configured.
 */
final class Events {

    static final String WEBHOOK = "webhook";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String url;

    /** Events posted to {@code url} (empty: none). */
    Events(String url) {
        this.url = url == null ? "" : url;
    }

    boolean enabled() {
        return !url.isEmpty();
    }

    /** The event {@code type} about an original (and a party, may be null), with extra fields {@code data}. */
    Outbox.NewMessage event(String type, Agreement a, StoredOriginal o, String partyId, Map<String, Object> data, Instant at) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("createdAt", at.toString());
        ObjectNode agreement = e.putObject("agreement");
        agreement.put("id", o.agreementId());
        agreement.put("dataId", a.id());
        agreement.put("title", a.shortTitle().en());
        agreement.put("titleRu", a.shortTitle().ru());
        ObjectNode original = e.putObject("original");
        original.put("id", o.id());
        original.put("number", o.number());
        original.put("of", o.ofTotal());
        if (partyId != null) {
            e.put("party", partyId);
        }
        e.set("data", JSON.valueToTree(data));
        return new Outbox.NewMessage(WEBHOOK, type, partyId, url, type, e.toString(), null, null, java.util.List.of());
    }
}
