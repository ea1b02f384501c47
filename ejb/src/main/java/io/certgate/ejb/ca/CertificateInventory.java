package io.certgate.ejb.ca;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operators' view of the ledger: an organization's certificates searched by device, status, serial, subject
 * and expiry, paged and counted; one certificate by certSn; revoking one by certSn (through the ledger, so audited
 * and on the CRL and OCSP like every other revocation). Every method takes the caller and sees only its
 * organization's certificates: without one it refuses to run.
 */
@Stateless
public class CertificateInventory {

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private CertificateLedger ledger;

    /** The page of the query's answer and how many certificates match in all, statuses as of now. */
    public CertificatePage search(Caller caller, CertificateQuery query) {
        String orgId = Caller.require(caller).requireOrganization();
        Objects.requireNonNull(query, "query");
        Instant now = Instant.now();
        CertificateFilter filter = new CertificateFilter(orgId, query, now);
        TypedQuery<Long> count = em.createQuery(filter.countJpql(), Long.class);
        TypedQuery<IssuedCertificate> select = em.createQuery(filter.selectJpql(), IssuedCertificate.class);
        for (Map.Entry<String, Object> p : filter.parameters().entrySet()) {
            count.setParameter(p.getKey(), p.getValue());
            select.setParameter(p.getKey(), p.getValue());
        }
        long total = count.getSingleResult();
        return new CertificatePage(now, total, query.offset(), query.limit(), total <= query.offset() ? List.of()
                : select.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList());
    }

    /** A certificate of the caller's organization; {@link UnknownCertificateException} otherwise. */
    public IssuedCertificate find(Caller caller, long certSn) {
        Caller.require(caller);
        return ledger.find(caller, certSn);
    }

    /**
     * Revokes a certificate of the caller's organization by certSn, in one transaction with finding it: unknown
     * or another organization's is {@link UnknownCertificateException}, a second revocation
     * {@link io.certgate.domain.ca.CertificateAlreadyRevokedException}.
     */
    public IssuedCertificate revoke(Caller caller, long certSn, RevocationReason reason) {
        Caller.require(caller);
        Objects.requireNonNull(reason, "reason");
        IssuedCertificate cert = ledger.find(caller, certSn);
        return ledger.revoke(caller, cert, reason, "serial=" + cert.getSerialNumber());
    }
}
