package io.certgate.ejb.ca;

import io.certgate.domain.binding.IssuedCertificate;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RevocationReason;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

/**
 * Signs a fresh CRL of an authority from the database on each request, so every instance behind a load
 * balancer publishes the same revocations. The CRL number is the newest revocation time in seconds, which
 * grows whenever the list changes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CrlPublisher {

    static final Duration NEXT_UPDATE = Duration.ofHours(24);

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private CertificateAuthorities authorities;

    /** The last CRL signed per authority, reused while the revocations it lists are unchanged. */
    private static final Map<IssueAuthority, CachedCrl> CACHE = new ConcurrentHashMap<>();
    /** Re-sign at least this often so that thisUpdate/nextUpdate stay fresh. */
    static final Duration RESIGN_AFTER = Duration.ofHours(1);

    private record CachedCrl(long revokedCount, Instant newestRevocation, Instant signedAt, byte[] der) {
    }

    /**
     * The current CRL: a cheap aggregate query decides whether the cached one still lists exactly the revoked
     * certificates; only then is the CRL reused, so a revocation appears at once and signing is not a per-request
     * cost (nor a way to load the CA key by fetching the CRL in a loop).
     */
    public byte[] currentCrl(IssueAuthority authority) {
        Object[] state = (Object[]) em.createQuery("SELECT COUNT(c), MAX(c.revokedAt) FROM IssuedCertificate c "
                + "WHERE c.issueAuthority = :authority AND c.revoked = TRUE").setParameter("authority", authority)
                .getSingleResult();
        long count = ((Number) state[0]).longValue();
        Instant newest = (Instant) state[1];
        CachedCrl cached = CACHE.get(authority);
        Instant now = Instant.now();
        if (cached != null && cached.revokedCount() == count && java.util.Objects.equals(cached.newestRevocation(), newest)
                && cached.signedAt().plus(RESIGN_AFTER).isAfter(now)) {
            return cached.der();
        }
        byte[] der = sign(authority, now);
        CACHE.put(authority, new CachedCrl(count, newest, now, der));
        return der;
    }

    private byte[] sign(IssueAuthority authority, Instant now) {
        SigningAuthority ca = authorities.authority(authority);
        try {
            X509CertificateHolder issuer = new X509CertificateHolder(ca.certificate().getEncoded());
            X509v2CRLBuilder b = new X509v2CRLBuilder(issuer.getSubject(), Date.from(now));
            b.setNextUpdate(Date.from(now.plus(NEXT_UPDATE)));
            long newest = 0;
            for (IssuedCertificate c : em.createNamedQuery(IssuedCertificate.REVOKED_BY_AUTHORITY, IssuedCertificate.class)
                    .setParameter("authority", authority).getResultList()) {
                RevocationReason reason = c.getRevocationReason() == null ? RevocationReason.UNSPECIFIED
                        : c.getRevocationReason();
                b.addCRLEntry(new BigInteger(c.getSerialNumber(), 16), Date.from(c.getRevokedAt()), reason.code());
                newest = Math.max(newest, c.getRevokedAt().getEpochSecond());
            }
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo()));
            b.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(newest)));
            return b.build(CertificateSigner.contentSigner(ca)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the " + authority + " CRL", e);
        }
    }

}
