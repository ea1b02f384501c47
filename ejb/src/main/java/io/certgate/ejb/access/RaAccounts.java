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

/**
 * RA accounts of the Symantec facade, found by the SHA-256 of the TLS client certificate they present. Whether
 * that certificate is still valid in the ledger is not this module's to know ({@code access} does not call
 * {@code ca}): {@code enrollment.RaAuthentication} asks both, and is how a facade authenticates an account.
 */
@Stateless
public class RaAccounts {

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @jakarta.ejb.EJB
    private AuditTrail audit;

    /**
     * The enabled account whose client certificate this is; {@link UnknownAccountException} when there is none or
     * it is disabled. Not an authentication by itself: the certificate may be revoked.
     */
    public RaAccount holderOf(X509Certificate clientCertificate) {
        if (clientCertificate == null) {
            throw new UnknownAccountException();
        }
        List<RaAccount> found = em.createNamedQuery(RaAccount.BY_CLIENT_CERT, RaAccount.class)
                .setParameter("sha256", fingerprint(clientCertificate)).getResultList();
        if (found.isEmpty() || !found.get(0).isEnabled()) {
            throw new UnknownAccountException();
        }
        return found.get(0);
    }

    /** Remembers the ledger's certSn of the account's certificate (accounts made before schema 7 lack it). */
    public void recordClientCertificate(RaAccount account, long certSn) {
        if (account.getClientCertSn() == null) {
            em.find(RaAccount.class, account.getId()).recordClientCertificate(certSn);
        }
    }

    public Optional<RaAccount> byName(String name) {
        return em.createNamedQuery(RaAccount.BY_NAME, RaAccount.class).setParameter("name", name)
                .getResultList().stream().findFirst();
    }

    /** The organization's accounts by name, disabled ones too. */
    public List<RaAccount> list(Caller caller) {
        String orgId = Caller.require(caller).requireOrganization();
        return em.createNamedQuery(RaAccount.BY_ORG, RaAccount.class).setParameter("orgId", orgId).getResultList();
    }

    public RaAccount create(Caller caller, String name, boolean requireApproval, boolean allowSpecificEndDate,
                            boolean approver, X509Certificate clientCertificate, long clientCertSn) {
        String orgId = Caller.require(caller).requireOrganization();
        RaAccount a = new RaAccount(orgId, io.certgate.ejb.common.Checks.identifier("RA account name", name),
                requireApproval, allowSpecificEndDate, approver, fingerprint(clientCertificate), clientCertSn,
                Instant.now());
        em.persist(a);
        audit.record(caller, "credential.create", "ra-account:" + name, "created (approval " + requireApproval
                + ", specific end date " + allowSpecificEndDate + ", approver " + approver + ")");
        return a;
    }

    /**
     * Disables an account of the caller's organization: it authenticates no more. (Its client certificate is the
     * ledger's: {@code enrollment.RaAccountCredentials} revokes it in the same transaction.)
     */
    public RaAccount disable(Caller caller, String name) {
        String orgId = Caller.require(caller).requireOrganization();
        RaAccount a = name == null ? null : byName(name).orElse(null);
        if (a == null || !a.getOrgId().equals(orgId)) {
            throw new UnknownCredentialException("RA account " + name);
        }
        if (!a.isEnabled()) {
            throw new CredentialDisabledException("RA account " + name);
        }
        a.disable();
        audit.record(caller, "credential.disable", "ra-account:" + name, "disabled");
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
