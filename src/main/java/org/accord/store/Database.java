package org.accord.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.flywaydb.core.Flyway;

/** A pooled connection to Accord's database, migrated to the current schema when opened. */
public final class Database implements AutoCloseable {

    /** How long a change to an original waits for another node's change to the same original. */
    static final int LOCK_WAIT_SECONDS = 60;

    private final HikariDataSource pool;
    private final HikariDataSource locks;
    private final String product;

    private Database(HikariDataSource pool, HikariDataSource locks, String product) {
        this.pool = pool;
        this.locks = locks;
        this.product = product;
    }

    /** Opens {@code url} (H2 or PostgreSQL), applies the migrations, and keeps up to {@code maxConnections} open. */
    public static Database open(String url, String user, String password, int maxConnections) {
        Objects.requireNonNull(url, "url cannot be null");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxConnections);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setPoolName("accord");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database " + redacted(url) + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").javaMigrations(new V4AgreementTitles())
                    .load().migrate();
            String product;
            try (Connection c = pool.getConnection()) {
                product = c.getMetaData().getDatabaseProductName();
            }
            return new Database(pool, lockPool(url, user, password, maxConnections, product), product);
        } catch (RuntimeException | SQLException e) {
            pool.close();
            throw new StoreException("cannot migrate the database " + redacted(url) + ": " + rootMessage(e), e);
        }
    }

    /**
     * The connections that hold the originals' locks, apart from the pool the work under a lock uses, so that waiting
     * for a lock can never take the last connection that work needs.
     */
    private static HikariDataSource lockPool(String url, String user, String password, int maxConnections, String product) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setPoolName("accord-locks");
        if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            config.setConnectionInitSql("SET lock_timeout = '" + LOCK_WAIT_SECONDS + "s'");
        }
        return new HikariDataSource(config);
    }

    /** A connection of the lock pool (see {@link OriginalLocks}). */
    Connection lockConnection() throws SQLException {
        return locks.getConnection();
    }

    /** Whether {@code e} says a lock was not had in time (PostgreSQL's lock_timeout, H2's LOCK_TIMEOUT). */
    static boolean lockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState()) || "HYT00".equals(e.getSQLState()) || e.getErrorCode() == 50200;
    }

    /** The JDBC URL of the embedded H2 database in {@code dir}; commits are flushed before they return. */
    public static String h2Url(java.nio.file.Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("accord") + ";WRITE_DELAY=0;LOCK_TIMEOUT=20000";
    }

    /** "H2" or "PostgreSQL", as the driver names it. */
    public String product() {
        return product;
    }

    /** Work inside one transaction: committed when {@code work} returns, rolled back when it throws. */
    <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** A read outside any write: still one consistent transaction. */
    <T> T read(Work<T> work) {
        return transaction(work);
    }

    /** The pool itself, for the job scheduler (its connections do not commit on their own). */
    public javax.sql.DataSource dataSource() {
        return pool;
    }

    /** Reports the connection pool (connections in use, idle, waiting; how long getting one takes) to {@code registry}. */
    public void bindMetrics(Object registry) {
        pool.setMetricRegistry(registry);
        locks.setMetricRegistry(registry);
    }

    /** Whether a database connection answers. */
    public boolean healthy() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.equals("23505") || state.startsWith("40"))) {
            // unique violation, or serialisation failure / deadlock: another writer got there first
            return new ConflictException("another change to the same record committed first", e);
        }
        return new StoreException("database error: " + e.getMessage(), e);
    }

    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public void close() {
        locks.close();
        pool.close();
    }

    /** A unit of work over a connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }
}
