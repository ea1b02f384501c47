package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.IssuingCa;
import io.certgate.domain.ca.RootId;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The issuing CAs under the roots, held in memory and read again from the database at least every
 * {@link #RELOAD} (other instances make and roll over CAs too) and at once when one is missing. Which CA signs an
 * organization's leaves: its own newest active generation (made on first use), or the shared one when
 * {@code certgate.ca.issuing.shared=true}; the server's own organization always has the infrastructure CA.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class IssuingAuthorities {

    static final Duration RELOAD = Duration.ofSeconds(30);

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private CertificateAuthorities roots;

    @EJB
    private IssuingCaFactory factory;

    private volatile Map<Long, LoadedIssuingCa> byId = Map.of();
    /** Root generations after the first (root rollover), from the database. */
    private volatile Map<RootId, X509Certificate> laterRoots = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    /** The issuing CA that signs the organization's new leaves of this algorithm now; made on first use. */
    public LoadedIssuingCa forIssuance(String orgId, IssueAuthority authority) {
        String scope = scopeOf(orgId);
        Instant now = Instant.now();
        if (now.isAfter(loadedAt.plus(RELOAD))) {
            reload();
        }
        Optional<LoadedIssuingCa> signing = signing(scope, authority, now);
        if (signing.isPresent()) {
            return signing.get();
        }
        reload();
        signing = signing(scope, authority, now);
        if (signing.isPresent()) {
            return signing.get();
        }
        factory.ensure(scope, authority);
        reload();
        // a new CA signs from the moment it was made, after the now above
        return signing(scope, authority, Instant.now()).orElseThrow(() -> new NoIssuingCaException(scope, authority));
    }

    /** The scope of an organization's issuing CAs: its own, the shared one (by setting), or the server's. */
    public static String scopeOf(String orgId, boolean shared) {
        if (IssuingCa.SERVER.equals(orgId)) {
            return IssuingCa.SERVER;
        }
        return shared ? IssuingCa.SHARED : orgId;
    }

    public String scopeOf(String orgId) {
        return scopeOf(orgId, ConfigProvider.getConfig().getOptionalValue("certgate.ca.issuing.shared", Boolean.class)
                .orElse(false));
    }

    /** The generation of a scope that signs its new leaves at {@code now}, if any. */
    public Optional<LoadedIssuingCa> signing(String scope, IssueAuthority authority, Instant now) {
        return byId.values().stream().filter(c -> c.scope().equals(scope) && c.authority() == authority
                && c.signsAt(now)).max(Comparator.comparingInt(LoadedIssuingCa::generation));
    }

    /** An issuing CA by id (read again when this instance does not know it yet). */
    public Optional<LoadedIssuingCa> byId(long id) {
        LoadedIssuingCa ca = byId.get(id);
        if (ca == null) {
            reload();
            ca = byId.get(id);
        }
        return Optional.ofNullable(ca);
    }

    /** Every issuing CA with a certificate, oldest first (OCSP and mutual TLS look for issuers among them). */
    public List<LoadedIssuingCa> certified() {
        if (Instant.now().isAfter(loadedAt.plus(RELOAD))) {
            reload();
        }
        return byId.values().stream().filter(c -> c.certificate() != null)
                .sorted(Comparator.comparingLong(LoadedIssuingCa::id)).toList();
    }

    /** The issuing CA whose subject is this issuer name, or empty (a root's, or a stranger's). */
    public List<LoadedIssuingCa> withSubject(javax.security.auth.x500.X500Principal issuer) {
        List<LoadedIssuingCa> found = certified().stream()
                .filter(c -> c.certificate().getSubjectX500Principal().equals(issuer)).toList();
        if (found.isEmpty()) {
            reload();
            found = certified().stream().filter(c -> c.certificate().getSubjectX500Principal().equals(issuer)).toList();
        }
        return found;
    }

    /** The CA certificates above a leaf, nearest first: its issuing CA and the root, or the root alone (old leaves). */
    public List<X509Certificate> chainAbove(IssuedCertificate cert) {
        List<X509Certificate> chain = new ArrayList<>(2);
        if (cert.getIssuingCaId() != null) {
            chain.add(byId(cert.getIssuingCaId()).orElseThrow(() -> new IllegalStateException(
                    "certSn " + cert.getCertSn() + " names issuing CA " + cert.getIssuingCaId() + ", which is gone"))
                    .certificate());
        }
        chain.add(cert.getIssuingCaId() == null ? roots.certificate(cert.getIssueAuthority())
                : root(byId(cert.getIssuingCaId()).orElseThrow().root()));
        return chain;
    }

    /** The CA certificates above a leaf as PEM, nearest first (issuing CA, then root). */
    public String chainPem(IssuedCertificate cert) {
        return Pem.certificates(chainAbove(cert));
    }

    /** Where the chain above a leaf is published: its issuing CA's chain, or the root for leaves a root signed. */
    public String chainUrl(IssuedCertificate cert) {
        return cert.getIssuingCaId() == null ? roots.caCertificateUrl(cert.getIssueAuthority())
                : roots.issuingCaChainUrl(cert.getIssuingCaId());
    }

    /**
     * The CA certificates an organization's devices are told about: its issuing CAs of these algorithms (made on
     * first use), then the roots; the roots alone without an organization.
     */
    public List<X509Certificate> caCertificates(Optional<String> orgId, List<IssueAuthority> authorities) {
        List<X509Certificate> certs = new ArrayList<>();
        if (orgId.isPresent()) {
            List<LoadedIssuingCa> cas = authorities.stream().map(a -> forIssuance(orgId.get(), a)).toList();
            cas.forEach(ca -> certs.add(ca.certificate()));
            cas.forEach(ca -> certs.add(root(ca.root())));
        } else {
            authorities.forEach(a -> roots(a).forEach((id, root) -> certs.add(root)));
        }
        return certs;
    }

    /** The CA certificates above an issuing CA's leaves: it and its root. */
    public List<X509Certificate> chainOf(LoadedIssuingCa ca) {
        return List.of(ca.certificate(), root(ca.root()));
    }

    /** A root generation's certificate (the first: the key custody's root). */
    public X509Certificate root(RootId id) {
        if (id.isFirst()) {
            return roots.certificate(id.authority());
        }
        X509Certificate root = laterRoots.get(id);
        if (root == null) {
            reload();
            root = laterRoots.get(id);
        }
        if (root == null) {
            throw new UnknownRootException(id);
        }
        return root;
    }

    /** Every generation of an algorithm's root, oldest first. */
    public Map<RootId, X509Certificate> roots(IssueAuthority authority) {
        if (Instant.now().isAfter(loadedAt.plus(RELOAD))) {
            reload();
        }
        return RootGenerations.generations(authority, roots.certificate(authority), laterRoots);
    }

    /** Reads every issuing CA again (after this instance made or changed one; others' changes within RELOAD). */
    public synchronized void reload() {
        Map<Long, LoadedIssuingCa> loaded = new LinkedHashMap<>();
        for (IssuingCa row : em.createNamedQuery(IssuingCa.ALL, IssuingCa.class).getResultList()) {
            LoadedIssuingCa held = byId.get(row.getId());
            LoadedIssuingCa now = LoadedIssuingCa.of(row);
            loaded.put(row.getId(), now.equals(held) ? held : now);
        }
        Map<RootId, X509Certificate> later = RootGenerations.later(em);
        boolean changed = !loaded.equals(byId) || !later.keySet().equals(laterRoots.keySet());
        byId = Map.copyOf(loaded);
        laterRoots = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(later));
        loadedAt = Instant.now();
        if (changed) {
            roots.trustIssuingCas(certified(), later.values());
        }
    }
}
