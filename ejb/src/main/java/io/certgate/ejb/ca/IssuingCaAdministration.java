package io.certgate.ejb.ca;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuingCa;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.ca.RootId;
import io.certgate.ejb.access.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        // any generation of its algorithm's root (after a root rollover, usually the newest)
        RootId signedBy = RootGenerations.of(em, roots, ca.getAuthority()).entrySet().stream()
                .filter(r -> signedBy(cert, r.getValue())).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new InvalidIssuingCaRequestException("the certificate is not signed by an "
                        + ca.getAuthority() + " root of this server"));
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
        ca.certify(signedBy, cert.getSerialNumber().toString(16), Pem.certificate(cert),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), now);
        em.flush();
        audit.record(operator.actingFor(Caller.SERVER_ORG), "ca.issuing.certify", "issuingCa=" + id + " scope="
                + ca.getScope(), "certificate from the root ceremony under the " + signedBy + " root, serial "
                + ca.getSerialNumber());
        issuing.reload();
        return ca;
    }

    /**
     * A root's CRL that the root ceremony signed (offline root), served from now on as the root's CRL: signed by the
     * root, with a CRL number above the one served now and a nextUpdate still ahead.
     */
    public io.certgate.domain.ca.ImportedCrl importRootCrl(Caller operator, RootId root, byte[] der) {
        requireOperator(operator);
        if (root.isFirst() && roots.hasRootKey(root.authority())) {
            throw new InvalidIssuingCaRequestException("the " + root + " root is on this server: it signs its "
                    + "own CRLs");
        }
        java.security.cert.X509Certificate rootCert = RootGenerations.certificate(em, roots, root)
                .orElseThrow(() -> new UnknownRootException(root));
        java.security.cert.X509CRL crl;
        try {
            crl = RootCrls.parse(der);
            crl.verify(rootCert.getPublicKey());
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            throw new InvalidIssuingCaRequestException("not a CRL signed by the " + root + " root");
        }
        byte[] number = crl.getExtensionValue(org.bouncycastle.asn1.x509.Extension.cRLNumber.getId());
        if (number == null || crl.getNextUpdate() == null || !crl.getNextUpdate().toInstant().isAfter(Instant.now())) {
            throw new InvalidIssuingCaRequestException("the CRL needs a CRL number and a nextUpdate still ahead");
        }
        long n = org.bouncycastle.asn1.ASN1Integer.getInstance(org.bouncycastle.asn1.ASN1OctetString
                .getInstance(number).getOctets()).longValueExact();
        io.certgate.domain.ca.ImportedCrl held = em.find(io.certgate.domain.ca.ImportedCrl.class, root.toString(),
                LockModeType.PESSIMISTIC_WRITE);
        if (held != null && n <= held.getCrlNumber()) {
            throw new InvalidIssuingCaRequestException("CRL number " + n + " is not above the served one ("
                    + held.getCrlNumber() + ")");
        }
        if (held == null) {
            held = new io.certgate.domain.ca.ImportedCrl(root);
            held.replace(java.util.Base64.getEncoder().encodeToString(der), n, crl.getNextUpdate().toInstant(),
                    Instant.now());
            em.persist(held);
        } else {
            held.replace(java.util.Base64.getEncoder().encodeToString(der), n, crl.getNextUpdate().toInstant(),
                    Instant.now());
        }
        em.flush();
        audit.record(operator.actingFor(Caller.SERVER_ORG), "ca.root.crl.import", "root=" + root,
                "CRL number " + n + ", " + (crl.getRevokedCertificates() == null ? 0
                        : crl.getRevokedCertificates().size()) + " revoked, next update " + crl.getNextUpdate()
                        .toInstant());
        return held;
    }

    /**
     * A new root generation from the root ceremony (root rollover): a self-signed CA certificate of RSA-2048 or
     * P-256 that is valid now and new to this server. From now on new issuing CAs of its algorithm are made under
     * it (they wait for the ceremony to sign their CSRs); the older roots and their issuing CAs stay as they are.
     */
    public RootId addRoot(Caller operator, String pem) {
        requireOperator(operator);
        java.security.cert.X509Certificate cert;
        try {
            cert = Pem.parseX509(pem);
        } catch (IllegalArgumentException e) {
            throw new InvalidIssuingCaRequestException("the body is not a PEM certificate");
        }
        IssueAuthority authority = RootCertificates.authorityOf(cert.getPublicKey()).orElseThrow(() ->
                new InvalidIssuingCaRequestException("a root must have an RSA-2048 or EC P-256 key"));
        if (cert.getBasicConstraints() < 0 || !signedBy(cert, cert)) {
            throw new InvalidIssuingCaRequestException("the certificate must be a self-signed CA certificate");
        }
        Instant now = Instant.now();
        if (cert.getNotBefore().toInstant().isAfter(now) || !cert.getNotAfter().toInstant().isAfter(now)) {
            throw new InvalidIssuingCaRequestException("the certificate is not valid now");
        }
        factory.lockIssuingCas(); // one generation number per root, whichever instance adds it
        Map<RootId, java.security.cert.X509Certificate> known = RootGenerations.of(em, roots, authority);
        for (java.security.cert.X509Certificate r : known.values()) {
            if (java.util.Arrays.equals(r.getPublicKey().getEncoded(), cert.getPublicKey().getEncoded())
                    || r.getSubjectX500Principal().equals(cert.getSubjectX500Principal())) {
                throw new InvalidIssuingCaRequestException("this server has a root with that key or name: "
                        + r.getSubjectX500Principal());
            }
        }
        RootId id = new RootId(authority, known.keySet().iterator().next().generation() + 1);
        em.persist(new io.certgate.domain.ca.RootCa(id, Pem.certificate(cert), now));
        em.flush();
        audit.record(operator.actingFor(Caller.SERVER_ORG), "ca.root.add", "root=" + id,
                cert.getSubjectX500Principal() + ", serial " + cert.getSerialNumber().toString(16) + ", until "
                        + cert.getNotAfter().toInstant() + ": new issuing CAs of " + authority + " are made under it");
        issuing.reload();
        return id;
    }

    private static boolean signedBy(java.security.cert.X509Certificate cert, java.security.cert.X509Certificate root) {
        if (!cert.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(root.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    /** Operators act on no organization: any authenticated caller is checked by the facade's roles. */
    private static void requireOperator(Caller operator) {
        if (operator == null) {
            throw new io.certgate.domain.access.CallerRequiredException();
        }
    }
}
