package org.accord.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.accord.store.Outbox;

/**
 * The outbox delivery job: claims due messages (a lease, so one node sends each), sends them, and on failure
 * tries again after a backoff that doubles from {@code firstRetry} up to six hours. Mails wait while no SMTP server
 * is configured; nothing is lost when a server is down, and a restart resends what was pending or cut off.
 */
public final class Delivery {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Delivery.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final Mailer mailer;
    private final Webhooks webhooks;
    private final Duration firstRetry;
    private final Clock clock;

    /** Delivery through {@code mail} (null: none configured) and webhooks keyed with {@code webhookSecret} (may be empty). */
    public Delivery(Outbox outbox, MailServer mail, String webhookSecret, Duration firstRetry, Clock clock) {
        this.outbox = outbox;
        this.mailer = mail == null ? null : new Mailer(mail);
        this.webhooks = webhookSecret == null || webhookSecret.isEmpty() ? null : new Webhooks(webhookSecret);
        this.firstRetry = firstRetry;
        this.clock = clock;
    }

    /** Whether mails go out (else they wait on the outbox page). */
    public boolean mailConfigured() {
        return mailer != null;
    }

    /** One pass: delivers what is due; returns how many messages went out. */
    public int deliver() {
        int sent = 0;
        if (mailer != null) {
            for (Outbox.Message m : outbox.claim("mail", clock.instant(), LEASE, BATCH)) {
                sent += attempt(m, () -> mailer.send(m, outbox.attachments(m.id())));
            }
        }
        if (webhooks != null) {
            for (Outbox.Message m : outbox.claim("webhook", clock.instant(), LEASE, BATCH)) {
                sent += attempt(m, () -> webhooks.post(m, clock.instant()));
            }
        }
        return sent;
    }

    private int attempt(Outbox.Message m, Send send) {
        try {
            send.run();
            outbox.sent(m.id(), clock.instant());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outbox.failed(m.id(), "interrupted", clock.instant());
            return 0;
        } catch (Exception e) {
            Instant retry = clock.instant().plus(backoff(firstRetry, m.attempts()));
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.warn("{} {} to {} not delivered (attempt {}), retrying at {}: {}", m.channel(), m.kind(), redact(m.recipient()),
                    m.attempts(), retry, why);
            outbox.failed(m.id(), why, retry);
            return 0;
        }
    }

    /** The wait before attempt {@code attempts + 1}: {@code first} × 2^(attempts − 1), at most six hours. */
    static Duration backoff(Duration first, int attempts) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private static String redact(String recipient) {
        // a webhook URL may carry a token in its query; an address is shown as its domain
        int at = recipient.indexOf('@');
        return recipient.startsWith("http") ? recipient.replaceAll("\\?.*$", "?…") : at < 0 ? recipient : "…" + recipient.substring(at);
    }

    @FunctionalInterface
    private interface Send {
        void run() throws Exception;
    }
}
