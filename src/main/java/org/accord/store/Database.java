package org.accord.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.flywaydb.core.Flyway;

/** A pooled connection to Accord's database, migrated to the current schema when opened. */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final String product;

    private Database(HikariDataSource pool, String product) {
        this.pool = pool;
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
            try (Connection c = pool.getConnection()) {
                return new Database(pool, c.getMetaData().getDatabaseProductName());
            }
        } catch (RuntimeException | SQLException e) {
            pool.close();
            throw new StoreException("cannot migrate the database " + redacted(url) + ": " + rootMessage(e), e);
        }
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
        pool.close();
    }

    /** A unit of work over a connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }
}
