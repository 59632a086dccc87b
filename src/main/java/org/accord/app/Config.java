package org.accord.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.accord.sign.Level;
import org.accord.store.Database;

/**
 * The service's configuration, loaded once: embedded defaults, then an optional properties file, then
 * environment variables ({@code ACCORD_} + the key in upper case with dots and camel humps as underscores:
 * {@code db.url} → {@code ACCORD_DB_URL}), then command-line options. Every value is checked at start-up,
 * and a bad one is named by its key.
 */
public record Config(Server server, Db db, Trust trust, Signing signing, Verify verify, boolean demoUsers) {

    /** Where the service listens and how it is reached from outside ({@code publicUrl}, used in signing links). */
    public record Server(String host, int port, String publicUrl, long maxUploadBytes, Path dataDir) {
    }

    /** The database: the embedded H2 file under the data directory unless {@code url} names another. */
    public record Db(String url, String user, String password, int pool) {

        @Override
        public String toString() {
            return "Db[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + ", pool=" + pool + "]";
        }
    }

    /** Time-stamps and revocation data: the sample PKI in-process unless {@code tsaUrl} is set; trusted roots. */
    public record Trust(Path pkiDir, String tsaUrl, List<Path> roots) {
    }

    /** How parties sign: their level, where the server keeps their keys and the seal, how long links last. */
    public record Signing(Level level, Path keysDir, Path sealKeystore, Duration linkLifetime, int maxPasswordFailures) {
    }

    /** How verifications are bounded: the deadline of each, and how many run at once (as many again may wait). */
    public record Verify(Duration timeout, int threads) {
    }

    /** Every key with its default; {@code null} defaults are computed from others. */
    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("server.host", "127.0.0.1");
        d.put("server.port", "7070");
        d.put("server.publicUrl", "");
        d.put("server.maxUploadMib", "20");
        d.put("data.dir", "data");
        d.put("db.url", "");
        d.put("db.user", "sa");
        d.put("db.password", "");
        d.put("db.pool", "8");
        d.put("pki.dir", "keystores-sample");
        d.put("tsa.url", "");
        d.put("trust.roots", "");
        d.put("signing.level", "B-LT");
        d.put("signing.keysDir", "");
        d.put("signing.sealKeystore", "");
        d.put("signing.linkDays", "30");
        d.put("signing.maxPasswordFailures", "5");
        d.put("verify.timeoutSeconds", "60");
        d.put("verify.threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
        d.put("demo.users", "true");
        return d;
    }

    /** The environment variable that sets {@code key}. */
    static String envName(String key) {
        return "ACCORD_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Loads defaults ← {@code file} (may be null) ← {@code env} ← {@code overrides}; refuses unknown keys in the file. */
    public static Config load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        if (file != null) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
            }
            for (String key : p.stringPropertyNames()) {
                if (!DEFAULTS.containsKey(key)) {
                    throw new ConfigException(file + ": unknown key " + key + " (known: " + String.join(", ", DEFAULTS.keySet()) + ")");
                }
                v.put(key, p.getProperty(key).strip());
            }
        }
        for (String key : DEFAULTS.keySet()) {
            String value = env.get(envName(key));
            if (value != null) {
                v.put(key, value.strip());
            }
        }
        v.putAll(overrides);
        return from(v);
    }

    private static Config from(Map<String, String> v) {
        String host = v.get("server.host");
        int port = integer(v, "server.port", 0, 65535);
        Path data = Path.of(v.get("data.dir"));
        String publicUrl = v.get("server.publicUrl").isEmpty() ? "http://" + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + port : v.get("server.publicUrl");
        if (!publicUrl.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            throw new ConfigException("server.publicUrl must be an http(s) URL, not '" + publicUrl + "'");
        }
        long maxUpload = integer(v, "server.maxUploadMib", 1, 1024) * 1024L * 1024L;
        String url = v.get("db.url").isEmpty() ? Database.h2Url(data) : v.get("db.url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("db.url must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        Db db = new Db(url, v.get("db.user"), v.get("db.password"), integer(v, "db.pool", 1, 200));
        Path pki = Path.of(v.get("pki.dir"));
        List<Path> roots = new ArrayList<>();
        for (String r : v.get("trust.roots").split(",")) {
            if (!r.isBlank()) {
                roots.add(Path.of(r.strip()));
            }
        }
        Level level;
        try {
            level = Level.of(v.get("signing.level"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("signing.level: " + e.getMessage());
        }
        if (level == Level.B_B) {
            throw new ConfigException("signing.level must carry a time-stamp: B-T, B-LT or B-LTA");
        }
        Path keys = v.get("signing.keysDir").isEmpty() ? pki : Path.of(v.get("signing.keysDir"));
        Path seal = v.get("signing.sealKeystore").isEmpty() ? pki.resolve("secretariat-seal.p12") : Path.of(v.get("signing.sealKeystore"));
        Signing signing = new Signing(level, keys, seal, Duration.ofDays(integer(v, "signing.linkDays", 1, 366)),
                integer(v, "signing.maxPasswordFailures", 1, 100));
        String demo = v.get("demo.users");
        if (!demo.equals("true") && !demo.equals("false")) {
            throw new ConfigException("demo.users must be true or false");
        }
        Verify verify = new Verify(Duration.ofSeconds(integer(v, "verify.timeoutSeconds", 1, 3600)), integer(v, "verify.threads", 1, 256));
        return new Config(new Server(host, port, publicUrl, maxUpload, data), db, new Trust(pki, v.get("tsa.url"), roots), signing,
                verify, Boolean.parseBoolean(demo));
    }

    private static int integer(Map<String, String> v, String key, int min, int max) {
        try {
            int n = Integer.parseInt(v.get(key));
            if (n < min || n > max) {
                throw new ConfigException(key + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, not '" + v.get(key) + "'");
        }
    }

    /** A configuration value that cannot be used; the message names its key. */
    public static final class ConfigException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ConfigException(String message) {
            super(message);
        }
    }

}
