package io.certgate.ejb.ca;

import io.certgate.ejb.common.AfterCommit;

import io.certgate.domain.access.Caller;
import io.certgate.domain.access.Facade;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.ejb.access.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The certificate ledger: the one place every facade's business module issues, revokes and finds
 * certificates. Issuing applies the key policy and the validity rule, signs, persists and audits in the
 * caller's transaction, so a client never receives a certificate the database does not have. Every method
 * takes the caller and sees only its organization's certificates.
 */
@Stateless
public class CertificateLedger {

    /** Log lines and metrics of issuance and revocation wait for the commit. */
    @jakarta.annotation.Resource
    private jakarta.transaction.TransactionSynchronizationRegistry transactions;

    private static final Logger LOG = Logger.getLogger(CertificateLedger.class.getName());

    private final CsrValidator csrValidator = new CsrValidator();
    private final CertificateSigner signer = new CertificateSigner();

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private IssuingAuthorities issuing;

    @EJB
    private NamePolicies namePolicies;

    @EJB
    private AuditTrail audit;

    /** Issued, renewed and revoked counts and the signing and issuance times, for /metrics (after the commit). */
    @jakarta.inject.Inject
    private CertificateMetrics metrics;

    /** A CSR that passes the key policy of the authority (RSA-2048 / P-256, SHA-256, a valid signature). */
    public ValidatedCsr validateCsr(String csrPem, IssueAuthority authority) {
        return csrValidator.validate(csrPem, authority);
    }

    /** A CSR whose key and signature the policy allows, whichever CA will sign it. */
    public ValidatedCsr validateCsr(String csrPem, KeyPolicy policy) {
        return csrValidator.validate(csrPem, policy);
    }

    /** A key (from an old certificate) that the authority's key policy accepts. */
    public void checkKey(SubjectPublicKeyInfo key, IssueAuthority authority) {
        csrValidator.checkKey(key, authority);
    }

    public IssuedCertificate issue(Caller caller, Issuance request) {
        String orgId = Caller.require(caller).requireOrganization();
        long started = System.nanoTime();
        IssueAuthority a = request.authority();
        csrValidator.checkKey(request.publicKey(), request.keyPolicy()); // also keys from an old certificate
        CompromisedKeys.refuse(em, publicKeySha256(request.publicKey())); // revoked as keyCompromise: never again
        NameRules.Names names = namePolicies.check(orgId, request); // the server's, others', the policy's
        Instant now = Instant.now();
        LoadedIssuingCa ca = issuing.forIssuance(orgId, a); // the organization's own CA (made on first use)
        ValidityPeriod validity = ValidityPolicy.resolve(request.validity(), ca.notAfter(), now);
        long signingStarted = System.nanoTime();
        X509CertificateHolder cert = signer.sign(ca.certificate(), authorities.caSigner(ca, request.signature()),
                request.subject(), request.publicKey(), SerialNumbers.next(), validity.notBefore(), validity.notAfter(),
                authorities.leafProfile(ca, request.usage(), names.dnsNames(), names.emails(), names.ipAddresses()));
        Duration signing = Duration.ofNanos(System.nanoTime() - signingStarted);
        IssuedCertificate record = new IssuedCertificate(orgId, request.deviceId(), a, ca.id(),
                cert.getSerialNumber().toString(16), cert.getSubject().toString(), cert.getIssuer().toString(),
                publicKeySha256(request.publicKey()), pem(cert), now, validity.notBefore(), validity.notAfter(),
                request.renews());
        em.persist(record);
        em.flush(); // the certSn comes from the database; a failure here means the client gets nothing
        String renewing = request.renews() == null ? "" : " renewing certSn " + request.renews();
        audit.record(caller, request.auditAction(), "certSn=" + record.getCertSn() + " " + request.auditContext(),
                "issued serial " + record.getSerialNumber() + renewing);
        String line = "Issued certSn " + record.getCertSn() + " (" + a + ", " + request.usage() + ", serial "
                + record.getSerialNumber() + ", until " + record.getNotAfter() + ") for " + request.auditContext()
                + " in org " + orgId + renewing + " requestId=" + caller.requestId();
        Facade facade = Facade.of(caller);
        boolean renewal = request.renews() != null;
        AfterCommit.run(transactions, () -> {
            metrics.issued(a, facade, renewal, signing, Duration.ofNanos(System.nanoTime() - started));
            LOG.info(line);
        });
        return record;
    }

    /** Revokes a certificate of the caller's organization (the entity refuses revoking twice). */
    public IssuedCertificate revoke(Caller caller, IssuedCertificate cert, RevocationReason reason, String context) {
        String orgId = Caller.require(caller).requireOrganization();
        if (!cert.getOrgId().equals(orgId)) {
            throw new UnknownCertificateException();
        }
        cert.revoke(reason, Instant.now());
        audit.record(caller, "certificate.revoke", "certSn=" + cert.getCertSn() + " " + context,
                "revoked (" + reason + ")");
        String line = "Revoked certSn " + cert.getCertSn() + " (serial " + cert.getSerialNumber() + ", reason "
                + reason + ") of " + context + " in org " + orgId + " by " + caller.actor() + " requestId="
                + caller.requestId();
        IssueAuthority authority = cert.getIssueAuthority();
        Facade facade = Facade.of(caller);
        AfterCommit.run(transactions, () -> {
            metrics.revoked(authority, facade);
            LOG.info(line);
        });
        return cert;
    }

    /** A certificate of the caller's organization by certSn; {@link UnknownCertificateException} otherwise. */
    public IssuedCertificate find(Caller caller, long certSn) {
        String orgId = Caller.require(caller).requireOrganization();
        IssuedCertificate c = em.find(IssuedCertificate.class, certSn);
        if (c == null || !c.getOrgId().equals(orgId)) {
            throw new UnknownCertificateException();
        }
        return c;
    }

    /**
     * The certificate a TLS client presented, as this ledger stores it (same issuer, serial and encoding), or
     * empty (also when its issuing CA is revoked): how a certificate authenticates its holder, before any caller
     * exists.
     */
    public Optional<IssuedCertificate> presented(java.security.cert.X509Certificate cert) {
        String serial = cert.getSerialNumber().toString(16);
        List<IssuedCertificate> found = new java.util.ArrayList<>();
        for (LoadedIssuingCa ca : issuing.withSubject(cert.getIssuerX500Principal())) {
            if (ca.revoked()) {
                continue; // a revoked issuing CA's leaves authenticate no one
            }
            found.addAll(em.createNamedQuery(IssuedCertificate.BY_ISSUING_CA_AND_SERIAL, IssuedCertificate.class)
                    .setParameter("ca", ca.id()).setParameter("serial", serial).getResultList());
        }
        for (IssueAuthority a : IssueAuthority.values()) { // leaves the roots signed before the hierarchy
            if (authorities.certificate(a).getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                found.addAll(em.createNamedQuery(IssuedCertificate.BY_ROOT_AND_SERIAL, IssuedCertificate.class)
                        .setParameter("authority", a).setParameter("serial", serial).getResultList());
            }
        }
        try {
            for (IssuedCertificate c : found) {
                if (java.util.Arrays.equals(Pem.parseCertificate(c.getCertPem()).getEncoded(), cert.getEncoded())) {
                    return Optional.of(c);
                }
            }
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The CA for a CSR's key: RSA keys from the RSA root, EC keys from the ECC root. */
    /**
     * The validity a certificate of the caller's organization gets if issued now for this request by the authority:
     * the request's length clamped to the end of the issuing CA that signs now ({@link ValidityPolicy}, as
     * {@link #issue} applies it). Nothing is made: an organization without an issuing CA yet gets one at issuance,
     * which outlives any product's maximum, so then nothing clamps.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
    public ValidityPeriod validityIfIssuedNow(Caller caller, ValidityRequest request, IssueAuthority authority) {
        String orgId = Caller.require(caller).requireOrganization();
        Instant now = Instant.now();
        Instant caEnd = issuing.signing(issuing.scopeOf(orgId), authority, now).map(LoadedIssuingCa::notAfter)
                .orElse(Instant.MAX);
        return ValidityPolicy.resolve(request, caEnd, now);
    }

    public IssueAuthority authorityFor(String csrPem) {
        return csrValidator.keyAuthority(csrPem);
    }

    /** A certificate of the caller's organization by X.509 serial number. */
    public Optional<IssuedCertificate> findBySerial(Caller caller, BigInteger serial) {
        String orgId = Caller.require(caller).requireOrganization();
        return em.createNamedQuery(IssuedCertificate.BY_ORG_AND_SERIAL, IssuedCertificate.class)
                .setParameter("orgId", orgId).setParameter("serial", serial.toString(16)).getResultList().stream()
                .findFirst();
    }

    /** The certificates bound to a device of the caller's organization, oldest first. */
    public List<IssuedCertificate> boundTo(Caller caller, long deviceId) {
        String orgId = Caller.require(caller).requireOrganization();
        return em.createNamedQuery(IssuedCertificate.BY_DEVICE, IssuedCertificate.class)
                .setParameter("orgId", orgId).setParameter("deviceId", deviceId).getResultList();
    }

    /** The CA certificates above a certificate, nearest first: its issuing CA and root (or the root alone). */
    public List<java.security.cert.X509Certificate> chainAbove(IssuedCertificate cert) {
        return issuing.chainAbove(cert);
    }

    /** The certificate and the CA certificates above it as a certs-only PKCS#7 (.p7b), DER. */
    public byte[] pkcs7(IssuedCertificate cert) {
        try {
            org.bouncycastle.cms.CMSSignedDataGenerator g = new org.bouncycastle.cms.CMSSignedDataGenerator();
            g.addCertificate(Pem.parseCertificate(cert.getCertPem()));
            for (java.security.cert.X509Certificate ca : chainAbove(cert)) {
                g.addCertificate(new X509CertificateHolder(ca.getEncoded()));
            }
            return g.generate(new org.bouncycastle.cms.CMSAbsentContent()).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build PKCS#7", e);
        }
    }

    public static String publicKeySha256(SubjectPublicKeyInfo key) {
        try {
            return io.certgate.ejb.common.Digests.sha256Hex(key.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(X509CertificateHolder cert) {
        try {
            return Pem.certificate(cert.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }
}
