package io.certgate.ejb.access;

import io.certgate.domain.access.Caller;
import io.certgate.domain.access.RaAccount;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** RA accounts of the Symantec facade, found by the SHA-256 of the TLS client certificate they present. */
@Stateless
public class RaAccounts {

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @jakarta.ejb.EJB
    private AuditTrail audit;

    /** The account whose client certificate this is; {@link UnknownAccountException} otherwise. */
    public RaAccount authenticate(X509Certificate clientCertificate) {
        if (clientCertificate == null) {
            throw new UnknownAccountException();
        }
        List<RaAccount> found = em.createNamedQuery(RaAccount.BY_CLIENT_CERT, RaAccount.class)
                .setParameter("sha256", fingerprint(clientCertificate)).getResultList();
        if (found.isEmpty()) {
            throw new UnknownAccountException();
        }
        return found.get(0);
    }

    public Optional<RaAccount> byName(String name) {
        return em.createNamedQuery(RaAccount.BY_NAME, RaAccount.class).setParameter("name", name)
                .getResultList().stream().findFirst();
    }

    public RaAccount create(Caller caller, String name, boolean requireApproval, boolean allowSpecificEndDate,
                            boolean approver, X509Certificate clientCertificate) {
        String orgId = Caller.require(caller).requireOrganization();
        RaAccount a = new RaAccount(orgId, io.certgate.ejb.common.Checks.identifier("RA account name", name),
                requireApproval, allowSpecificEndDate, approver, fingerprint(clientCertificate), Instant.now());
        em.persist(a);
        audit.record(caller, "credential.create", "ra-account:" + name, "created (approval " + requireApproval
                + ", specific end date " + allowSpecificEndDate + ", approver " + approver + ")");
        return a;
    }

    public static String fingerprint(X509Certificate cert) {
        try {
            return io.certgate.ejb.common.Digests.sha256Hex(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
