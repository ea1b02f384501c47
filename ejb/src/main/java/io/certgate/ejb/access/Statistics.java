package io.certgate.ejb.access;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** Row counts of what the server holds, for operators (and for tests that prove bad input changed nothing). */
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

    /** A cheap probe: the database answers and holds certgate's schema (its CRL rows). */
    public boolean databaseReady() {
        return ((Number) em.createQuery("SELECT COUNT(s) FROM CrlState s").getSingleResult()).longValue() > 0;
    }

    private long count(String entity) {
        return (Long) em.createQuery("SELECT COUNT(e) FROM " + entity + " e").getSingleResult();
    }
}
