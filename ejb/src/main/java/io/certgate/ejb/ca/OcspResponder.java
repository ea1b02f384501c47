package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.IssuingCa;
import java.security.cert.X509Certificate;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RevocationReason;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The OCSP responder (RFC 6960) the certificates' AIA points at: answers from the database, so every instance
 * knows every revocation at once; each answer is signed by the certificate's own issuer: an issuing CA for its
 * leaves, a root for its issuing CAs (and for the leaves it signed itself before the hierarchy). Certificates of
 * another issuer, or serials never issued, are "unknown"; a root whose key is offline does not answer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OcspResponder {

    private static final Logger LOG = Logger.getLogger(OcspResponder.class.getName());
    static final Duration NEXT_UPDATE = Duration.ofHours(1);
    static final int MAX_REQUESTS = 16;

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private IssuingAuthorities issuing;

    /** A DER OCSPResponse for a DER OCSPRequest (malformedRequest for anything that is not one). */
    public byte[] respond(byte[] requestDer) {
        try {
            OCSPReq request;
            try {
                request = new OCSPReq(requestDer);
            } catch (IOException | RuntimeException e) {
                return status(OCSPResp.MALFORMED_REQUEST);
            }
            Req[] requests = request.getRequestList();
            if (requests.length == 0 || requests.length > MAX_REQUESTS) {
                return status(OCSPResp.MALFORMED_REQUEST);
            }
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder()
                    .setProvider(CryptoProviders.BC).build();
            Issuer issuer = issuerOf(requests[0].getCertID(), digests);
            if (issuer == null) {
                return status(OCSPResp.UNAUTHORIZED);
            }
            X509CertificateHolder issuerCert = new X509CertificateHolder(issuer.certificate().getEncoded());
            BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(issuerCert.getSubjectPublicKeyInfo(),
                    digests.get(CertificateID.HASH_SHA1)));
            Instant now = Instant.now();
            for (Req r : requests) {
                CertificateID id = r.getCertID();
                b.addResponse(id, status(id, issuer, issuerCert, digests), Date.from(now),
                        Date.from(now.plus(NEXT_UPDATE)), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                b.setResponseExtensions(new Extensions(nonce));
            }
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    b.build(issuer.signer().get(), new X509CertificateHolder[] {issuerCert},
                            Date.from(now))).getEncoded();
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "OCSP responder failed", e);
            return status(OCSPResp.INTERNAL_ERROR);
        }
    }

    /**
     * Who answers for a certificate: a root (for its issuing CAs and the leaves it signed before the hierarchy) or
     * an issuing CA (for its leaves), with its own key.
     */
    private record Issuer(X509Certificate certificate, IssueAuthority root, LoadedIssuingCa ca,
                          java.util.function.Supplier<org.bouncycastle.operator.ContentSigner> signer) {
    }

    private CertificateStatus status(CertificateID id, Issuer issuer, X509CertificateHolder issuerCert,
                                     DigestCalculatorProvider digests) throws OCSPException {
        if (!id.matchesIssuer(issuerCert, digests)) {
            return new UnknownStatus();
        }
        String serial = id.getSerialNumber().toString(16);
        boolean revoked;
        java.time.Instant revokedAt;
        RevocationReason reason;
        if (issuer.ca() != null) {
            List<IssuedCertificate> found = em.createNamedQuery(IssuedCertificate.BY_ISSUING_CA_AND_SERIAL,
                    IssuedCertificate.class).setParameter("ca", issuer.ca().id()).setParameter("serial", serial)
                    .getResultList();
            if (found.isEmpty()) {
                return new UnknownStatus();
            }
            IssuedCertificate c = found.get(0);
            revoked = c.isRevoked();
            revokedAt = c.getRevokedAt();
            reason = c.getRevocationReason();
        } else {
            List<IssuingCa> cas = em.createQuery("SELECT c FROM IssuingCa c WHERE c.authority = :authority "
                    + "AND c.rootGeneration = 1 AND c.serialNumber = :serial", IssuingCa.class).setParameter("authority", issuer.root())
                    .setParameter("serial", serial).getResultList();
            if (!cas.isEmpty()) {
                revoked = cas.get(0).isRevoked();
                revokedAt = cas.get(0).getRevokedAt();
                reason = cas.get(0).getRevocationReason();
            } else {
                List<IssuedCertificate> found = em.createNamedQuery(IssuedCertificate.BY_ROOT_AND_SERIAL,
                        IssuedCertificate.class).setParameter("authority", issuer.root())
                        .setParameter("serial", serial).getResultList();
                if (found.isEmpty()) {
                    return new UnknownStatus();
                }
                revoked = found.get(0).isRevoked();
                revokedAt = found.get(0).getRevokedAt();
                reason = found.get(0).getRevocationReason();
            }
        }
        if (revoked) {
            return new RevokedStatus(Date.from(revokedAt),
                    (reason == null ? RevocationReason.UNSPECIFIED : reason).code());
        }
        return CertificateStatus.GOOD;
    }

    private Issuer issuerOf(CertificateID id, DigestCalculatorProvider digests) throws Exception {
        for (LoadedIssuingCa ca : issuing.certified()) {
            if (id.matchesIssuer(new X509CertificateHolder(ca.certificate().getEncoded()), digests)) {
                return new Issuer(ca.certificate(), ca.authority(), ca, () -> authorities.caSigner(ca.keyRef(),
                        ca.authority(), ca.authority().signatureAlgorithm()));
            }
        }
        for (IssueAuthority a : IssueAuthority.values()) {
            if (authorities.hasRootKey(a)
                    && id.matchesIssuer(new X509CertificateHolder(authorities.certificate(a).getEncoded()), digests)) {
                return new Issuer(authorities.certificate(a), a, null, () -> authorities.signer(a));
            }
        }
        return null;
    }

    private static byte[] status(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException(e);
        }
    }
}
