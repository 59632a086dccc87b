package org.accord.app;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.accord.pki.LocalTrustDataLoader;
import org.accord.pki.OfflineDataLoader;
import org.accord.pki.PkiFiles;
import org.accord.pki.TrustServices;
import org.accord.render.Renderer;
import org.accord.sign.Signer;
import org.accord.sign.TrustSetup;
import org.accord.store.Database;
import org.accord.store.User;
import org.accord.verify.Limits;
import org.accord.verify.TrustAnchor;
import org.accord.verify.Verifier;
import org.accord.web.WebApp;
import org.accord.notify.Delivery;
import org.accord.notify.MailServer;
import org.accord.workflow.Keys;
import org.accord.workflow.Links;
import org.accord.workflow.SigningRounds;
import org.accord.workflow.Workflow;

/** The running service: its database, its one renderer, signer and verifier, and the web application over them. */
public final class Service implements AutoCloseable {

    /** The password of the demo users and of the sample keys; printed at start as demo-only. */
    public static final String DEMO_PASSWORD = PkiFiles.DEMO_PASSWORD;

    private final Database db;
    private final Javalin app;
    private final Config config;
    private final Jobs jobs;
    private final Metrics metrics;

    private Service(Database db, Javalin app, Config config, Jobs jobs, Metrics metrics) {
        this.metrics = metrics;
        this.db = db;
        this.app = app;
        this.config = config;
        this.jobs = jobs;
    }

    /** Opens the database, wires everything and starts listening; {@code out} gets the start-up lines. */
    public static Service start(Config config, PrintStream out) throws IOException {
        return start(config, out, Clock.systemUTC());
    }

    /**
     * As {@link #start(Config, PrintStream)}, with the clock the journeys read (deadlines, reminders, download links,
     * the archive's renewals, mail retries); the trust services keep the system clock. Tests move it to pass a deadline.
     */
    static Service start(Config config, PrintStream out, Clock clock) throws IOException {
        org.accord.pki.EcdsaProvider.install();
        if (config.server().port() == 0) {
            config = withPort(config, freePort());
        }
        requireFreePort(config.server().host(), config.server().port());
        Files.createDirectories(config.server().dataDir());
        Metrics metrics = new Metrics();
        // The trust services, the renderer (FOP and its fonts), the signer and the verifier (DSS) need no database:
        // they are built on a second thread while the database opens and migrates, which is most of a cold start.
        boolean samplePki = config.trust().tsaUrl().isEmpty();
        Config wired = config;
        java.util.concurrent.FutureTask<Engines> engines = new java.util.concurrent.FutureTask<>(() -> Engines.build(wired, samplePki));
        Thread builder = new Thread(engines, "accord-start");
        builder.setDaemon(true);
        builder.start();
        Database db;
        try {
            db = Database.open(config.db().url(), config.db().user(), config.db().password(), config.db().pool());
        } catch (RuntimeException e) {
            engines.cancel(true);
            metrics.close();
            throw e;
        }
        try {
            Engines built = Engines.join(engines);
            TrustServices services = built.services();
            TrustSetup trust = built.trust();
            Config.Mail mail = config.mail();
            SigningRounds.Settings rounds = new SigningRounds.Settings(config.signing().ordered(), config.signing().linkLifetime(),
                    config.signing().reminderInterval(), mail.secretariat(), mail.maxAttachmentBytes(), mail.downloadLifetime());
            Workflow wf = new Workflow(new Workflow.Parts(db, built.renderer(), built.signer(), built.verifier(),
                    keys(config), config.signing().level(),
                    config.signing().maxPasswordFailures(), new Links(linkKey(config), config.server().publicUrl()), rounds,
                    config.webhooks().url(), clock, metrics));
            metrics.bind(db, wf.outbox());
            Delivery delivery = new Delivery(wf.outbox(), mail.configured() ? new MailServer(mail.host(), mail.port(), mail.user(),
                    mail.password(), mail.starttls(), mail.from()) : null, config.webhooks().secret(), config.jobs().retryAfter(),
                    clock);
            if (config.demoUsers()) {
                wf.users().addIfAbsent("secretariat", User.Role.SECRETARIAT, DEMO_PASSWORD.toCharArray(), "accord serve");
                wf.users().addIfAbsent("archivist", User.Role.ARCHIVIST, DEMO_PASSWORD.toCharArray(), "accord serve");
            }
            WebApp.Settings settings = new WebApp.Settings(config.server().publicUrl(), config.server().maxUploadBytes(),
                    mail.configured(), new WebApp.LoginLimits(config.login().perAccount(), config.login().perAddress(),
                    config.login().window()), new org.accord.store.ThrottleBuckets(db), metrics.registry(),
                    metrics.registry()::scrape, config.server().trustedProxies());
            Javalin app = WebApp.create(wf, settings, samplePki ? services : null, db::healthy);
            app.start(config.server().host(), config.server().port());
            Jobs jobs = config.jobs().enabled() ? Jobs.start(db, wf, delivery, config.jobs(), nodeName(config)) : null;
            Service service = new Service(db, app, config, jobs, metrics);
            out.println("Accord is running at " + service.url() + "/  (API: " + service.url() + "/docs, health: "
                    + service.url() + "/health)");
            out.println("  database: " + db.product() + (config.db().url().startsWith("jdbc:h2:") ? " in "
                    + config.server().dataDir().toAbsolutePath() : ""));
            out.println("  time-stamps: " + trust.description());
            Config.Pkcs11 token = config.signing().sealToken();
            out.println("  seal: " + (token == null ? config.signing().sealKeystore() + " (unlocked per use with its password)"
                    : "key '" + token.keyLabel() + "' of PKCS#11 token " + (token.slotLabel() != null ? "'" + token.slotLabel() + "'"
                    : "in slot " + token.slot()) + " (" + token.library() + "), logged in"));
            out.println("  mail: " + (mail.configured() ? "SMTP " + mail.host() + ":" + mail.port() + " from " + mail.from()
                    : "no mail server configured; messages wait on the outbox page (" + service.url() + "/outbox)")
                    + (config.webhooks().configured() ? "; webhooks to " + config.webhooks().url() : ""));
            out.println("  jobs: " + (jobs == null ? "off on this node (scheduler.enabled=false)" : "outbox every "
                    + config.jobs().outboxEvery() + ", rounds every " + config.jobs().roundsEvery() + ", archive every "
                    + config.jobs().archiveEvery()));
            if (config.demoUsers()) {
                out.println("  DEMO ONLY: users 'secretariat' and 'archivist' with the demo password (README, \"Run it\")"
                        + "; sample keys from " + config.signing().keysDir() + " (set demo.users=false in production)");
            }
            return service;
        } catch (RuntimeException | IOException e) {
            db.close();
            metrics.close();
            throw e;
        }
    }

    /** What the service is built from that needs no database: trust services, renderer, signer, verifier. */
    private record Engines(TrustServices services, TrustSetup trust, Renderer renderer, Signer signer, Verifier verifier) {

        static Engines build(Config config, boolean samplePki) throws IOException {
            TrustServices services = samplePki || config.trust().roots().isEmpty()
                    ? TrustServices.load(config.trust().pkiDir(), Clock.systemUTC()) : null;
            TrustSetup trust = samplePki ? TrustSetup.local(services, services.baseUrl())
                    : TrustSetup.online(config.trust().tsaUrl(), anchors(config, services));
            return new Engines(services, trust, new Renderer(), new Signer(trust), Service.verifier(config, services));
        }

        /** The engines once built, or what stopped them, as it would have been thrown on this thread. */
        static Engines join(java.util.concurrent.FutureTask<Engines> task) throws IOException {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /** The parties' keys, and the seal: a PKCS#12 file unlocked per use, or a key in a token logged in now. */
    private static Keys keys(Config config) throws IOException {
        Config.Pkcs11 token = config.signing().sealToken();
        return token == null ? new Keys(config.signing().keysDir(), config.signing().sealKeystore())
                : new Keys(config.signing().keysDir(), SealToken.open(token, config.trust()));
    }

    /** Refuses a port that is taken before anything is opened (Jetty would log its own trace first). */
    private static void requireFreePort(String host, int port) throws java.net.BindException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.net.BindException e) {
            throw e;
        } catch (IOException e) {
            java.net.BindException bind = new java.net.BindException("cannot listen on " + host + ":" + port);
            bind.initCause(e);
            throw bind;
        }
    }

    /** Port 0 means any free port; it is chosen before wiring, because signing links must carry the real one. */
    private static Config withPort(Config c, int port) {
        Config.Server s = c.server();
        String url = s.publicUrl().replaceFirst(":0(?=/|$)", ":" + port);
        return new Config(new Config.Server(s.host(), port, url, s.maxUploadBytes(), s.dataDir(), s.trustedProxies()), c.db(), c.trust(),
                c.signing(), c.verify(), c.mail(), c.webhooks(), c.jobs(), c.demoUsers(), c.login(), c.log());
    }

    /**
     * The key signing links derive from: {@code signing.linkKey}, else a random one kept in the data directory (fine
     * for one node; several nodes must share one key through the setting).
     */
    private static byte[] linkKey(Config config) throws IOException {
        if (!config.signing().linkKey().isEmpty()) {
            return java.util.Base64.getDecoder().decode(config.signing().linkKey());
        }
        Path file = config.server().dataDir().resolve("link.key");
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            Path tmp = Files.createTempFile(config.server().dataDir(), "link", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect it
            }
            Files.write(tmp, java.util.Base64.getEncoder().encode(key));
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
            }
        }
        byte[] key = java.util.Base64.getDecoder().decode(Files.readString(file).strip());
        if (key.length < 32) {
            throw new Config.ConfigException(file + " holds a link key of " + key.length + " bytes; at least 32 are needed");
        }
        return key;
    }

    private static String nodeName(Config config) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "node";
        }
        String name = host + ":" + config.server().port();
        return name.length() > 50 ? name.substring(0, 50) : name;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<X509Certificate> anchors(Config config, TrustServices services) throws IOException {
        if (config.trust().roots().isEmpty()) {
            return List.of(services.rootCertificate());
        }
        List<X509Certificate> roots = new ArrayList<>();
        for (Path p : config.trust().roots()) {
            try (InputStream in = Files.newInputStream(p)) {
                roots.add((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
            } catch (CertificateException e) {
                throw new Config.ConfigException("trust.roots: " + p + " is not an X.509 certificate");
            }
        }
        return roots;
    }

    private static Verifier verifier(Config config, TrustServices services) throws IOException {
        Limits limits = new Limits(config.server().maxUploadBytes(), Limits.DEFAULT.maxPages(), Limits.DEFAULT.maxObjects(),
                config.verify().timeout(), config.verify().threads());
        if (config.trust().roots().isEmpty()) {
            TrustAnchor demo = new TrustAnchor(services.rootCertificate(), "Accord demo root", true);
            return new Verifier(List.of(demo), new LocalTrustDataLoader(services, services.baseUrl(), new OfflineDataLoader()), limits);
        }
        List<TrustAnchor> anchors = new ArrayList<>();
        for (X509Certificate root : anchors(config, services)) {
            anchors.add(new TrustAnchor(root, root.getSubjectX500Principal().getName(), false));
        }
        return new Verifier(anchors, new CommonsDataLoader(), limits);
    }

    /** The port it listens on (useful when configured as 0). */
    public int port() {
        return app.port();
    }

    /** The database it runs on, for what reads the store beside it in this process. */
    Database database() {
        return db;
    }

    /** Where to open it. */
    public String url() {
        return config.server().publicUrl();
    }

    @Override
    public void close() {
        if (jobs != null) {
            jobs.close();
        }
        app.stop();
        db.close();
        metrics.close();
    }
}
