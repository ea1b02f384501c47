package io.certgate.ejb.access;

import io.certgate.domain.access.Caller;
import io.certgate.domain.binding.SelfEnrollment;
import io.certgate.domain.enrollment.TransactionStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row counts of what the server holds, for operators (and for tests that prove bad input changed nothing), in all or
 * of one organization.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Statistics {

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    public Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("products", count("Product"));
        m.put("devices", count("Device"));
        m.put("certificates", count("IssuedCertificate"));
        m.put("revokedCertificates", (Long) em.createQuery("SELECT COUNT(c) FROM IssuedCertificate c WHERE c.revoked = TRUE")
                .getSingleResult());
        m.put("keyBindings", count("KeyBinding"));
        m.put("transactions", count("EnrollmentTransaction"));
        m.put("credentials", count("ApiCredential"));
        m.put("raAccounts", count("RaAccount"));
        m.put("auditRecords", count("AuditRecord"));
        return m;
    }

    /**
     * The same counts for the caller's organization only, and what waits for an approver there (CertManager
     * transactions, DigiCert requests, devices' self-enrollments).
     */
    public Map<String, Long> counts(Caller caller) {
        String orgId = Caller.require(caller).requireOrganization();
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("products", count("SELECT COUNT(e) FROM Product e WHERE e.orgId = :orgId", orgId));
        m.put("devices", count("SELECT COUNT(e) FROM Device e WHERE e.orgId = :orgId", orgId));
        m.put("certificates", count("SELECT COUNT(e) FROM IssuedCertificate e WHERE e.orgId = :orgId", orgId));
        m.put("revokedCertificates", count("SELECT COUNT(e) FROM IssuedCertificate e WHERE e.orgId = :orgId "
                + "AND e.revoked = TRUE", orgId));
        m.put("credentials", count("SELECT COUNT(e) FROM ApiCredential e WHERE e.orgId = :orgId", orgId));
        m.put("raAccounts", count("SELECT COUNT(e) FROM RaAccount e WHERE e.orgId = :orgId", orgId));
        m.put("pendingTransactions", em.createQuery("SELECT COUNT(e) FROM EnrollmentTransaction e "
                + "WHERE e.orgId = :orgId AND e.status = :status", Long.class).setParameter("orgId", orgId)
                .setParameter("status", TransactionStatus.PENDING).getSingleResult());
        m.put("pendingDigiCertRequests", count("SELECT COUNT(e) FROM OrderRequest e WHERE e.orgId = :orgId "
                + "AND e.status = 'pending'", orgId));
        m.put("pendingSelfEnrollments", em.createQuery("SELECT COUNT(e) FROM SelfEnrollment e "
                + "WHERE e.orgId = :orgId AND e.status = :status", Long.class).setParameter("orgId", orgId)
                .setParameter("status", SelfEnrollment.Status.PENDING).getSingleResult());
        m.put("auditRecords", count("SELECT COUNT(e) FROM AuditRecord e WHERE e.orgId = :orgId", orgId));
        return m;
    }

    /** The entities whose first row brings an organization into being (none of them is ever deleted). */
    private static final List<String> ORGANIZATION_HOLDERS = List.of("ApiCredential", "RaAccount", "Product");

    /** The most organizations the console's picker lists. */
    public static final int MAX_ORGANIZATIONS = 1000;

    /**
     * The organizations this server knows, by orgId in order: those with an API credential, an RA account or a
     * product (an organization comes into being with the first of them; none of them is ever deleted), at most
     * {@value #MAX_ORGANIZATIONS}.
     */
    public java.util.SortedSet<String> organizations() {
        java.util.SortedSet<String> ids = new java.util.TreeSet<>();
        for (String entity : ORGANIZATION_HOLDERS) {
            ids.addAll(em.createQuery("SELECT DISTINCT e.orgId FROM " + entity + " e", String.class)
                    .setMaxResults(MAX_ORGANIZATIONS + 1).getResultList());
        }
        ids.remove(Caller.SERVER_ORG);
        while (ids.size() > MAX_ORGANIZATIONS) {
            ids.remove(ids.last());
        }
        return ids;
    }

    /** Whether the server knows the organization (as {@link #organizations} does, without a limit). */
    public boolean knows(String orgId) {
        for (String entity : ORGANIZATION_HOLDERS) {
            if (!em.createQuery("SELECT e.orgId FROM " + entity + " e WHERE e.orgId = :orgId", String.class)
                    .setParameter("orgId", orgId).setMaxResults(1).getResultList().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A cheap probe: the database answers and holds certgate's schema (its CRL rows). */
    public boolean databaseReady() {
        return ((Number) em.createQuery("SELECT COUNT(s) FROM CrlState s").getSingleResult()).longValue() > 0;
    }

    private long count(String jpql, String orgId) {
        return em.createQuery(jpql, Long.class).setParameter("orgId", orgId).getSingleResult();
    }

    private long count(String entity) {
        return (Long) em.createQuery("SELECT COUNT(e) FROM " + entity + " e").getSingleResult();
    }
}
