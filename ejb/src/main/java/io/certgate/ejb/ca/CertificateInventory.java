package io.certgate.ejb.ca;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.ejb.common.BulkOutcome;
import io.certgate.ejb.common.BulkRun;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
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

    @EJB
    private OcspResponder ocsp;

    @Resource
    private SessionContext context;

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

    /**
     * Revokes each certificate with the one reason, each in its own transaction through {@link #revoke} (so each is
     * audited and refused by the same rules as one revoked alone); the outcome per certSn, in the order given.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<BulkOutcome> revokeAll(Caller caller, List<Long> certSns, RevocationReason reason) {
        Caller.require(caller).requireOrganization();
        Objects.requireNonNull(reason, "reason");
        CertificateInventory self = context.getBusinessObject(CertificateInventory.class);
        return BulkRun.each(certSns, "certificate", sn -> self.revoke(caller, sn, reason));
    }

    /** The certificates of the caller's organization that renewed this one, oldest first. */
    public List<IssuedCertificate> renewedBy(Caller caller, long certSn) {
        String orgId = Caller.require(caller).requireOrganization();
        return em.createQuery("SELECT c FROM IssuedCertificate c WHERE c.orgId = :orgId AND c.renewedFrom = :sn "
                        + "ORDER BY c.certSn", IssuedCertificate.class)
                .setParameter("orgId", orgId).setParameter("sn", certSn).getResultList();
    }

    /** What a certificate of the caller's organization says of itself: names, key, usages, fingerprints. */
    public CertificateFacts facts(Caller caller, long certSn) {
        return CertificateFacts.of(Pem.parseX509(find(caller, certSn).getCertPem()));
    }

    /** What this server's OCSP responder answers about a certificate of the caller's organization, now. */
    public OcspAnswer ocspStatus(Caller caller, long certSn) {
        IssuedCertificate c = find(caller, certSn);
        X509Certificate issuer = ledger.chainAbove(c).get(0);
        return OcspAnswer.read(ocsp.respond(OcspAnswer.request(issuer, new BigInteger(c.getSerialNumber(), 16))));
    }

    /** A certificate of the caller's organization as a file of that format. */
    public byte[] file(Caller caller, long certSn, CertificateFormat format) {
        IssuedCertificate c = find(caller, certSn);
        return switch (format) {
            case PEM -> c.getCertPem().getBytes(StandardCharsets.US_ASCII);
            case DER -> der(Pem.parseX509(c.getCertPem()));
            case CHAIN -> {
                List<X509Certificate> chain = new ArrayList<>();
                chain.add(Pem.parseX509(c.getCertPem()));
                chain.addAll(ledger.chainAbove(c));
                yield Pem.certificates(chain).getBytes(StandardCharsets.US_ASCII);
            }
            case PKCS7 -> ledger.pkcs7(c);
        };
    }

    private static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
