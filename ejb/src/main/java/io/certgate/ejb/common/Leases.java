package io.certgate.ejb.common;

import io.certgate.domain.Lease;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Leases of jobs only one instance may run at a time: the lease row is locked (SELECT ... FOR UPDATE) in a
 * transaction of its own, its {@link Lease#take} decides, and the commit publishes the decision, so instances
 * that ask together wait on the lock and then agree.
 */
@Stateless
public class Leases {

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    /** True when {@code owner} holds the lease for {@code term} from {@code now} (taken or renewed). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean take(String name, String owner, Instant now, Duration term) {
        Lease lease = em.find(Lease.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (lease == null) {
            throw new IllegalStateException("no lease row " + name + " (schema version 8 installs it)");
        }
        return lease.take(owner, now, term);
    }
}
