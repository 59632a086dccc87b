package org.accord.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For counts only from a trusted proxy, and only its right-most untrusted hop. */
class ClientAddressTest {

    private final ClientAddress behindNginx = new ClientAddress(List.of("127.0.0.1", "10.0.0.2"));

    @Test
    void a_trusted_proxy_names_the_client() {
        assertEquals("192.0.2.7", behindNginx.of("127.0.0.1", "192.0.2.7"));
        assertEquals("192.0.2.7", behindNginx.of("127.0.0.1", "192.0.2.7, 10.0.0.2"), "a chain of trusted proxies");
    }

    @Test
    void what_the_client_wrote_itself_proves_nothing() {
        assertEquals("192.0.2.7", behindNginx.of("127.0.0.1", "203.0.113.1, 192.0.2.7"),
                "a guesser cannot pick a fresh address per attempt by prepending one");
        assertEquals("127.0.0.1", behindNginx.of("127.0.0.1", "not-an-address"));
        assertEquals("127.0.0.1", behindNginx.of("127.0.0.1", ""));
    }

    @Test
    void from_anyone_else_the_header_is_ignored() {
        assertEquals("198.51.100.9", behindNginx.of("198.51.100.9", "192.0.2.7"));
        assertEquals("127.0.0.1", new ClientAddress(List.of()).of("127.0.0.1", "192.0.2.7"), "no proxy trusted by default");
    }
}
