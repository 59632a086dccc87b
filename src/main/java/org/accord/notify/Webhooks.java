package org.accord.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.accord.store.Outbox;

/**
 * Posts webhook events. Each request carries {@code Accord-Signature: t=<unix seconds>,v1=<hex>}, the HMAC-SHA256
 * under the shared secret of {@code <t>.<body>}: a receiver recomputes it, compares in constant time and refuses
 * old timestamps, so a captured request cannot be replayed later.
 */
public final class Webhooks {

    /** The header that carries the signature. */
    public static final String SIGNATURE = "Accord-Signature";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final byte[] secret;

    Webhooks(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature header's value for {@code body} at {@code at}. */
    public static String signature(byte[] secret, long at, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((at + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + at + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Posts {@code m}; throws with what went wrong unless the receiver answered 2xx. */
    void post(Outbox.Message m, Instant now) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(m.recipient()))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Accord-Webhooks")
                .header("Accord-Event", m.kind())
                .header("Accord-Delivery", m.id())
                .header(SIGNATURE, signature(secret, now.getEpochSecond(), m.body()))
                .POST(HttpRequest.BodyPublishers.ofString(m.body(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the receiver answered HTTP " + response.statusCode());
        }
    }
}
