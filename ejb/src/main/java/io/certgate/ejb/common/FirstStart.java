package io.certgate.ejb.common;

import io.certgate.domain.StartupLock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * First-start work is serialized across instances by the database: each start-up step that may create shared
 * rows (roots, the secrets key, bootstrap credentials) first locks the startup row in its own transaction, so
 * an instance starting at the same moment waits until the first has committed and then loads what it made.
 */
public final class FirstStart {

    private FirstStart() {
    }

    /** Locks the startup row until the caller's transaction ends. */
    public static void lock(EntityManager em) {
        if (em.find(StartupLock.class, StartupLock.ID, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalStateException("no startup lock row (schema version 4 installs it)");
        }
    }
}
