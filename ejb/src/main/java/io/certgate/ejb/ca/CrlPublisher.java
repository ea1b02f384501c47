package io.certgate.ejb.ca;

import io.certgate.domain.ca.CrlCounter;
import io.certgate.domain.ca.ImportedCrl;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.ca.RootId;
import io.certgate.domain.access.Caller;
import io.certgate.domain.access.CallerRequiredException;
import io.certgate.ejb.access.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.operator.ContentSigner;

/**
 * The CRLs, from the database, so every instance behind a load balancer publishes the same revocations: each
 * root's lists its revoked issuing CAs (and the leaves it signed itself before the hierarchy); each issuing CA's
 * lists its revoked leaves. Numbers, thisUpdate and nextUpdate come from {@link CrlNumbers}: a new number follows
 * every change of the revocations and at least every {@link #RESIGN_AFTER}; the number only grows. A signed CRL is
 * kept per instance and reused while its number is current. A root whose key is offline (and every root generation
 * after the first) serves the CRL the root ceremony signed and an operator imported. The root signing here lists
 * only the issuing CAs it signed (first generation).
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


    /** The last CRL this instance signed per CRL issuer ("root:RSA", "ca:12"). */
    private static final Map<String, SignedCrl> SIGNED = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private IssuingAuthorities issuing;

    @EJB
    private CrlNumbers numbers;

    @EJB
    private AuditTrail audit;

    /**
     * Signs the next CRL now, whatever the one in hand says, for every CRL issuer whose key is on this server (the
     * first roots' with their key here, every certified issuing CA), and audits each: an operator's answer to "the
     * relying parties must see this revocation before the next scheduled CRL". Offline roots publish by ceremony.
     * The new numbers by issuer ("root:RSA", "ca:12"), in that order.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Map<String, Long> publishNow(Caller operator) {
        if (operator == null) {
            throw new CallerRequiredException();
        }
        Caller server = operator.actingFor(Caller.SERVER_ORG);
        Map<String, Long> published = new java.util.LinkedHashMap<>();
        for (IssueAuthority a : IssueAuthority.values()) {
            if (signsHere(RootId.first(a))) {
                published.put("root:" + a, currentRoot(a, Duration.ZERO).number());
            }
        }
        for (LoadedIssuingCa ca : issuing.certified()) {
            published.put("ca:" + ca.id(), currentIssuing(ca, Duration.ZERO).number());
        }
        published.forEach((issuer, number) -> audit.record(server, "crl.publish", "crl=" + issuer + " number=" + number,
                "published"));
        return published;
    }

    /** A root's current CRL (DER): its revoked issuing CAs and the revoked leaves it signed itself. */
    public byte[] currentCrl(IssueAuthority authority) {
        return currentCrl(RootId.first(authority));
    }

    /**
     * A root generation's current CRL (DER): signed here when its key is on this server (the first generation
     * only), otherwise the one its ceremony signed and an operator imported.
     */
    public byte[] currentCrl(RootId root) {
        if (!signsHere(root)) {
            ImportedCrl imported = em.find(ImportedCrl.class, root.toString());
            if (imported == null) {
                throw new NoRootCrlException(root);
            }
            return Base64.getDecoder().decode(imported.getCrlBase64());
        }
        return currentRoot(root.authority(), RESIGN_AFTER).der();
    }

    private boolean signsHere(RootId root) {
        return root.isFirst() && authorities.hasRootKey(root.authority());
    }

    /** An issuing CA's current CRL (DER): its revoked leaves. */
    public byte[] currentCrl(LoadedIssuingCa ca) {
        return currentIssuing(ca, RESIGN_AFTER).der();
    }

    /**
     * What a root's current CRL says (the one {@link #currentCrl} serves): its number, times and how many it lists.
     * The times as the signed CRL carries them: X.509 times have whole seconds.
     */
    public PublishedCrl published(IssueAuthority authority) {
        return published(RootId.first(authority));
    }

    /** What a root generation's current CRL says. */
    public PublishedCrl published(RootId root) {
        IssueAuthority authority = root.authority();
        if (!signsHere(root)) {
            ImportedCrl imported = em.find(ImportedCrl.class, root.toString());
            if (imported == null) {
                return new PublishedCrl(authority, 0, null, null, 0);
            }
            java.security.cert.X509CRL crl = RootCrls.parse(Base64.getDecoder().decode(imported.getCrlBase64()));
            return new PublishedCrl(authority, imported.getCrlNumber(), crl.getThisUpdate().toInstant(),
                    imported.getNextUpdate(), crl.getRevokedCertificates() == null ? 0
                    : crl.getRevokedCertificates().size());
        }
        return published(authority, currentRoot(authority, RESIGN_AFTER));
    }

    /** What an issuing CA's current CRL says. */
    public PublishedCrl published(LoadedIssuingCa ca) {
        return published(ca.authority(), currentIssuing(ca, RESIGN_AFTER));
    }

    private static PublishedCrl published(IssueAuthority authority, SignedCrl crl) {
        return new PublishedCrl(authority, crl.number(), crl.thisUpdate().truncatedTo(ChronoUnit.SECONDS),
                crl.nextUpdate().truncatedTo(ChronoUnit.SECONDS), crl.revokedCount());
    }

    private SignedCrl currentRoot(IssueAuthority authority, Duration resignAfter) {
        Object[] leaves = (Object[]) em.createQuery("SELECT COUNT(c), MAX(c.revokedAt) FROM IssuedCertificate c "
                + "WHERE c.issueAuthority = :authority AND c.issuingCaId IS NULL AND c.revoked = TRUE")
                .setParameter("authority", authority).getSingleResult();
        Object[] cas = (Object[]) em.createQuery("SELECT COUNT(c), MAX(c.revokedAt) FROM IssuingCa c "
                + "WHERE c.authority = :authority AND c.rootGeneration = 1 AND c.revoked = TRUE")
                .setParameter("authority", authority)
                .getSingleResult();
        long count = ((Number) leaves[0]).longValue() + ((Number) cas[0]).longValue();
        Instant newest = latest((Instant) leaves[1], (Instant) cas[1]);
        return current("root:" + authority, count, newest, resignAfter,
                () -> numbers.current(authority, count, newest, Instant.now(), resignAfter, VALIDITY),
                state -> sign(authorities.certificate(authority), authorities.signer(authority), state,
                        rootEntries(authority)));
    }

    private SignedCrl currentIssuing(LoadedIssuingCa ca, Duration resignAfter) {
        Object[] leaves = (Object[]) em.createQuery("SELECT COUNT(c), MAX(c.revokedAt) FROM IssuedCertificate c "
                + "WHERE c.issuingCaId = :ca AND c.revoked = TRUE").setParameter("ca", ca.id()).getSingleResult();
        long count = ((Number) leaves[0]).longValue();
        Instant newest = (Instant) leaves[1];
        return current("ca:" + ca.id(), count, newest, resignAfter,
                () -> numbers.current(ca.id(), count, newest, Instant.now(), resignAfter, VALIDITY),
                state -> sign(ca.certificate(), authorities.caSigner(ca.keyRef(), ca.authority(),
                        ca.authority().signatureAlgorithm()), state, leafEntries(ca.id())));
    }

    /**
     * A cheap aggregate query decides whether the CRL in hand still lists exactly the revoked certificates; only
     * otherwise is the database's CRL number consulted and a CRL signed.
     */
    private SignedCrl current(String key, long count, Instant newest, Duration resignAfter,
                              java.util.function.Supplier<CrlCounter> number,
                              java.util.function.Function<CrlCounter, byte[]> sign) {
        Instant now = Instant.now();
        SignedCrl held = SIGNED.get(key);
        if (held != null && held.revokedCount() == count && Objects.equals(held.newestRevocation(), newest)
                && held.thisUpdate().plus(resignAfter).isAfter(now)) {
            return held;
        }
        CrlCounter state = number.get();
        if (held != null && held.number() == state.getCrlNumber()) {
            return held;
        }
        SignedCrl signed = new SignedCrl(state.getCrlNumber(), state.getRevokedCount(), state.getNewestRevocation(),
                state.getThisUpdate(), state.getNextUpdate(), sign.apply(state));
        SIGNED.put(key, signed);
        return signed;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    // only the three columns an entry needs, not the certificates: 100,000 entities with their PEM would cost
    // seconds and the heap (bench/crl-100k.sh)
    private List<Crls.Entry> leafEntries(long caId) {
        return entries(em.createQuery("SELECT c.serialNumber, c.revokedAt, c.revocationReason FROM IssuedCertificate c "
                + "WHERE c.issuingCaId = :ca AND c.revoked = TRUE ORDER BY c.certSn", Object[].class)
                .setParameter("ca", caId).getResultList());
    }

    private List<Crls.Entry> rootEntries(IssueAuthority authority) {
        List<Crls.Entry> all = new ArrayList<>(entries(em.createQuery("SELECT c.serialNumber, c.revokedAt, "
                + "c.revocationReason FROM IssuedCertificate c WHERE c.issueAuthority = :authority "
                + "AND c.issuingCaId IS NULL AND c.revoked = TRUE ORDER BY c.certSn", Object[].class)
                .setParameter("authority", authority).getResultList()));
        all.addAll(entries(em.createQuery("SELECT c.serialNumber, c.revokedAt, c.revocationReason FROM IssuingCa c "
                + "WHERE c.authority = :authority AND c.rootGeneration = 1 AND c.revoked = TRUE ORDER BY c.id",
                Object[].class)
                .setParameter("authority", authority).getResultList()));
        return all;
    }

    private static List<Crls.Entry> entries(List<Object[]> rows) {
        List<Crls.Entry> entries = new ArrayList<>(rows.size());
        for (Object[] e : rows) {
            entries.add(new Crls.Entry((String) e[0], (Instant) e[1],
                    e[2] == null ? RevocationReason.UNSPECIFIED : (RevocationReason) e[2]));
        }
        return entries;
    }

    private static byte[] sign(X509Certificate issuerCert, ContentSigner signer, CrlCounter state, List<Crls.Entry> entries) {
        return Crls.sign(issuerCert, signer, state.getCrlNumber(), state.getThisUpdate(), state.getNextUpdate(),
                state.getNewestRevocation(), entries);
    }
}
