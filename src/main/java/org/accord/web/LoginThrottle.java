package org.accord.web;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.store.AuditTrail;

/**
 * Failed logins, counted per account and per client address in buckets every node shares (Bucket4j over the database):
 * each failure takes a token, tokens come back evenly over the window. Asked before any password hashing: with an empty
 * bucket the answer is 429 with Retry-After, and no Argon2 work is done. After a few failures each further failure is
 * answered more slowly. Failures and refusals go into the audit trail.
 */
final class LoginThrottle {

    /** A login refused before its password was checked; try again after {@code retryAfterSeconds}. */
    static final class Throttled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("too many failed logins; try again in " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Failures answered at once; each one after these waits longer, up to {@link #MAX_DELAY_MS}. */
    private static final int FREE_FAILURES = 2;
    private static final long MAX_DELAY_MS = 2000;

    private final ProxyManager<String> buckets;
    private final WebApp.LoginLimits limits;
    private final AuditTrail audit;
    /** When each key's refusal was last audited (this node only): one audit event per key and minute, not per request. */
    private final Map<String, Long> auditedRefusal = new ConcurrentHashMap<>();

    LoginThrottle(ProxyManager<String> buckets, WebApp.LoginLimits limits, AuditTrail audit) {
        this.buckets = buckets;
        this.limits = limits;
        this.audit = audit;
    }

    /** Refuses with {@link Throttled} when the account or the address has no failure left; nothing is counted. */
    void check(String username, String address) {
        if (buckets == null) {
            return;
        }
        long wait = 0;
        String refusedKey = null;
        for (String key : new String[] {account(username), address(address)}) {
            EstimationProbe probe = bucket(key).estimateAbilityToConsume(1);
            if (!probe.canBeConsumed() && probe.getNanosToWaitForRefill() > wait) {
                wait = probe.getNanosToWaitForRefill();
                refusedKey = key;
            }
        }
        if (refusedKey != null) {
            long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
            long now = System.currentTimeMillis();
            Long last = auditedRefusal.get(refusedKey);
            if (last == null || now - last > 60_000) {
                if (auditedRefusal.size() > 10_000) {
                    auditedRefusal.clear();
                }
                auditedRefusal.put(refusedKey, now);
                audit.record("anonymous", "login.throttled", subject(username), null, "from " + address + "; the "
                        + (refusedKey.startsWith("login:account:") ? "account's" : "address's") + " failed logins are used up; "
                        + "retry after " + seconds + " s");
            }
            throw new Throttled(seconds);
        }
    }

    /** Counts a failed login against the account and the address, audits it, and slows the answer after a few. */
    void failed(String username, String address) {
        if (buckets == null) {
            return;
        }
        long accountLeft = bucket(account(username)).tryConsumeAndReturnRemaining(1).getRemainingTokens();
        long addressLeft = bucket(address(address)).tryConsumeAndReturnRemaining(1).getRemainingTokens();
        audit.record("anonymous", "login.failed", subject(username), null, "from " + address);
        long used = Math.max(limits.perAccount() - accountLeft, limits.perAddress() - addressLeft);
        if (used > FREE_FAILURES) {
            try {
                Thread.sleep(Math.min(MAX_DELAY_MS, 250L << Math.min(used - FREE_FAILURES - 1, 4)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private BucketProxy bucket(String key) {
        int capacity = key.startsWith("login:account:") ? limits.perAccount() : limits.perAddress();
        return buckets.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, limits.window())).build());
    }

    private static String account(String username) {
        return "login:account:" + clip(username).toLowerCase(Locale.ROOT);
    }

    private static String address(String address) {
        return "login:address:" + clip(address);
    }

    /** The account a login named, as the audit trail shows it (what was typed, tamed: never a control character). */
    private static String subject(String username) {
        String u = clip(username).replaceAll("[^A-Za-z0-9._@-]", "?");
        return "user:" + (u.isEmpty() ? "?" : u);
    }

    private static String clip(String s) {
        String v = s == null ? "" : s;
        return v.length() > 64 ? v.substring(0, 64) : v;
    }
}
