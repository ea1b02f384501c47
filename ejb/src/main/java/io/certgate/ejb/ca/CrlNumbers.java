package io.certgate.ejb.ca;

import io.certgate.domain.ca.CrlCounter;
import io.certgate.domain.ca.CrlState;
import io.certgate.domain.ca.IssuingCa;
import io.certgate.domain.ca.IssueAuthority;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides, under the authority's row lock and in a transaction of its own, which CRL is current: the
 * published one while it lists exactly today's revocations and is younger than the re-sign interval, otherwise
 * the next number. Instances that race wait on the lock and then agree.
 */
@Stateless
public class CrlNumbers {

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CrlCounter current(IssueAuthority authority, long revokedCount, Instant newestRevocation, Instant now,
                              Duration resignAfter, Duration validity) {
        CrlState state = em.find(CrlState.class, authority, LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            throw new IllegalStateException("no CRL row for " + authority + " (schema version 2 installs it)");
        }
        return advance(state.counter(), revokedCount, newestRevocation, now, resignAfter, validity);
    }

    /** The same for an issuing CA, under its row's lock. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CrlCounter current(long issuingCaId, long revokedCount, Instant newestRevocation, Instant now,
                              Duration resignAfter, Duration validity) {
        IssuingCa ca = em.find(IssuingCa.class, issuingCaId, LockModeType.PESSIMISTIC_WRITE);
        if (ca == null) {
            throw new IllegalStateException("no issuing CA " + issuingCaId);
        }
        return advance(ca.crl(), revokedCount, newestRevocation, now, resignAfter, validity);
    }

    private CrlCounter advance(CrlCounter counter, long revokedCount, Instant newestRevocation, Instant now,
                               Duration resignAfter, Duration validity) {
        if (!counter.isCurrent(revokedCount, newestRevocation, now, resignAfter)) {
            counter.advance(revokedCount, newestRevocation, now, validity);
        }
        em.flush();
        return counter.copy();
    }

    /** The nextUpdate of the authority's published CRL (the database's, whichever instance signed it); empty before the first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Optional<Instant> nextUpdate(IssueAuthority authority) {
        CrlState state = em.find(CrlState.class, authority);
        return java.util.Optional.ofNullable(state == null ? null : state.counter().getNextUpdate());
    }
}
