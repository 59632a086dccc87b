package org.accord.store;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Bucket4j's buckets in the database ({@code throttle_buckets}), so every node counts the same failed logins. One row per
 * key, locked with SELECT … FOR UPDATE for the length of one bucket operation, which H2 and PostgreSQL both do; only
 * "insert the row unless it exists" differs between them. Bucket4j's own PostgreSQL module has no H2 twin, so this is the
 * same technique over both.
 */
public final class ThrottleBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

    private final Database db;
    private final String insert;

    public ThrottleBuckets(Database db) {
        super(ClientSideConfig.getDefault());
        this.db = db;
        this.insert = db.product().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? "INSERT INTO throttle_buckets (id, state) VALUES (?, NULL) ON CONFLICT (id) DO NOTHING"
                : "MERGE INTO throttle_buckets (id) KEY (id) VALUES (?)";
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection c;
        try {
            c = db.dataSource().getConnection();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
        return new SelectForUpdateBasedTransaction() {
            @Override
            public void begin(Optional<Long> timeout) {
                // the pool's connections do not commit on their own
            }

            @Override
            public void rollback() {
                run(c::rollback);
            }

            @Override
            public void commit(Optional<Long> timeout) {
                run(c::commit);
            }

            @Override
            public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
                try (PreparedStatement s = c.prepareStatement("SELECT state FROM throttle_buckets WHERE id = ? FOR UPDATE")) {
                    applyTimeout(s, timeout);
                    s.setString(1, key);
                    try (ResultSet r = s.executeQuery()) {
                        return r.next() ? LockAndGetResult.locked(r.getBytes(1)) : LockAndGetResult.notLocked();
                    }
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public boolean tryInsertEmptyData(Optional<Long> timeout) {
                try (PreparedStatement s = c.prepareStatement(insert)) {
                    applyTimeout(s, timeout);
                    s.setString(1, key);
                    return s.executeUpdate() > 0;
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
                try (PreparedStatement s = c.prepareStatement("UPDATE throttle_buckets SET state = ? WHERE id = ?")) {
                    applyTimeout(s, timeout);
                    s.setBytes(1, data);
                    s.setString(2, key);
                    s.executeUpdate();
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void release() {
                run(c::close);
            }
        };
    }

    @Override
    public void removeProxy(String key) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM throttle_buckets WHERE id = ?")) {
                s.setString(1, key);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return false;
    }

    private interface SqlStep {
        void run() throws SQLException;
    }

    private static void run(SqlStep step) {
        try {
            step.run();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }
}
