package io.certgate.ejb.access;

import io.certgate.domain.access.AuditRecord;
import io.certgate.domain.access.Caller;
import io.certgate.ejb.common.Page;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The audit trail: one record per state change, written in the transaction of the change itself (MANDATORY),
 * so a change without its record, or a record without its change, cannot be committed.
 */
@Stateless
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger("io.certgate.audit");

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    /** Records a change made by the caller in its organization (refused without one). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Caller caller, String action, String target, String outcome) {
        String orgId = Caller.require(caller).requireOrganization();
        AuditRecord r = new AuditRecord(Instant.now(), orgId, clip(caller.actor(), 128), action, clip(target, 256),
                clip(outcome, 256), clip(caller.requestId(), 64));
        em.persist(r);
        LOG.info(() -> "audit org=" + r.getOrgId() + " actor=" + r.getActor() + " action=" + r.getAction()
                + " target=" + r.getTarget() + " outcome=" + r.getOutcome() + " requestId=" + r.getRequestId());
    }

    /**
     * Records a change to operators (accounts, roles, passwords), which belong to no organization: under the
     * reserved {@link AuditRecord#OPERATORS_ORG}, with the actor and request id of the caller.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordOperatorChange(Caller operator, String action, String target, String outcome) {
        java.util.Objects.requireNonNull(operator, "operator");
        record(new Caller(AuditRecord.OPERATORS_ORG, operator.actor(), operator.requestId()), action, target, outcome);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditRecord> recent(Caller caller, int max) {
        return recentOf(Caller.require(caller).requireOrganization(), max);
    }

    /** The newest records of operator management (any operator may read them; see the admin API's roles). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditRecord> recentOperatorChanges(int max) {
        return recentOf(AuditRecord.OPERATORS_ORG, max);
    }

    private List<AuditRecord> recentOf(String orgId, int max) {
        return em.createNamedQuery(AuditRecord.BY_ORG, AuditRecord.class).setParameter("orgId", orgId)
                .setMaxResults(Math.max(1, Math.min(max, 1000))).getResultList();
    }

    /** The organization's records that match the query, newest first, one page of them. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<AuditRecord> search(Caller caller, AuditQuery query) {
        String orgId = Caller.require(caller).requireOrganization();
        AuditFilter filter = new AuditFilter(orgId, java.util.Objects.requireNonNull(query, "query"));
        return io.certgate.ejb.common.OrderedPages.of(em, AuditRecord.class, "a", filter.where(), filter.parameters(),
                filter.orderBy(), query.page());
    }

    private static String clip(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }
}
