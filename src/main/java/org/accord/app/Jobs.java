package org.accord.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.accord.notify.Delivery;
import org.accord.store.Database;
import org.accord.workflow.Workflow;

/**
 * The service's jobs on db-scheduler: outbox delivery, signing rounds (reminders, deadlines, completion) and the
 * archive's re-time-stamping, and the purge of idle browser sessions. Each is a recurring task in the shared database, so when several nodes share it each
 * run happens on one node only; a node that dies mid-run loses its lease and another picks the task up.
 */
final class Jobs implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Jobs.class);
    private final Scheduler scheduler;

    private Jobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts the jobs of {@code wf} on {@code db}, named {@code node} in the scheduler's table. */
    static Jobs start(Database db, Workflow wf, Delivery delivery, Config.Jobs config, String node) {
        RecurringTask<Void> outbox = Tasks.recurring("outbox-delivery", FixedDelay.of(config.outboxEvery()))
                .execute((instance, context) -> {
                    int sent = delivery.deliver();
                    if (sent > 0) {
                        LOG.info("outbox: {} messages delivered", sent);
                    }
                });
        RecurringTask<Void> rounds = Tasks.recurring("signing-rounds", FixedDelay.of(config.roundsEvery()))
                .execute((instance, context) -> wf.rounds().tick());
        RecurringTask<Void> archive = Tasks.recurring("archive-renewal", FixedDelay.of(config.archiveEvery()))
                .execute((instance, context) -> {
                    var r = wf.archive().renewDue(config.renewBefore());
                    if (r.renewed() + r.failed() > 0) {
                        LOG.info("archive: {} originals at B-LTA checked, {} re-time-stamped, {} failed", r.checked(), r.renewed(), r.failed());
                    }
                });
        RecurringTask<Void> sessions = Tasks.recurring("session-purge", FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> {
                    int ended = wf.sessions().purge(java.time.Instant.now().minus(org.accord.store.BrowserSessions.IDLE),
                            org.accord.store.BrowserSessions.MAX_SESSIONS);
                    if (ended > 0) {
                        LOG.info("sessions: {} idle sessions ended", ended);
                    }
                });
        Duration shortest = Collections.min(List.of(config.outboxEvery(), config.roundsEvery(), config.archiveEvery()));
        // poll twice per shortest interval, between 100 ms and 10 s
        Duration polling = Collections.max(List.of(Duration.ofMillis(100),
                Collections.min(List.of(Duration.ofSeconds(10), shortest.dividedBy(2)))));
        Scheduler scheduler = Scheduler.create(db.dataSource())
                .startTasks(outbox, rounds, archive, sessions)
                .commitWhenAutocommitDisabled(true)
                .pollingInterval(polling)
                .heartbeatInterval(Duration.ofSeconds(30))
                .schedulerName(new SchedulerName.Fixed(node))
                .threads(3)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .alwaysPersistTimestampInUTC()
                .build();
        scheduler.start();
        return new Jobs(scheduler);
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
