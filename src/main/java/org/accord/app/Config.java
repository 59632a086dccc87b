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
public record Config(Server server, Db db, Trust trust, Signing signing, Verify verify, Mail mail, Webhooks webhooks,
                     Jobs jobs, boolean demoUsers, Login login, Log log) {

    /** The service's logs: JSON lines for a log shipper instead of text, and whether each request gets its line. */
    public record Log(boolean json, boolean requests) {
    }

    /** Failed logins allowed per account and per client address within {@code window}, on every node together. */
    public record Login(int perAccount, int perAddress, Duration window) {
    }

    /** Where the service listens and how it is reached from outside ({@code publicUrl}, used in signing links). */
    /**
     * Where the service listens and how it is reached; {@code trustedProxies} are the addresses of the reverse proxies
     * whose {@code X-Forwarded-For} names the client (for throttling and logs); from anyone else the header is ignored.
     */
    public record Server(String host, int port, String publicUrl, long maxUploadBytes, Path dataDir, List<String> trustedProxies) {

        public Server {
            trustedProxies = List.copyOf(trustedProxies);
        }
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

    /**
     * How parties sign: their level, where the server keeps their keys and the seal (a PKCS#12 file, or a PKCS#11 token
     * when {@code sealToken} is not null), how long links last, whether parties sign in their listed order, how often
     * pending signatories are reminded, and the key links derive from.
     */
    public record Signing(Level level, Path keysDir, Path sealKeystore, Duration linkLifetime, int maxPasswordFailures,
                          boolean ordered, Duration reminderInterval, String linkKey, Pkcs11 sealToken) {

        @Override
        public String toString() {
            return "Signing[level=" + level + ", keysDir=" + keysDir + ", seal=" + (sealToken == null ? sealKeystore : sealToken)
                    + ", linkLifetime=" + linkLifetime + ", ordered=" + ordered + ", reminderInterval=" + reminderInterval
                    + ", linkKey=" + (linkKey.isEmpty() ? "" : "***") + "]";
        }
    }

    /**
     * The seal in a PKCS#11 token: the module, the token's label or (when {@code slotLabel} is null) its slot id, the
     * file whose first line is the user PIN, and the label of the key and its certificate.
     */
    public record Pkcs11(Path library, String slotLabel, Long slot, Path pinFile, String keyLabel) {
    }

    /**
     * Mail: the SMTP server ({@code host} empty: none, and messages wait on the outbox page), the sender, the
     * secretariat's address (may be empty), the largest attachment, and how long a download link lasts instead.
     */
    public record Mail(String host, int port, String user, String password, boolean starttls, String from, String secretariat,
                       long maxAttachmentBytes, Duration downloadLifetime) {

        /** Whether a mail server is configured. */
        public boolean configured() {
            return !host.isEmpty();
        }

        @Override
        public String toString() {
            return "Mail[host=" + host + ", port=" + port + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                    + ", starttls=" + starttls + ", from=" + from + ", secretariat=" + secretariat + "]";
        }
    }

    /** Webhooks: where events are posted ({@code url} empty: nowhere) and the secret their HMAC is keyed with. */
    public record Webhooks(String url, String secret) {

        /** Whether webhooks are configured. */
        public boolean configured() {
            return !url.isEmpty();
        }

        @Override
        public String toString() {
            return "Webhooks[url=" + url + ", secret=" + (secret.isEmpty() ? "" : "***") + "]";
        }
    }

    /**
     * The job scheduler: whether this node runs jobs, how often each runs, how long a failed delivery waits first
     * (doubling each time), and how early archives are re-time-stamped.
     */
    public record Jobs(boolean enabled, Duration outboxEvery, Duration roundsEvery, Duration archiveEvery, Duration retryAfter,
                       Duration renewBefore) {
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
        d.put("server.trustedProxies", "");
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
        d.put("signing.seal", "pkcs12");
        d.put("signing.pkcs11.library", "");
        d.put("signing.pkcs11.slotLabel", "");
        d.put("signing.pkcs11.slot", "");
        d.put("signing.pkcs11.pinFile", "");
        d.put("signing.pkcs11.keyLabel", "");
        d.put("signing.linkDays", "30");
        d.put("signing.maxPasswordFailures", "5");
        d.put("signing.order", "any");
        d.put("signing.reminderInterval", "P3D");
        d.put("signing.linkKey", "");
        d.put("mail.smtp.host", "");
        d.put("mail.smtp.port", "587");
        d.put("mail.smtp.user", "");
        d.put("mail.smtp.password", "");
        d.put("mail.smtp.starttls", "true");
        d.put("mail.from", "accord@localhost");
        d.put("mail.secretariat", "");
        d.put("mail.maxAttachmentMib", "10");
        d.put("mail.downloadDays", "14");
        d.put("webhooks.url", "");
        d.put("webhooks.secret", "");
        d.put("scheduler.enabled", "true");
        d.put("scheduler.outboxEvery", "PT10S");
        d.put("scheduler.roundsEvery", "PT1M");
        d.put("scheduler.archiveEvery", "PT6H");
        d.put("scheduler.retryAfter", "PT30S");
        d.put("archive.renewBefore", "P90D");
        d.put("verify.timeoutSeconds", "60");
        d.put("verify.threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
        d.put("demo.users", "true");
        d.put("login.maxFailures", "5");
        d.put("login.maxFailuresPerAddress", "20");
        d.put("login.window", "PT15M");
        d.put("log.format", "text");
        d.put("log.requests", "true");
        return d;
    }

    /** The environment variable that sets {@code key}. */
    static String envName(String key) {
        return "ACCORD_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Loads defaults ← {@code file} (may be null) ← {@code env} ← {@code overrides}; refuses unknown keys in the file. */
    public static Config load(Path file, Map<String, String> env, Map<String, String> overrides) {
        return load(file, env, overrides, org.accord.pki.Home.dir());
    }

    /** The keys that name files or directories (trust.roots: several, comma-separated). */
    static final List<String> PATH_KEYS = List.of("data.dir", "pki.dir", "signing.keysDir", "signing.sealKeystore",
            "signing.pkcs11.library", "signing.pkcs11.pinFile", "trust.roots");

    /**
     * As {@link #load(Path, Map, Map)}; relative paths of the defaults and of {@code file} are taken against {@code home}
     * (the installation, when started from one), those of the environment and the command line against the working
     * directory.
     */
    static Config load(Path file, Map<String, String> env, Map<String, String> overrides, java.util.Optional<Path> home) {
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
        home.ifPresent(h -> {
            for (String key : PATH_KEYS) {
                List<String> resolved = new ArrayList<>();
                for (String part : v.get(key).split(",")) {
                    if (!part.isBlank()) {
                        resolved.add(h.resolve(part.strip()).normalize().toString());
                    }
                }
                v.put(key, String.join(",", resolved));
            }
        });
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
        List<String> proxies = new ArrayList<>();
        for (String p : v.get("server.trustedProxies").split(",")) {
            if (!p.isBlank()) {
                if (!p.strip().matches("[0-9.]{7,15}|[0-9A-Fa-f:]{2,39}")) {
                    throw new ConfigException("server.trustedProxies must list IP addresses separated by commas, not '" + p.strip() + "'");
                }
                proxies.add(p.strip());
            }
        }
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
        String order = v.get("signing.order");
        if (!order.equals("any") && !order.equals("listed")) {
            throw new ConfigException("signing.order must be any or listed, not '" + order + "'");
        }
        String linkKey = v.get("signing.linkKey");
        if (!linkKey.isEmpty() && base64Length(linkKey) < 32) {
            throw new ConfigException("signing.linkKey must be at least 32 bytes in base64 (e.g. openssl rand -base64 32)");
        }
        Signing signing = new Signing(level, keys, seal, Duration.ofDays(integer(v, "signing.linkDays", 1, 366)),
                integer(v, "signing.maxPasswordFailures", 1, 100), order.equals("listed"),
                duration(v, "signing.reminderInterval", Duration.ofSeconds(1)), linkKey, sealToken(v));
        Verify verify = new Verify(Duration.ofSeconds(integer(v, "verify.timeoutSeconds", 1, 3600)), integer(v, "verify.threads", 1, 256));
        return new Config(new Server(host, port, publicUrl, maxUpload, data, proxies), db, new Trust(pki, v.get("tsa.url"), roots), signing,
                verify, mail(v), webhooks(v), new Jobs(bool(v, "scheduler.enabled"), duration(v, "scheduler.outboxEvery", Duration.ofMillis(50)),
                duration(v, "scheduler.roundsEvery", Duration.ofMillis(50)), duration(v, "scheduler.archiveEvery", Duration.ofMillis(50)),
                duration(v, "scheduler.retryAfter", Duration.ofMillis(50)), duration(v, "archive.renewBefore", Duration.ZERO)), bool(v, "demo.users"),
                new Login(integer(v, "login.maxFailures", 1, 1000), integer(v, "login.maxFailuresPerAddress", 1, 100_000),
                        duration(v, "login.window", Duration.ofSeconds(1))), log(v));
    }

    private static Log log(Map<String, String> v) {
        String format = v.get("log.format");
        if (!format.equals("text") && !format.equals("json")) {
            throw new ConfigException("log.format must be text or json, not '" + format + "'");
        }
        return new Log(format.equals("json"), bool(v, "log.requests"));
    }

    private static Pkcs11 sealToken(Map<String, String> v) {
        String seal = v.get("signing.seal");
        if (seal.equals("pkcs12")) {
            return null;
        }
        if (!seal.equals("pkcs11")) {
            throw new ConfigException("signing.seal must be pkcs12 (a keystore file) or pkcs11 (a token), not '" + seal + "'");
        }
        for (String key : List.of("signing.pkcs11.library", "signing.pkcs11.pinFile", "signing.pkcs11.keyLabel")) {
            if (v.get(key).isEmpty()) {
                throw new ConfigException(key + " must be set when signing.seal=pkcs11 (see README, 'The seal in a PKCS#11 token')");
            }
        }
        String label = v.get("signing.pkcs11.slotLabel");
        String slot = v.get("signing.pkcs11.slot");
        if (label.isEmpty() == slot.isEmpty()) {
            throw new ConfigException("signing.seal=pkcs11 needs one of signing.pkcs11.slotLabel (the token's label) and "
                    + "signing.pkcs11.slot (its slot id), not " + (label.isEmpty() ? "neither" : "both"));
        }
        Long id = null;
        if (!slot.isEmpty()) {
            try {
                id = slot.startsWith("0x") ? Long.parseLong(slot.substring(2), 16) : Long.parseLong(slot);
            } catch (NumberFormatException e) {
                id = -1L;
            }
            if (id < 0) {
                throw new ConfigException("signing.pkcs11.slot must be a slot id such as 0, 1606032011 or 0x5fba1a8b, not '" + slot + "'");
            }
        }
        return new Pkcs11(Path.of(v.get("signing.pkcs11.library")), label.isEmpty() ? null : label, id,
                Path.of(v.get("signing.pkcs11.pinFile")), v.get("signing.pkcs11.keyLabel"));
    }

    private static Mail mail(Map<String, String> v) {
        String from = v.get("mail.from");
        if (!org.accord.model.Signatory.isAddress(from)) {
            throw new ConfigException("mail.from must be a mail address such as accord@example.org, not '" + from + "'");
        }
        String secretariat = v.get("mail.secretariat");
        if (!secretariat.isEmpty() && !org.accord.model.Signatory.isAddress(secretariat)) {
            throw new ConfigException("mail.secretariat must be a mail address, not '" + secretariat + "'");
        }
        String host = v.get("mail.smtp.host");
        if (!host.matches("[A-Za-z0-9.:\\[\\]-]*")) {
            throw new ConfigException("mail.smtp.host must be a host name or address, not '" + host + "'");
        }
        return new Mail(host, integer(v, "mail.smtp.port", 1, 65535), v.get("mail.smtp.user"), v.get("mail.smtp.password"),
                bool(v, "mail.smtp.starttls"), from, secretariat, integer(v, "mail.maxAttachmentMib", 0, 100) * 1024L * 1024L,
                Duration.ofDays(integer(v, "mail.downloadDays", 1, 366)));
    }

    private static Webhooks webhooks(Map<String, String> v) {
        String url = v.get("webhooks.url");
        String secret = v.get("webhooks.secret");
        if (!url.isEmpty() && !url.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            throw new ConfigException("webhooks.url must be an http(s) URL, not '" + url + "'");
        }
        if (!url.isEmpty() && secret.length() < 16) {
            throw new ConfigException("webhooks.secret must be set, at least 16 characters, when webhooks.url is");
        }
        return new Webhooks(url, secret);
    }

    private static boolean bool(Map<String, String> v, String key) {
        String value = v.get(key);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigException(key + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static Duration duration(Map<String, String> v, String key, Duration min) {
        try {
            Duration d = Duration.parse(v.get(key));
            if (d.compareTo(min) < 0) {
                throw new ConfigException(key + " must be at least " + min + ", not " + d);
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConfigException(key + " must be an ISO-8601 duration such as P3D or PT10M, not '" + v.get(key) + "'");
        }
    }

    private static int base64Length(String value) {
        try {
            return java.util.Base64.getDecoder().decode(value).length;
        } catch (IllegalArgumentException e) {
            return 0;
        }
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
