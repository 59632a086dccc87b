package org.accord.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the changes to one original (signatures, extensions) across every node: the original's row in
 * {@code original_locks} is locked with SELECT … FOR UPDATE for as long as the work runs, on a connection of the
 * database's lock pool, and released by rolling that transaction back (or by the database when a node dies). Threads of
 * one node first queue on an in-process lock, so that waiting costs no database connection; those locks are collected
 * once unused.
 */
public final class OriginalLocks {

    private final Database db;
    private final LoadingCache<String, ReentrantLock> local = Caffeine.newBuilder().weakValues()
            .build(id -> new ReentrantLock(true));

    public OriginalLocks(Database db) {
        this.db = db;
    }

    /** Runs {@code work} holding the lock of {@code originalId}; {@link LockTimeoutException} when the lock is not had in time. */
    public <T> T with(String originalId, Supplier<T> work) {
        ReentrantLock lock = local.get(originalId);
        lock.lock();
        try (Connection c = db.lockConnection()) {
            try {
                if (!lock(c, originalId)) {
                    // an original issued before its lock row existed: add it, then lock it
                    insert(c, originalId, db.product());
                    c.commit();
                    lock(c, originalId);
                }
                return work.get();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            if (Database.lockTimeout(e)) {
                throw new LockTimeoutException("original " + originalId + " stayed locked by another request", e);
            }
            throw Database.translate(e);
        } finally {
            lock.unlock();
        }
    }

    /** How many in-process locks are held or still referenced (for tests: unused ones go). */
    long localLocks() {
        local.cleanUp();
        return local.estimatedSize();
    }

    private static boolean lock(Connection c, String originalId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT original_id FROM original_locks WHERE original_id = ? FOR UPDATE")) {
            s.setString(1, originalId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** The lock row of a new original, in the transaction that issues it. */
    static void insert(Connection c, String originalId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO original_locks (original_id) VALUES (?)")) {
            s.setString(1, originalId);
            s.executeUpdate();
        }
    }

    private static void insert(Connection c, String originalId, String product) throws SQLException {
        String sql = product.toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? "INSERT INTO original_locks (original_id) VALUES (?) ON CONFLICT (original_id) DO NOTHING"
                : "MERGE INTO original_locks (original_id) KEY (original_id) VALUES (?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, originalId);
            s.executeUpdate();
        }
    }
}
