package org.accord.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.accord.store.Database;
import org.accord.store.Outbox;
import org.accord.workflow.Timings;

/**
 * The service's metrics, for {@code /metrics} in Prometheus' text format: the JVM, the database pool, the outbox backlog,
 * and the duration of every render, signature and verification ({@code accord_step_seconds{step, outcome}}); the web
 * layer adds the requests by route and status.
 */
final class Metrics implements Timings {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private JvmGcMetrics gc;

    Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Adds the database pool and the outbox backlog (counted when scraped). */
    void bind(Database db, Outbox outbox) {
        db.bindMetrics(registry);
        Gauge.builder("accord.outbox.backlog", outbox, o -> {
            try {
                return o.backlog();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description("messages waiting to be delivered (mail and webhooks)").register(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void record(String step, long nanos, boolean ok) {
        Timer.builder("accord.step").description("renders, signatures and verifications").tag("step", step)
                .tag("outcome", ok ? "ok" : "failed").publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(120)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void close() {
        if (gc != null) {
            gc.close();
            gc = null;
        }
        registry.close();
    }
}
