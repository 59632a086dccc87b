package org.accord.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backoff of failed deliveries and the signature of webhook events. */
class DeliveryTest {

    @Test
    void a_failed_delivery_waits_twice_as_long_each_time_up_to_six_hours() {
        Duration first = Duration.ofSeconds(30);
        assertEquals(Duration.ofSeconds(30), Delivery.backoff(first, 1));
        assertEquals(Duration.ofSeconds(60), Delivery.backoff(first, 2));
        assertEquals(Duration.ofSeconds(240), Delivery.backoff(first, 4));
        assertEquals(Duration.ofHours(6), Delivery.backoff(first, 11));
        assertEquals(Duration.ofHours(6), Delivery.backoff(first, 60));
    }

    @Test
    void the_webhook_signature_is_the_hmac_of_timestamp_and_body_and_changes_with_either() {
        byte[] secret = "a shared secret of the receiver".getBytes(StandardCharsets.UTF_8);
        String body = "{\"type\":\"party.signed\"}";
        String header = Webhooks.signature(secret, 1_700_000_000L, body);
        // HMAC-SHA256("a shared secret of the receiver", "1700000000.{\"type\":\"party.signed\"}"), computed with openssl
        assertEquals("t=1700000000,v1=25f3d75caeda93b28aeeb6febf02d6e6a4d1b2b1ac101456ae74670d6fc18496", header);
        assertEquals(header, Webhooks.signature(secret, 1_700_000_000L, body));
        assertNotEquals(header, Webhooks.signature(secret, 1_700_000_001L, body), "a replayed body with a new time fails");
        assertNotEquals(header, Webhooks.signature(secret, 1_700_000_000L, body + " "), "a changed body fails");
    }
}
