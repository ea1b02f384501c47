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

    public byte[] currentCrl(IssueAuthority authority) {
        SigningAuthority ca = authorities.authority(authority);
        Instant now = Instant.now();
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
