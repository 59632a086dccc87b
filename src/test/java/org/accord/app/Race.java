package org.accord.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.testing.Http;

/** Requests released at the same instant from their own threads. */
final class Race {

    private Race() {
    }

    static List<Http.Response> run(List<Callable<Http.Response>> requests) throws Exception {
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (Callable<Http.Response> r : requests) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return r.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                responses.add(f.get());
            }
            assertEquals(requests.size(), responses.size());
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
