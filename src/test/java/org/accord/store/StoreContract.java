package org.accord.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every database Accord runs on must do; run against H2 and PostgreSQL by the subclasses. */
abstract class StoreContract {

    /** A database with the schema applied and nothing in it from other tests. */
    abstract Database database();

    private String agreement(Database db) {
        String n = java.util.UUID.randomUUID().toString();
        return new Agreements(db).create("cica-sco-rats-2017", "Protocol " + n, "Протокол " + n, "id: x\n".getBytes(StandardCharsets.UTF_8),
                "secretariat");
    }

    @Test
    void throttle_buckets_are_shared_by_every_instance_on_the_database() {
        Database db = database();
        io.github.bucket4j.BucketConfiguration three = io.github.bucket4j.BucketConfiguration.builder()
                .addLimit(l -> l.capacity(3).refillGreedy(3, java.time.Duration.ofHours(1))).build();
        String key = "test:" + java.util.UUID.randomUUID();
        var one = new ThrottleBuckets(db).builder().build(key, () -> three);
        var other = new ThrottleBuckets(db).builder().build(key, () -> three);
        assertTrue(one.tryConsume(1));
        assertTrue(other.tryConsume(1));
        assertTrue(one.tryConsume(1));
        assertFalse(other.tryConsume(1), "the third token was taken through the other instance");
        assertFalse(one.estimateAbilityToConsume(1).canBeConsumed());
        assertTrue(new ThrottleBuckets(db).builder().build("test:" + java.util.UUID.randomUUID(), () -> three).tryConsume(1),
                "another key has its own bucket");
    }

    @Test
    void a_session_is_found_by_any_instance_and_ends_with_what_it_kept() {
        Database db = database();
        new Users(db).addIfAbsent("clerk-" + db.hashCode(), User.Role.ARCHIVIST, "pw".toCharArray(), "test");
        User clerk = new User("clerk-" + db.hashCode(), User.Role.ARCHIVIST);
        String id = "session-" + java.util.UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        new BrowserSessions(db).create(id, "csrf-token", clerk, now);
        BrowserSessions other = new BrowserSessions(db);
        BrowserSessions.Stored found = other.find(id).orElseThrow();
        assertEquals("csrf-token", found.csrf());
        assertEquals(clerk, found.user());
        assertEquals(now, found.seenAt());
        other.flash(id, "issued:x", "[1,2]", 16);
        assertEquals("[1,2]", new BrowserSessions(db).take(id, "issued:x").orElseThrow());
        assertTrue(other.take(id, "issued:x").isEmpty(), "a flash is read once");
        other.keep(id, "r1", new BrowserSessions.Kept(new byte[] {1}, null), now, 2);
        other.keep(id, "r2", new BrowserSessions.Kept(new byte[] {2}, new byte[] {'x'}), now.plusMillis(1), 2);
        other.keep(id, "r3", new BrowserSessions.Kept(new byte[] {3}, null), now.plusMillis(2), 2);
        assertTrue(other.kept(id, "r1").isEmpty(), "only the two latest are kept");
        assertArrayEquals(new byte[] {'x'}, other.kept(id, "r2").orElseThrow().etsiXml());
        assertTrue(other.kept("session-someone-else", "r3").isEmpty(), "a report is another session's to download");
        other.delete(id);
        assertTrue(other.find(id).isEmpty());
        assertTrue(other.kept(id, "r3").isEmpty());
    }

    @Test
    void the_purge_ends_idle_sessions_then_visitors_before_anyone_logged_in() {
        Database db = database();
        BrowserSessions sessions = new BrowserSessions(db);
        sessions.purge(Instant.now().plusSeconds(60), Integer.MAX_VALUE);
        new Users(db).addIfAbsent("staff-" + db.hashCode(), User.Role.SECRETARIAT, "pw".toCharArray(), "test");
        User staff = new User("staff-" + db.hashCode(), User.Role.SECRETARIAT);
        Instant now = Instant.now();
        sessions.create("idle", "t", staff, now.minus(java.time.Duration.ofHours(9)));
        sessions.create("staff", "t", staff, now.minusSeconds(3600));
        for (int i = 0; i < 20; i++) {
            sessions.create("visitor-" + i, "t", null, now.minusSeconds(20 - i));
        }
        int ended = sessions.purge(now.minus(java.time.Duration.ofHours(8)), 10);
        assertEquals(12, ended, "the idle one and eleven visitors");
        assertEquals(10, sessions.count());
        assertTrue(sessions.find("staff").isPresent(), "a flood of visitors does not log anyone out");
        assertTrue(sessions.find("idle").isEmpty());
        assertTrue(sessions.find("visitor-0").isEmpty(), "the visitors seen longest ago go first");
        assertTrue(sessions.find("visitor-19").isPresent());
    }

    @Test
    void a_pending_signature_comes_back_whole_and_only_once() throws Exception {
        Database db = database();
        StoredOriginal original = issue(db, agreement(db)).get(0);
        Invitation link = new Invitations(db).ofOriginal(original.id()).get(0);
        java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCertificate(java.nio.file.Files.newInputStream(
                        java.nio.file.Path.of("keystores-sample/root-ca.pem")));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        PendingSignatures pending = new PendingSignatures(db);
        pending.put(new PendingSignatures.Pending(link.id(), 3, pdf("prepared"), "Moscow", "Москве", "B-LT", List.of(cert, cert),
                now, new byte[] {9, 8}, "SHA256withECDSA", now.plusSeconds(600)), now);
        PendingSignatures.Pending back = new PendingSignatures(db).take(link.id(), now).orElseThrow();
        assertEquals(3, back.baseRevision());
        assertArrayEquals(pdf("prepared"), back.pdf());
        assertEquals(List.of(cert, cert), back.chain());
        assertEquals("Москве", back.placeRu());
        assertEquals(now, back.signingTime());
        assertArrayEquals(new byte[] {9, 8}, back.dataToSign());
        assertTrue(pending.take(link.id(), now).isEmpty(), "completed once");
        pending.put(new PendingSignatures.Pending(link.id(), 3, pdf("p"), null, null, "B-LT", List.of(cert), now, new byte[] {1},
                "SHA256withECDSA", now.plusSeconds(1)), now);
        assertTrue(pending.take(link.id(), now.plusSeconds(2)).isEmpty(), "an expired one is not completed");
    }

    @Test
    void an_original_is_changed_by_one_instance_at_a_time() throws Exception {
        Database db = database();
        StoredOriginal original = issue(db, agreement(db)).get(0);
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // a new instance per run: no in-process lock is shared, only the database's
                OriginalLocks locks = new OriginalLocks(db);
                runs.add(pool.submit(() -> locks.with(original.id(), () -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(30);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                    return 1;
                })));
            }
            for (Future<Integer> f : runs) {
                assertEquals(1, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, most.get(), "two changes to one original ran at once");
        OriginalLocks locks = new OriginalLocks(db);
        assertEquals("other", locks.with("an-original-issued-before-locks", () -> "other"), "a missing lock row is added");
    }

    @Test
    void one_agreement_per_title_until_its_draft_is_deleted() {
        Database db = database();
        Agreements agreements = new Agreements(db);
        byte[] source = "id: x\n".getBytes(StandardCharsets.UTF_8);
        String first = agreements.create("x", "Protocol on Cooperation", "Протокол о сотрудничестве", source, "secretariat");
        DuplicateTitleException again = assertThrows(DuplicateTitleException.class, () -> agreements.create("y",
                "  PROTOCOL   on\tcooperation ", "Протокол", source, "secretariat"), "case and spacing do not make another title");
        assertEquals(first, again.existingId());
        assertEquals(1, agreements.list().stream().filter(a -> a.titleEn().startsWith("Protocol on")).count(), "nothing more stored");
        assertEquals(Agreements.Deletion.DELETED, agreements.delete(first, "secretariat"));
        String second = agreements.create("x", "Protocol on Cooperation", "Протокол о сотрудничестве", source, "secretariat");
        assertNotEquals(first, second, "a deleted draft frees its title");
    }

    private List<StoredOriginal> issue(Database db, String agreementId) {
        NewOriginal one = original(1, "cica", pdf("rev0-1"), "token-a-" + agreementId, "token-b-" + agreementId);
        NewOriginal two = original(2, "sco-rats", pdf("rev0-2"), "token-c-" + agreementId, "token-d-" + agreementId);
        return new Originals(db).issue(agreementId, List.of(one, two), "secretariat");
    }

    /** An original of two parties whose links have these tokens, in a round that runs in any order. */
    private static NewOriginal original(int number, String custodian, byte[] pdf, String cicaToken, String scoToken) {
        Instant expires = Instant.now().plus(1, ChronoUnit.DAYS);
        Effects links = Effects.none().invite("cica", java.util.UUID.randomUUID().toString(), sha(cicaToken), expires, "secretariat")
                .invite("sco-rats", java.util.UUID.randomUUID().toString(), sha(scoToken), expires, "secretariat");
        return new NewOriginal(java.util.UUID.randomUUID().toString(), number, 2, "parallel", custodian,
                List.of(NewRevision.of("issued", pdf)), new Rounds.NewRound(false, expires,
                List.of(new Rounds.NewParty("cica", null), new Rounds.NewParty("sco-rats", null))), links);
    }

    private static byte[] pdf(String marker) {
        return ("%PDF-1.7 " + marker).getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha(String s) {
        return Rows.sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void an_agreement_keeps_its_source_byte_for_byte() {
        Database db = database();
        String id = agreement(db);
        StoredAgreement found = new Agreements(db).find(id).orElseThrow();
        assertArrayEquals("id: x\n".getBytes(StandardCharsets.UTF_8), found.source());
        assertTrue(found.titleRu().startsWith("Протокол "), found.titleRu());
        assertTrue(new Agreements(db).list().stream().anyMatch(a -> a.id().equals(id)));
    }

    @Test
    void issuing_twice_is_a_conflict_and_stores_nothing_more() {
        Database db = database();
        String id = agreement(db);
        issue(db, id);
        int events = new AuditTrail(db).chain().events().size();
        assertThrows(ConflictException.class, () -> issue(db, id));
        assertEquals(2, new Originals(db).ofAgreement(id).size());
        assertEquals(events, new AuditTrail(db).chain().events().size());
    }

    @Test
    void a_signing_link_is_used_once_with_the_revision_it_made() {
        Database db = database();
        String id = agreement(db);
        StoredOriginal original = issue(db, id).get(0);
        Invitations invitations = new Invitations(db);
        Invitation link = invitations.byTokenHash(sha("token-a-" + id)).orElseThrow();
        assertEquals("cica", link.partyId());
        Originals originals = new Originals(db);
        originals.append(original.id(), 0, new NewRevision("signed", "cica", "Signer", Instant.now(), "B-LT", pdf("rev1")),
                link.id(), "link:cica", "original.signed");
        assertEquals(Invitation.State.USED, invitations.byTokenHash(sha("token-a-" + id)).orElseThrow().state(Instant.now()));
        assertThrows(ConflictException.class, () -> originals.append(original.id(), 1,
                new NewRevision("signed", "cica", "Signer", Instant.now(), "B-LT", pdf("rev2")), link.id(), "link:cica", "original.signed"));
        assertEquals(2, originals.revisions(original.id()).size(), "the refused revision was not stored");
        assertArrayEquals(pdf("rev1"), originals.bytes(original.id(), 1).orElseThrow());
        assertEquals(1, originals.withHash(Rows.sha256(pdf("rev1"))).size());
    }

    @Test
    void the_verdict_recorded_with_a_revision_comes_back_with_it() {
        Database db = database();
        String id = agreement(db);
        StoredOriginal original = issue(db, id).get(0);
        Originals originals = new Originals(db);
        assertEquals(null, originals.latest(original.id()).intactSignatures(), "issued without a verdict");
        originals.append(original.id(), 0, new NewRevision("signed", "cica", "Signer", Instant.now(), "B-LT", pdf("verdict-1-" + id), 1),
                null, "link:cica", "original.signed");
        Revision one = originals.latest(original.id());
        assertEquals(1, one.intactSignatures());
        assertEquals(Rows.sha256(pdf("verdict-1-" + id)), one.sha256());
        originals.append(original.id(), 1, NewRevision.of("extended", pdf("verdict-2-" + id), 0), null, "scheduler", "original.extended");
        assertEquals(List.of(1, 0), originals.revisions(original.id()).stream().skip(1).map(Revision::intactSignatures).toList());
    }

    @Test
    void two_writers_of_the_same_revision_number_cannot_both_commit() throws Exception {
        Database db = database();
        StoredOriginal original = issue(db, agreement(db)).get(1);
        Originals originals = new Originals(db);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Revision>> results = new ArrayList<>();
            for (String party : List.of("cica", "sco-rats")) {
                Callable<Revision> write = () -> {
                    start.await();
                    return originals.append(original.id(), 0, new NewRevision("signed", party, party, Instant.now(), "B-T",
                            pdf("by " + party)), null, "link:" + party, "original.signed");
                };
                results.add(pool.submit(write));
            }
            start.countDown();
            int won = 0;
            int conflicts = 0;
            for (Future<Revision> f : results) {
                try {
                    f.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof ConflictException, e.getCause().toString());
                    conflicts++;
                }
            }
            assertEquals(1, won);
            assertEquals(1, conflicts);
            assertEquals(2, originals.revisions(original.id()).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_audit_chain_holds_and_shows_an_edited_event() throws Exception {
        Database db = database();
        issue(db, agreement(db));
        AuditTrail trail = new AuditTrail(db);
        AuditTrail.Chain chain = trail.chain();
        assertTrue(chain.firstBreak().isEmpty(), chain.firstBreak().toString());
        assertTrue(chain.events().size() >= 7, "agreement, 2 originals, 4 invitations: " + chain.events().size());
        long victim = chain.events().get(chain.events().size() - 3).seq();
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE audit_events SET actor = 'someone else' WHERE seq = ?")) {
                s.setLong(1, victim);
                return s.executeUpdate();
            }
        });
        assertEquals("event " + victim + " was changed after it was recorded", trail.chain().firstBreak().orElseThrow());
    }

    @Test
    void altered_revision_bytes_are_refused_when_read() {
        Database db = database();
        StoredOriginal original = issue(db, agreement(db)).get(0);
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE revisions SET bytes = ? WHERE original_id = ?")) {
                s.setBytes(1, pdf("forged"));
                s.setString(2, original.id());
                return s.executeUpdate();
            }
        });
        StoreException e = assertThrows(StoreException.class, () -> new Originals(db).bytes(original.id(), 0));
        assertTrue(e.getMessage().contains("does not match its recorded SHA-256"), e.getMessage());
    }

    @Test
    void a_password_unlocks_only_its_user() {
        Database db = database();
        Users users = new Users(db);
        String name = "secretariat-" + System.nanoTime();
        assertTrue(users.addIfAbsent(name, User.Role.SECRETARIAT, "accord-demo".toCharArray(), "setup"));
        assertFalse(users.addIfAbsent(name, User.Role.ARCHIVIST, "other".toCharArray(), "setup"));
        assertEquals(User.Role.SECRETARIAT, users.authenticate(name, "accord-demo".toCharArray()).orElseThrow().role());
        assertTrue(users.authenticate(name, "accord-demo ".toCharArray()).isEmpty());
        assertTrue(users.authenticate("nobody", "accord-demo".toCharArray()).isEmpty());
    }

    @Test
    void wrong_passwords_revoke_a_link_at_the_limit() {
        Database db = database();
        String id = agreement(db);
        issue(db, id);
        Invitations invitations = new Invitations(db);
        Invitation link = invitations.byTokenHash(sha("token-b-" + id)).orElseThrow();
        assertEquals(1, invitations.recordFailure(link.id(), 3, "link"));
        assertEquals(2, invitations.recordFailure(link.id(), 3, "link"));
        assertEquals(Invitation.State.OPEN, invitations.byTokenHash(sha("token-b-" + id)).orElseThrow().state(Instant.now()));
        assertEquals(3, invitations.recordFailure(link.id(), 3, "link"));
        assertEquals(Invitation.State.REVOKED, invitations.byTokenHash(sha("token-b-" + id)).orElseThrow().state(Instant.now()));
    }

}
