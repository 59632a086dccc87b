package org.accord.workflow;

import java.util.function.Supplier;
import org.accord.store.LockTimeoutException;
import org.accord.store.OriginalLocks;

/**
 * One lock per original, held in the database, so that signatures and extensions of the same original run one after
 * the other on whichever node they arrive (the revision key still refuses a second revision n+1 should anything slip).
 */
final class Locks {

    private final OriginalLocks locks;

    Locks(OriginalLocks locks) {
        this.locks = locks;
    }

    <T> T with(String originalId, Supplier<T> work) {
        try {
            return locks.with(originalId, work);
        } catch (LockTimeoutException e) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "this original is being signed or extended "
                    + "by another request; try again in a minute", e);
        }
    }
}
