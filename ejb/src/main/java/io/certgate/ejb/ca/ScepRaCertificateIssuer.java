package io.certgate.ejb.ca;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.CertificateStatus;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Issues the SCEP RA certificate through the ledger, in a transaction of its own that has committed when the
 * certificate comes back: an ordinary certificate of the organization {@link Caller#SERVER_ORG} over the RA key in
 * custody, signed by the infrastructure CA, audited, listed, revocable, on that CA's CRL and in OCSP (as the server's
 * HTTPS certificate is, {@code ServerCertificateIssuer}).
 */
@Stateless
public class ScepRaCertificateIssuer {

    /** A year and a month; renewed {@link ScepRaRenewal#RENEW_BEFORE} before its end. */
    static final int DAYS = 397;

    @EJB
    private CertificateLedger ledger;

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public X509Certificate issue(PublicKey raKey, String reason) {
        X500Name subject = new X500Name("CN=" + RaCertificates.SCEP_RA_NAME + ",OU=SCEP,O=certgate");
        IssuedCertificate issued = ledger.issue(Caller.server("scep-ra"), new Issuance(IssueAuthority.RSA, subject,
                SubjectPublicKeyInfo.getInstance(raKey.getEncoded()), ValidityRequest.days(DAYS, DAYS),
                CertificateProfile.Usage.SCEP_RA, List.of(), null, null, "certificate.issue",
                "scep-ra (" + reason + ")", SignatureScheme.DEFAULT, List.of(), KeyPolicy.DEVICE, List.of()));
        return Pem.parseX509(issued.getCertPem());
    }

    /**
     * The valid certificates the ledger holds for the RA key (the server's organization), newest first: what another
     * instance issued, and earlier ones clients may still encrypt to.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<X509Certificate> valid(PublicKey raKey) {
        Instant now = Instant.now();
        return em.createQuery("SELECT c FROM IssuedCertificate c WHERE c.orgId = :orgId"
                        + " AND c.publicKeySha256 = :key ORDER BY c.certSn DESC", IssuedCertificate.class)
                .setParameter("orgId", Caller.SERVER_ORG)
                .setParameter("key", CertificateLedger.publicKeySha256(SubjectPublicKeyInfo.getInstance(
                        raKey.getEncoded())))
                .setMaxResults(20).getResultList().stream()
                .filter(c -> c.statusAt(now) == CertificateStatus.VALID)
                .map(c -> Pem.parseX509(c.getCertPem())).toList();
    }
}
