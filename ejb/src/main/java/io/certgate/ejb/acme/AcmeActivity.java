package io.certgate.ejb.acme;

import io.certgate.domain.access.Caller;
import io.certgate.domain.acme.AcmeAuthorization;
import io.certgate.domain.acme.AcmeOrder;
import io.certgate.domain.acme.AcmeStatus;
import io.certgate.ejb.common.Page;
import io.certgate.ejb.common.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the organization's ACME accounts asked for, for its operators: orders newest first, a page at a time, each
 * with its status now and its authorizations with their challenges. Only the caller's organization; without one,
 * nothing is read.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AcmeActivity {

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    /** An order as it stands: its status now and its authorizations (same order as its identifiers). */
    public record OrderRecord(AcmeOrder order, AcmeStatus status,
                              List<AcmeOrders.AuthorizationView> authorizations) {
    }

    public Page<OrderRecord> orders(Caller caller, PageRequest page) {
        String orgId = Caller.require(caller).requireOrganization();
        long total = em.createNamedQuery(AcmeOrder.COUNT_BY_ORG, Long.class).setParameter("orgId", orgId)
                .getSingleResult();
        Instant now = Instant.now();
        List<OrderRecord> records = new ArrayList<>();
        for (AcmeOrder order : em.createNamedQuery(AcmeOrder.BY_ORG, AcmeOrder.class).setParameter("orgId", orgId)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
            List<AcmeOrders.AuthorizationView> authorizations = new ArrayList<>();
            for (Long id : order.authorizationIds()) {
                AcmeAuthorization authz = em.find(AcmeAuthorization.class, id);
                if (authz != null && authz.getOrgId().equals(orgId)) {
                    authorizations.add(AcmeOrders.AuthorizationView.read(em, authz, now));
                }
            }
            records.add(new OrderRecord(order, AcmeRules.orderStatus(order.getStatus(), order.getExpiresAt(),
                    authorizations.stream().map(AcmeOrders.AuthorizationView::status).toList(), now),
                    authorizations));
        }
        return new Page<>(total, page, records);
    }
}
