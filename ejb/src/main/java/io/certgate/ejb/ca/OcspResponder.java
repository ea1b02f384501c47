package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssuedCertificate;
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
 * knows every revocation at once; responses are signed by the issuing root itself. Certificates of another
 * issuer, or serials this CA never issued, are "unknown".
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
            IssueAuthority issuer = issuerOf(requests[0].getCertID(), digests);
            if (issuer == null) {
                return status(OCSPResp.UNAUTHORIZED);
            }
            X509CertificateHolder issuerCert = new X509CertificateHolder(authorities.certificate(issuer).getEncoded());
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
                    b.build(authorities.signer(issuer), new X509CertificateHolder[] {issuerCert},
                            Date.from(now))).getEncoded();
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "OCSP responder failed", e);
            return status(OCSPResp.INTERNAL_ERROR);
        }
    }

    private CertificateStatus status(CertificateID id, IssueAuthority issuer, X509CertificateHolder issuerCert,
                                     DigestCalculatorProvider digests) throws OCSPException {
        if (!id.matchesIssuer(issuerCert, digests)) {
            return new UnknownStatus();
        }
        List<IssuedCertificate> found = em.createNamedQuery(IssuedCertificate.BY_AUTHORITY_AND_SERIAL,
                        IssuedCertificate.class).setParameter("authority", issuer)
                .setParameter("serial", id.getSerialNumber().toString(16)).getResultList();
        if (found.isEmpty()) {
            return new UnknownStatus();
        }
        IssuedCertificate c = found.get(0);
        if (c.isRevoked()) {
            RevocationReason reason = c.getRevocationReason() == null ? RevocationReason.UNSPECIFIED
                    : c.getRevocationReason();
            return new RevokedStatus(Date.from(c.getRevokedAt()), reason.code());
        }
        return CertificateStatus.GOOD;
    }

    private IssueAuthority issuerOf(CertificateID id, DigestCalculatorProvider digests) throws Exception {
        for (IssueAuthority a : IssueAuthority.values()) {
            if (id.matchesIssuer(new X509CertificateHolder(authorities.certificate(a).getEncoded()), digests)) {
                return a;
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
