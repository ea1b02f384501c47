package io.certgate.ejb.acme;

import io.certgate.domain.access.Caller;
import io.certgate.domain.acme.AcmeOrder;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.ejb.ca.Pem;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * ACME Renewal Information (RFC 9773): certificates named by their ARI identifier (authority key identifier and serial
 * number), when to renew them, and which certificate a new order may say it {@code replaces}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AcmeRenewals {

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private CertificateLedger ledger;

    /**
     * Renewal information (RFC 9773 4) of a certificate of the organization, by its ARI identifier;
     * {@link AcmeError#NOT_FOUND} for any other.
     */
    public AcmeRules.RenewalWindow renewalInfo(String org, String certId, String requestId) {
        IssuedCertificate cert = certificate(Caller.of(org, "acme:renewal-info", requestId), certId)
                .orElseThrow(() -> new AcmeException(AcmeError.NOT_FOUND, "no such certificate"));
        return AcmeRules.renewalWindow(cert.getNotBefore(), cert.getNotAfter(), cert.isRevoked(), Instant.now());
    }

    /**
     * The certSn of a new order's {@code replaces} (RFC 9773 5): a certificate the signing account ordered, for at
     * least one of the new order's names, and not replaced yet by a finalized order ({@code alreadyReplaced});
     * {@code malformed} for any other.
     */
    public long replaced(Verified request, String replaces, List<String> names) {
        IssuedCertificate cert = certificate(request.caller(), replaces).orElseThrow(() -> new AcmeException(
                AcmeError.MALFORMED, "replaces names no certificate of this directory"));
        long accountId = request.requireAccount().getId();
        AcmeOrder ordered = em.createNamedQuery(AcmeOrder.BY_ORG_AND_CERT, AcmeOrder.class)
                .setParameter("orgId", request.org()).setParameter("certSn", cert.getCertSn()).getResultList()
                .stream().filter(o -> o.getAccountId() == accountId).findFirst()
                .orElseThrow(() -> new AcmeException(AcmeError.MALFORMED, "replaces names a certificate this account "
                        + "did not order"));
        if (ordered.identifiers().stream().noneMatch(names::contains)) {
            throw new AcmeException(AcmeError.MALFORMED, "replaces names a certificate for none of the order's names");
        }
        requireNotReplaced(request.org(), cert.getCertSn());
        return cert.getCertSn();
    }

    /** {@link AcmeError#ALREADY_REPLACED} once a finalized order of the organization replaced the certificate. */
    public void requireNotReplaced(String org, long certSn) {
        if (!em.createNamedQuery(AcmeOrder.REPLACING, AcmeOrder.class).setParameter("orgId", org)
                .setParameter("certSn", certSn).setMaxResults(1).getResultList().isEmpty()) {
            throw new AcmeException(AcmeError.ALREADY_REPLACED, "the certificate was already replaced");
        }
    }

    /** The ARI identifier of a certificate of the ledger. */
    public String ariId(long certSn) {
        IssuedCertificate cert = em.find(IssuedCertificate.class, certSn);
        return new AcmeRules.CertId(authorityKeyId(cert), new BigInteger(cert.getSerialNumber(), 16)).wire();
    }

    private java.util.Optional<IssuedCertificate> certificate(Caller caller, String ariId) {
        AcmeRules.CertId id = AcmeRules.certId(ariId);
        return ledger.findBySerial(caller, id.serial())
                .filter(c -> Arrays.equals(authorityKeyId(c), id.authorityKeyId()));
    }

    private static byte[] authorityKeyId(IssuedCertificate cert) {
        X509CertificateHolder holder = Pem.parseCertificate(cert.getCertPem());
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(holder.getExtensions());
        return aki == null || aki.getKeyIdentifierOctets() == null ? new byte[0] : aki.getKeyIdentifierOctets();
    }
}
