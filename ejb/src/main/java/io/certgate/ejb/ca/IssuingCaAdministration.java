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
        requireOperator(operator);
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
        requireOperator(operator);
        if (scope == null || scope.isBlank() || scope.length() > 64) {
            throw new InvalidIssuingCaRequestException("scope must name an organization, _shared or _server");
        }
        IssuingCa ca = factory.rollover(operator.actingFor(Caller.SERVER_ORG), scope, authority, activeFrom);
        issuing.reload();
        return ca;
    }

    /** Revokes an issuing CA: on its root's CRL and revoked for OCSP at once; it signs nothing more. */
    public IssuingCa revoke(Caller operator, long id, RevocationReason reason) {
        requireOperator(operator);
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

    /**
     * The certificate the root ceremony signed for a pending issuing CA (offline root): it must certify the CA's own
     * key and name, as a CA, signed by its root; from then on it signs its scope's leaves.
     */
    public IssuingCa importCertificate(Caller operator, long id, String pem) {
        requireOperator(operator);
        IssuingCa ca = em.find(IssuingCa.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (ca == null) {
            throw new UnknownCertificateException();
        }
        if (ca.getState() != IssuingCa.State.PENDING) {
            throw new InvalidIssuingCaRequestException("issuing CA " + id + " is " + ca.getState()
                    + ": only a pending one takes a certificate");
        }
        java.security.cert.X509Certificate cert;
        try {
            cert = Pem.parseX509(pem);
        } catch (IllegalArgumentException e) {
            throw new InvalidIssuingCaRequestException("the body is not a PEM certificate");
        }
        java.security.cert.X509Certificate root = roots.certificate(ca.getAuthority());
        try {
            cert.verify(root.getPublicKey());
        } catch (java.security.GeneralSecurityException e) {
            throw new InvalidIssuingCaRequestException("the certificate is not signed by the " + ca.getAuthority()
                    + " root");
        }
        java.security.PublicKey expected;
        try {
            expected = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(
                    new org.bouncycastle.util.io.pem.PemReader(new java.io.StringReader(ca.getCsrPem()))
                            .readPemObject().getContent()).getPublicKey();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("issuing CA " + id + " has an unreadable CSR", e);
        }
        if (!java.util.Arrays.equals(expected.getEncoded(), cert.getPublicKey().getEncoded())) {
            throw new InvalidIssuingCaRequestException("the certificate is for another key than issuing CA " + id
                    + "'s CSR");
        }
        if (cert.getBasicConstraints() < 0 || !new org.bouncycastle.asn1.x500.X500Name(ca.getSubjectDn()).equals(
                org.bouncycastle.asn1.x500.X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()))) {
            throw new InvalidIssuingCaRequestException("the certificate must be a CA certificate for "
                    + ca.getSubjectDn());
        }
        Instant now = Instant.now();
        if (!cert.getNotAfter().toInstant().isAfter(now)) {
            throw new InvalidIssuingCaRequestException("the certificate has expired");
        }
        ca.certify(cert.getSerialNumber().toString(16), Pem.certificate(cert),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), now);
        em.flush();
        audit.record(operator.actingFor(Caller.SERVER_ORG), "ca.issuing.certify", "issuingCa=" + id + " scope="
                + ca.getScope(), "certificate from the root ceremony, serial " + ca.getSerialNumber());
        issuing.reload();
        return ca;
    }

    /**
     * A root's CRL that the root ceremony signed (offline root), served from now on as the root's CRL: signed by the
     * root, with a CRL number above the one served now and a nextUpdate still ahead.
     */
    public io.certgate.domain.ca.ImportedCrl importRootCrl(Caller operator, IssueAuthority authority, byte[] der) {
        requireOperator(operator);
        if (roots.hasRootKey(authority)) {
            throw new InvalidIssuingCaRequestException("the " + authority + " root is on this server: it signs its "
                    + "own CRLs");
        }
        java.security.cert.X509CRL crl;
        try {
            crl = RootCrls.parse(der);
            crl.verify(roots.certificate(authority).getPublicKey());
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            throw new InvalidIssuingCaRequestException("not a CRL signed by the " + authority + " root");
        }
        byte[] number = crl.getExtensionValue(org.bouncycastle.asn1.x509.Extension.cRLNumber.getId());
        if (number == null || crl.getNextUpdate() == null || !crl.getNextUpdate().toInstant().isAfter(Instant.now())) {
            throw new InvalidIssuingCaRequestException("the CRL needs a CRL number and a nextUpdate still ahead");
        }
        long n = org.bouncycastle.asn1.ASN1Integer.getInstance(org.bouncycastle.asn1.ASN1OctetString
                .getInstance(number).getOctets()).longValueExact();
        io.certgate.domain.ca.ImportedCrl held = em.find(io.certgate.domain.ca.ImportedCrl.class, authority,
                LockModeType.PESSIMISTIC_WRITE);
        if (held != null && n <= held.getCrlNumber()) {
            throw new InvalidIssuingCaRequestException("CRL number " + n + " is not above the served one ("
                    + held.getCrlNumber() + ")");
        }
        if (held == null) {
            held = new io.certgate.domain.ca.ImportedCrl(authority);
            held.replace(java.util.Base64.getEncoder().encodeToString(der), n, crl.getNextUpdate().toInstant(),
                    Instant.now());
            em.persist(held);
        } else {
            held.replace(java.util.Base64.getEncoder().encodeToString(der), n, crl.getNextUpdate().toInstant(),
                    Instant.now());
        }
        em.flush();
        audit.record(operator.actingFor(Caller.SERVER_ORG), "ca.root.crl.import", "authority=" + authority,
                "CRL number " + n + ", " + (crl.getRevokedCertificates() == null ? 0
                        : crl.getRevokedCertificates().size()) + " revoked, next update " + crl.getNextUpdate()
                        .toInstant());
        return held;
    }

    /** Operators act on no organization: any authenticated caller is checked by the facade's roles. */
    private static void requireOperator(Caller operator) {
        if (operator == null) {
            throw new io.certgate.domain.access.CallerRequiredException();
        }
    }
}
