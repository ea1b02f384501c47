package io.certgate.ejb.ca;

import io.certgate.domain.Lease;
import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuingCa;
import io.certgate.domain.ca.RootId;
import io.certgate.ejb.access.AuditTrail;
import io.certgate.ejb.ca.custody.KeyCustody;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Makes issuing CAs: a key in the roots' custody, and a certificate the root signs at once (online root) or a CSR
 * that waits for the root ceremony (offline root). Each in a transaction of its own under the {@link Lease#ISSUING_CA}
 * row lock, so that instances racing on an organization's first certificate make one generation.
 */
@Stateless
public class IssuingCaFactory {

    private static final Logger LOG = Logger.getLogger(IssuingCaFactory.class.getName());

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private CertificateAuthorities roots;

    @EJB
    private AuditTrail audit;

    /** Makes the scope's first generation unless one signs already or waits for the ceremony. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensure(String scope, IssueAuthority authority) {
        lock();
        List<IssuingCa> existing = generations(scope, authority);
        Instant now = Instant.now();
        boolean usable = existing.stream().anyMatch(c -> c.signsAt(now) || c.getState() == IssuingCa.State.PENDING
                || (c.getState() == IssuingCa.State.ACTIVE && !c.isRevoked() && c.getActiveFrom().isAfter(now)));
        if (!usable) {
            make(Caller.system(orgOf(scope)), scope, authority, next(existing), now, now);
        }
    }

    /**
     * A new generation of the scope's issuing CA that signs its new leaves from {@code activeFrom} (now or later);
     * the older ones keep publishing CRLs and answering OCSP for their leaves.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public IssuingCa rollover(Caller operator, String scope, IssueAuthority authority, Instant activeFrom) {
        lock();
        Instant now = Instant.now();
        return make(operator, scope, authority, next(generations(scope, authority)),
                activeFrom == null || activeFrom.isBefore(now) ? now : activeFrom, now);
    }

    /** Holds the issuing CAs' row lock until the caller's transaction ends (root generations take it too). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void lockIssuingCas() {
        lock();
    }

    private void lock() {
        if (em.find(Lease.class, Lease.ISSUING_CA, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalStateException("no issuing-ca lock row (schema version 10 installs it)");
        }
    }

    private List<IssuingCa> generations(String scope, IssueAuthority authority) {
        return em.createNamedQuery(IssuingCa.OF_SCOPE, IssuingCa.class).setParameter("scope", scope)
                .setParameter("authority", authority).getResultList();
    }

    private static int next(List<IssuingCa> newestFirst) {
        return newestFirst.isEmpty() ? 1 : newestFirst.get(0).getGeneration() + 1;
    }

    private IssuingCa make(Caller caller, String scope, IssueAuthority authority, int generation, Instant activeFrom,
                           Instant now) {
        X500Name subject = IssuingCaCertificates.subject(scope, authority, generation);
        KeyCustody.NewCaKey key = roots.newCaKey(authority, label(scope, authority, generation));
        IssuingCa ca = new IssuingCa(scope, authority, generation, subject.toString(), key.keyRef(), now);
        String outcome;
        // under the newest root generation; only the first can have its key on this server
        RootId root = RootGenerations.newest(em, authority);
        if (root.isFirst() && roots.hasRootKey(authority)) {
            X509Certificate cert = IssuingCaCertificates.sign(roots.certificate(authority), roots.signer(authority),
                    subject, SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded()), now,
                    roots.rootUrls(root));
            ca.certify(root, cert.getSerialNumber().toString(16), Pem.certificate(cert),
                    cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), activeFrom);
            outcome = "signed by the " + root + " root, serial " + ca.getSerialNumber() + ", signs from "
                    + activeFrom;
        } else {
            ca.pending(IssuingCaCertificates.csr(subject, key.publicKey(),
                    roots.caSigner(key.keyRef(), authority, authority.signatureAlgorithm())));
            outcome = "the " + root + " root is offline: its CSR awaits the root ceremony";
        }
        em.persist(ca);
        em.flush();
        audit.record(caller, "ca.issuing.create", "issuingCa=" + ca.getId() + " scope=" + scope,
                subject + " generation " + generation + ": " + outcome);
        long id = ca.getId();
        LOG.info(() -> "Issuing CA " + id + " " + subject + " for " + scope + ": " + outcome);
        return ca;
    }

    /** Which organization's audit trail records a scope's CAs (shared and infrastructure: the server's). */
    static String orgOf(String scope) {
        return scope.startsWith("_") ? Caller.SERVER_ORG : scope;
    }

    /** A token label: letters, digits and dashes, unique per generation even when two scopes sanitize alike. */
    static String label(String scope, IssueAuthority authority, int generation) {
        String safe = scope.replaceAll("[^A-Za-z0-9]", "-");
        if (safe.length() > 24) {
            safe = safe.substring(0, 24);
        }
        return "ca-" + safe + "-" + authority.name().toLowerCase(Locale.ROOT) + "-g" + generation + "-"
                + java.util.HexFormat.of().formatHex(SerialNumbers.next().toByteArray(), 0, 3);
    }
}
