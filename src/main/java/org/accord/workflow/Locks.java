package org.accord.workflow;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per original, so that signatures and extensions of the same original run one after the other in this
 * process (the database's revision key still refuses a second revision n+1 from another process).
 */
final class Locks {

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T with(String originalId, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(originalId, id -> new ReentrantLock(true));
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
