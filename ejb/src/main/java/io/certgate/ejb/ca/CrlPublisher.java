package io.certgate.ejb.ca;

import io.certgate.domain.ca.CrlState;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
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
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

/**
 * The CRL of each authority, from the database, so every instance behind a load balancer publishes the same
 * revocations. Its number, thisUpdate and nextUpdate come from {@link CrlNumbers}: a new number follows every
 * change of the revocations (a fresh CRL after each revocation) and at least every {@link #RESIGN_AFTER}; the
 * number only grows. A signed CRL is kept per instance and reused while its number is current.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CrlPublisher {

    /** How long a CRL is valid (nextUpdate - thisUpdate). */
    static final Duration VALIDITY = Duration.ofHours(24);
    /** Re-sign at least this often so that thisUpdate/nextUpdate stay fresh. */
    static final Duration RESIGN_AFTER = Duration.ofHours(1);

    private record SignedCrl(long number, long revokedCount, Instant newestRevocation, Instant thisUpdate,
                             Instant nextUpdate, byte[] der) {
    }

    /** The last CRL this instance signed per authority. */
    private static final Map<IssueAuthority, SignedCrl> SIGNED = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private CrlNumbers numbers;

    /**
     * The current CRL (DER). A cheap aggregate query decides whether the one in hand still lists exactly the
     * revoked certificates; only otherwise is the database's CRL number consulted and a CRL signed.
     */
    public byte[] currentCrl(IssueAuthority authority) {
        return current(authority).der();
    }

    /**
     * What the current CRL says (the one {@link #currentCrl} serves): its number, times and how many it lists. The
     * times as the signed CRL carries them: X.509 times have whole seconds.
     */
    public PublishedCrl published(IssueAuthority authority) {
        SignedCrl crl = current(authority);
        return new PublishedCrl(authority, crl.number(), crl.thisUpdate().truncatedTo(ChronoUnit.SECONDS),
                crl.nextUpdate().truncatedTo(ChronoUnit.SECONDS), crl.revokedCount());
    }

    private SignedCrl current(IssueAuthority authority) {
        Object[] revoked = (Object[]) em.createQuery("SELECT COUNT(c), MAX(c.revokedAt) FROM IssuedCertificate c "
                + "WHERE c.issueAuthority = :authority AND c.revoked = TRUE").setParameter("authority", authority)
                .getSingleResult();
        long count = ((Number) revoked[0]).longValue();
        Instant newest = (Instant) revoked[1];
        Instant now = Instant.now();
        SignedCrl held = SIGNED.get(authority);
        if (held != null && held.revokedCount() == count && Objects.equals(held.newestRevocation(), newest)
                && held.thisUpdate().plus(RESIGN_AFTER).isAfter(now)) {
            return held;
        }
        CrlState state = numbers.current(authority, count, newest, now, RESIGN_AFTER, VALIDITY);
        if (held != null && held.number() == state.getCrlNumber()) {
            return held;
        }
        SignedCrl signed = new SignedCrl(state.getCrlNumber(), state.getRevokedCount(), state.getNewestRevocation(),
                state.getThisUpdate(), state.getNextUpdate(), sign(authority, state));
        SIGNED.put(authority, signed);
        return signed;
    }

    private byte[] sign(IssueAuthority authority, CrlState state) {
        try {
            X509CertificateHolder issuer = new X509CertificateHolder(authorities.certificate(authority).getEncoded());
            X509v2CRLBuilder b = new X509v2CRLBuilder(issuer.getSubject(), Date.from(state.getThisUpdate()));
            b.setNextUpdate(Date.from(state.getNextUpdate()));
            // only the three columns an entry needs, not the certificates: 100,000 entities with their PEM would
            // cost seconds and the heap (bench/crl-100k.sh)
            List<Object[]> entries = em.createQuery("SELECT c.serialNumber, c.revokedAt, c.revocationReason "
                    + "FROM IssuedCertificate c WHERE c.issueAuthority = :authority AND c.revoked = TRUE "
                    + "ORDER BY c.certSn", Object[].class).setParameter("authority", authority).getResultList();
            for (Object[] e : entries) {
                Instant revokedAt = (Instant) e[1];
                if (state.getNewestRevocation() != null && revokedAt.isAfter(state.getNewestRevocation())) {
                    continue; // revoked after this number was decided: the next number lists it
                }
                RevocationReason reason = e[2] == null ? RevocationReason.UNSPECIFIED : (RevocationReason) e[2];
                b.addCRLEntry(new BigInteger((String) e[0], 16), Date.from(revokedAt), reason.code());
            }
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo()));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(state.getCrlNumber())));
            return b.build(authorities.signer(authority)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the " + authority + " CRL", e);
        }
    }
}
