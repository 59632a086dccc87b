package org.accord.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a token key source does without a token: chains completed, PIN files read, a missing module named. */
class Pkcs11TokenTest {

    @TempDir
    Path dir;

    @Test
    void a_chain_the_token_holds_incompletely_is_completed_from_the_issuers_given() {
        List<X509Certificate> full = TestPki.seal().chain();
        assertEquals(3, full.size());
        assertEquals(full, Pkcs11Token.complete(List.of(full.get(0)), List.of(full.get(2), full.get(1))));
        assertEquals(full, Pkcs11Token.complete(full.subList(0, 2), List.of(full.get(2))));
        List<X509Certificate> other = TestPki.otherCaKey("cica").chain();
        assertEquals(List.of(full.get(0)), Pkcs11Token.complete(List.of(full.get(0)), other.subList(1, other.size())),
                "a CA of the same name but another key did not issue it");
    }

    @Test
    void the_pin_is_the_first_line_of_its_file() throws Exception {
        assertEquals("0042", new String(Pkcs11Token.readPin(Files.writeString(dir.resolve("pin"), "0042\r\nnext\n"))));
        TokenException empty = assertThrows(TokenException.class, () -> Pkcs11Token.readPin(Files.writeString(dir.resolve("empty"), "\n")));
        assertEquals(TokenException.Part.PIN_FILE, empty.part());
        TokenException missing = assertThrows(TokenException.class, () -> Pkcs11Token.readPin(dir.resolve("absent")));
        assertEquals("the PIN file " + dir.resolve("absent") + " does not exist", missing.getMessage());
    }

    @Test
    void a_missing_module_is_named_before_anything_is_loaded() {
        TokenException e = assertThrows(TokenException.class, () -> Pkcs11Token.key(Pkcs11Token.Slot.labelled(dir.resolve("p11.so"),
                "seal"), "seal", "1234".toCharArray(), List.of()));
        assertEquals(TokenException.Part.LIBRARY, e.part());
        assertEquals("the PKCS#11 library " + dir.resolve("p11.so") + " does not exist", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Pkcs11Token.Slot(dir, "a", 1L)).getMessage()
                .contains("one of the two"));
    }
}
