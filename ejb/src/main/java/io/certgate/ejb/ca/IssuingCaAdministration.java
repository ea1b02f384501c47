package io.certgate.ejb.ca;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuingCa;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.ejb.access.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Operators' work on issuing CAs, audited in the server's organization: the list with what each publishes, a new
 * generation (rollover, now or at a set time), and revoking one (its certificate goes on its root's CRL; its leaves
 * then fail path validation, and its scope's next issuance makes a new generation).
 */
@Stateless
public class IssuingCaAdministration {

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private IssuingCaFactory factory;

    @EJB
    private IssuingAuthorities issuing;

    @EJB
    private CrlPublisher crls;

    @EJB
    private CertificateAuthorities roots;

    @EJB
    private AuditTrail audit;

    /** An issuing CA as operators see it, with its current CRL and public URLs. */
    public record IssuingCaReport(IssuingCa ca, boolean signing, PublishedCrl crl, String certificateUrl,
                                  String chainUrl, String crlUrl) {
    }

    public List<IssuingCaReport> list(Caller operator) {
        Caller.require(operator);
        Instant now = Instant.now();
        return em.createNamedQuery(IssuingCa.ALL, IssuingCa.class).getResultList().stream().map(ca -> {
            LoadedIssuingCa loaded = issuing.byId(ca.getId()).orElse(null);
            boolean signing = loaded != null && loaded.signsAt(now) && issuing.signing(ca.getScope(),
                    ca.getAuthority(), now).map(s -> s.id() == ca.getId()).orElse(false);
            PublishedCrl crl = loaded != null && loaded.certificate() != null ? crls.published(loaded) : null;
            return new IssuingCaReport(ca, signing, crl, roots.issuingCaCertificateUrl(ca.getId()),
                    roots.issuingCaChainUrl(ca.getId()), roots.issuingCaCrlUrl(ca.getId()));
        }).toList();
    }

    /** A new generation of the scope's CA, signing its new leaves from {@code activeFrom} (null: now). */
    public IssuingCa rollover(Caller operator, String scope, IssueAuthority authority, Instant activeFrom) {
        Caller.require(operator);
        if (scope == null || scope.isBlank() || scope.length() > 64) {
            throw new InvalidIssuingCaRequestException("scope must name an organization, _shared or _server");
        }
        IssuingCa ca = factory.rollover(operator.actingFor(Caller.SERVER_ORG), scope, authority, activeFrom);
        issuing.reload();
        return ca;
    }

    /** Revokes an issuing CA: on its root's CRL and revoked for OCSP at once; it signs nothing more. */
    public IssuingCa revoke(Caller operator, long id, RevocationReason reason) {
        Caller.require(operator);
        IssuingCa ca = em.find(IssuingCa.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (ca == null || ca.getCertPem() == null) {
            throw new UnknownCertificateException();
        }
        ca.revoke(reason, Instant.now());
        em.flush();
        audit.record(operator.actingFor(Caller.SERVER_ORG), "ca.issuing.revoke", "issuingCa=" + id + " scope="
                + ca.getScope(), "revoked (" + reason + ")");
        issuing.reload();
        return ca;
    }
}
