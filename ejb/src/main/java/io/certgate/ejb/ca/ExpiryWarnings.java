package io.certgate.ejb.ca;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.ejb.access.AuditTrail;
import io.certgate.ejb.common.AfterCommit;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Expiry warnings across every organization: which certificates are due a warning, and writing one, as an audit
 * record {@code certificate.expiry-warning} in the certificate's organization. Each warning is written in a
 * transaction of its own under the certificate's row lock, and the certificate remembers the threshold
 * ({@link IssuedCertificate#noteExpiryWarning}), so a certificate is warned about once per threshold even when
 * two instances look at the same time.
 */
@Stateless
public class ExpiryWarnings {

    /** The audit action of a warning. */
    public static final String ACTION = "certificate.expiry-warning";
    /** The actor of the warnings: no facade, the server itself. */
    static final String ACTOR = "system";

    /** A warning due: the certificate and the threshold (days) it has reached. */
    public record Due(long certSn, int days) {
    }

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Inject
    private CertificateMetrics metrics;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** At most {@code max} warnings due at {@code now}, the soonest ends first (so the narrowest thresholds first). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Due> due(Instant now, ExpiryThresholds thresholds, int max) {
        List<Object[]> rows = em.createQuery("SELECT c.certSn, c.notAfter, c.expiryWarnedDays FROM IssuedCertificate c "
                + "WHERE c.revoked = FALSE AND c.notAfter >= :now AND c.notAfter <= :horizon "
                + "AND (c.expiryWarnedDays IS NULL OR c.expiryWarnedDays > :narrowest) ORDER BY c.notAfter, c.certSn",
                Object[].class).setParameter("now", now).setParameter("horizon", thresholds.horizon(now))
                .setParameter("narrowest", thresholds.narrowest()).setMaxResults(max).getResultList();
        List<Due> due = new ArrayList<>();
        for (Object[] r : rows) {
            OptionalInt days = thresholds.due((Instant) r[1], now, (Integer) r[2]);
            if (days.isPresent()) {
                due.add(new Due((Long) r[0], days.getAsInt()));
            }
        }
        return due;
    }

    /**
     * Writes the warning unless the certificate was warned at this threshold (or a narrower one) meanwhile, or
     * revoked: true when this call wrote it. {@code runId} becomes the audit record's request id.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean warn(Due due, String runId) {
        IssuedCertificate c = em.find(IssuedCertificate.class, due.certSn(), LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.noteExpiryWarning(due.days())) {
            return false;
        }
        audit.record(Caller.of(c.getOrgId(), ACTOR, runId), ACTION,
                "certSn=" + c.getCertSn() + " serial=" + c.getSerialNumber(),
                "expires " + c.getNotAfter() + " (within " + due.days() + " days)");
        IssueAuthority authority = c.getIssueAuthority();
        AfterCommit.run(transactions, () -> metrics.expiryWarning(authority));
        return true;
    }

    /** How many certificates of the authority, not revoked, end within {@code days} of {@code now} (all organizations). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long expiring(IssueAuthority authority, Instant now, int days) {
        return em.createQuery("SELECT COUNT(c) FROM IssuedCertificate c WHERE c.issueAuthority = :authority "
                + "AND c.revoked = FALSE AND c.notAfter >= :now AND c.notAfter <= :horizon", Long.class)
                .setParameter("authority", authority).setParameter("now", now)
                .setParameter("horizon", now.plus(java.time.Duration.ofDays(days))).getSingleResult();
    }
}
