package org.accord.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.pki.LocalTrustDataLoader;
import org.accord.pki.OfflineDataLoader;
import org.accord.render.Layout;
import org.accord.render.Renderer;
import org.accord.sign.Level;
import org.accord.sign.Signer;
import org.accord.sign.TrustSetup;
import org.accord.store.Database;
import org.accord.store.Revision;
import org.accord.testing.Seeds;
import org.accord.testing.TestPki;
import org.accord.verify.Limits;
import org.accord.verify.TrustAnchor;
import org.accord.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service processes on one database: a signature to an original waits for the other process's change to the same
 * original to be stored (the lock is the database's, not a JVM's), then signs on top of it; neither is lost or made twice.
 */
class TwoProcessesIT {

    @TempDir
    Path dir;

    private static Workflow workflow(Database db, Renderer renderer) {
        TrustSetup trust = TrustSetup.local(TestPki.services(), TestPki.BASE_URL);
        Verifier verifier = new Verifier(List.of(new TrustAnchor(TestPki.services().rootCertificate(), "test root", true)),
                new LocalTrustDataLoader(TestPki.services(), TestPki.BASE_URL, new OfflineDataLoader()), Limits.DEFAULT);
        return new Workflow(new Workflow.Parts(db, renderer, new Signer(trust), verifier,
                new Keys(TestPki.dir(), TestPki.dir().resolve("secretariat-seal.p12")), Level.B_T, 5,
                new Links(new byte[32], "http://127.0.0.1:1"), new SigningRounds.Settings(false, Duration.ofDays(1), Duration.ofDays(3), "",
                10 << 20, Duration.ofDays(14)), "", Clock.systemUTC()));
    }

    @Test
    void two_processes_take_turns_on_one_original_and_neither_signs_twice() throws Exception {
        try (Database db = Database.open(Database.h2Url(dir), "sa", "", 4)) {
            Renderer renderer = new Renderer();
            Workflow a = workflow(db, renderer);
            Workflow b = workflow(db, renderer);
            String id = a.drafting().create(Files.readAllBytes(Seeds.CICA), "secretariat");
            Issuing.Issued original = a.issuing().issue(id, Layout.PARALLEL, null, Level.B_T, "secretariat").get(0);

            CountDownLatch aSigned = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger aSignings = new AtomicInteger();
            AtomicInteger bSignings = new AtomicInteger();
            a.signing().beforeStore = () -> {
                aSignings.incrementAndGet();
                aSigned.countDown();
                try {
                    // a holds the original's lock (in the database) with its signature made and not yet stored
                    assertTrue(release.await(60, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            b.signing().beforeStore = bSignings::incrementAndGet;
            CompletableFuture<Revision> byA = CompletableFuture.supplyAsync(() -> a.signing().withHeldKey(
                    original.tokens().get("cica"), new org.accord.sign.Place("Astana", "Астане"), "accord-demo".toCharArray()));
            assertTrue(aSigned.await(60, TimeUnit.SECONDS));
            CompletableFuture<Revision> byB = CompletableFuture.supplyAsync(() -> b.signing().withHeldKey(
                    original.tokens().get("sco-rats"), new org.accord.sign.Place("Tashkent", "Ташкенте"), "accord-demo".toCharArray()));
            Thread.sleep(1500);
            assertEquals(0, bSignings.get(), "the other process waits for the lock instead of signing revision 0 too");
            release.countDown();
            Revision fromA = byA.get(120, TimeUnit.SECONDS);
            Revision fromB = byB.get(120, TimeUnit.SECONDS);

            assertEquals(1, fromA.number());
            assertEquals(2, fromB.number(), "b signed on a's revision");
            assertEquals(1, aSignings.get());
            assertEquals(1, bSignings.get(), "no signature was made twice");
            byte[] pdf = a.status().latestPdf(original.original().id());
            var verdict = a.archive().verify("race.pdf", pdf, "test").verification().report();
            assertTrue(verdict.valid(), verdict.toString());
            assertEquals(2, verdict.signatures().size());
        }
    }
}
