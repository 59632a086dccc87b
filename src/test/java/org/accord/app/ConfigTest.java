package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
