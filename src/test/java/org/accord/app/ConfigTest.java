package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where relative paths point: the installation for defaults and its file, the working directory for the rest. */
class ConfigTest {

    @TempDir
    Path home;

    @Test
    void from_a_checkout_the_defaults_stay_relative_to_the_working_directory() {
        Config c = Config.load(null, Map.of(), Map.of(), Optional.empty());
        assertEquals(Path.of("data"), c.server().dataDir());
        assertEquals(Path.of("keystores-sample"), c.trust().pkiDir());
        assertEquals(Path.of("keystores-sample", "secretariat-seal.p12"), c.signing().sealKeystore());
    }

    @Test
    void in_an_installation_the_defaults_and_its_file_are_taken_against_it_and_the_command_line_against_the_working_directory()
            throws Exception {
        Path file = Files.writeString(home.resolve("accord.properties"), "signing.keysDir=keys\ntrust.roots=a.pem, /etc/b.pem\n");
        Config c = Config.load(file, Map.of(), Map.of(), Optional.of(home));
        assertEquals(home.resolve("data"), c.server().dataDir());
        assertEquals(home.resolve("keystores-sample"), c.trust().pkiDir());
        assertEquals(home.resolve("keystores-sample/secretariat-seal.p12"), c.signing().sealKeystore());
        assertEquals(home.resolve("keys"), c.signing().keysDir());
        assertEquals(java.util.List.of(home.resolve("a.pem"), Path.of("/etc/b.pem")), c.trust().roots());
        assertTrue(c.db().url().contains(home.resolve("data").toString()), c.db().url());
        Config given = Config.load(file, Map.of("ACCORD_PKI_DIR", "my-pki"), Map.of("data.dir", "here"), Optional.of(home));
        assertEquals(Path.of("here"), given.server().dataDir(), "as typed on the command line");
        assertEquals(Path.of("my-pki"), given.trust().pkiDir(), "as set in the environment");
    }

    @Test
    void an_unknown_key_in_the_file_is_named() throws Exception {
        Path file = Files.writeString(home.resolve("accord.properties"), "server.prot=1\n");
        Config.ConfigException e = assertThrows(Config.ConfigException.class, () -> Config.load(file, Map.of(), Map.of(), Optional.empty()));
        assertTrue(e.getMessage().contains("unknown key server.prot"), e.getMessage());
    }

    @Test
    void the_seal_is_a_keystore_file_unless_a_token_is_configured() {
        assertNull(Config.load(null, Map.of(), Map.of(), Optional.empty()).signing().sealToken());
        Map<String, String> token = Map.of("signing.seal", "pkcs11", "signing.pkcs11.library", "/usr/lib/softhsm/libsofthsm2.so",
                "signing.pkcs11.slotLabel", "accord-seal", "signing.pkcs11.pinFile", "seal.pin", "signing.pkcs11.keyLabel", "seal");
        Config.Pkcs11 p = Config.load(null, Map.of(), token, Optional.empty()).signing().sealToken();
        assertEquals(new Config.Pkcs11(Path.of("/usr/lib/softhsm/libsofthsm2.so"), "accord-seal", null, Path.of("seal.pin"), "seal"), p);
        Map<String, String> bySlot = new java.util.HashMap<>(token);
        bySlot.remove("signing.pkcs11.slotLabel");
        bySlot.put("signing.pkcs11.slot", "0x5fba1a8b");
        assertEquals(0x5fba1a8bL, Config.load(null, Map.of(), bySlot, Optional.empty()).signing().sealToken().slot());
    }

    @Test
    void a_token_seal_names_the_setting_it_misses() {
        Map<String, String> token = new java.util.HashMap<>(Map.of("signing.seal", "pkcs11", "signing.pkcs11.library", "/lib/p11.so",
                "signing.pkcs11.slotLabel", "accord-seal", "signing.pkcs11.pinFile", "seal.pin", "signing.pkcs11.keyLabel", "seal"));
        assertRefused(Map.of("signing.seal", "hsm"), "signing.seal must be pkcs12");
        for (String key : java.util.List.of("signing.pkcs11.library", "signing.pkcs11.pinFile", "signing.pkcs11.keyLabel")) {
            Map<String, String> missing = new java.util.HashMap<>(token);
            missing.put(key, "");
            assertRefused(missing, key + " must be set when signing.seal=pkcs11");
        }
        Map<String, String> both = new java.util.HashMap<>(token);
        both.put("signing.pkcs11.slot", "1");
        assertRefused(both, "one of signing.pkcs11.slotLabel (the token's label) and signing.pkcs11.slot (its slot id), not both");
        Map<String, String> neither = new java.util.HashMap<>(token);
        neither.put("signing.pkcs11.slotLabel", "");
        assertRefused(neither, "not neither");
        neither.put("signing.pkcs11.slot", "first");
        assertRefused(neither, "signing.pkcs11.slot must be a slot id");
    }

    @Test
    void in_an_installation_the_token_files_are_taken_against_it() throws Exception {
        Path file = Files.writeString(home.resolve("accord.properties"), "signing.seal=pkcs11\nsigning.pkcs11.library=/usr/lib/p11.so\n"
                + "signing.pkcs11.slot=0\nsigning.pkcs11.pinFile=conf/seal.pin\nsigning.pkcs11.keyLabel=seal\n");
        Config.Pkcs11 p = Config.load(file, Map.of(), Map.of(), Optional.of(home)).signing().sealToken();
        assertEquals(home.resolve("conf/seal.pin"), p.pinFile());
        assertEquals(Path.of("/usr/lib/p11.so"), p.library());
    }

    private static void assertRefused(Map<String, String> settings, String says) {
        Config.ConfigException e = assertThrows(Config.ConfigException.class, () -> Config.load(null, Map.of(), settings, Optional.empty()));
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }
}
