package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RootCa;
import io.certgate.domain.ca.RootId;
import jakarta.persistence.EntityManager;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The root generations after the first (root rollover), as the database holds them: the first generation of each
 * algorithm is the key custody's root ({@link CertificateAuthorities}); later ones come from the root ceremony.
 */
final class RootGenerations {

    private RootGenerations() {
    }

    /** Every later generation with its certificate, in {@link RootId} order. */
    static Map<RootId, X509Certificate> later(EntityManager em) {
        Map<RootId, X509Certificate> roots = new TreeMap<>();
        for (RootCa row : em.createNamedQuery(RootCa.ALL, RootCa.class).getResultList()) {
            roots.put(row.id(), Pem.parseX509(row.getCertPem()));
        }
        return roots;
    }

    /** The newest generation of an algorithm: the one new issuing CAs are made under (no certificate parsed). */
    static RootId newest(EntityManager em, IssueAuthority authority) {
        return em.createNamedQuery(RootCa.ALL, RootCa.class).getResultList().stream().map(RootCa::id)
                .filter(r -> r.authority() == authority).max(Comparator.naturalOrder())
                .orElse(RootId.first(authority));
    }

    /** Every generation of an algorithm, newest first, with its certificate (the first from custody). */
    static Map<RootId, X509Certificate> of(EntityManager em, CertificateAuthorities custodyRoots,
                                           IssueAuthority authority) {
        return generations(authority, custodyRoots.certificate(authority), later(em)).descendingMap();
    }

    /**
     * Every generation of an algorithm, oldest first: the first one (the key custody's root) and those of the later
     * ones (any algorithm's, as {@link #later} reads them, or a copy held in memory) that are of this algorithm.
     */
    static NavigableMap<RootId, X509Certificate> generations(IssueAuthority authority, X509Certificate first,
                                                             Map<RootId, X509Certificate> later) {
        NavigableMap<RootId, X509Certificate> all = new TreeMap<>();
        all.put(RootId.first(authority), first);
        later.forEach((id, cert) -> {
            if (id.authority() == authority) {
                all.put(id, cert);
            }
        });
        return all;
    }

    static Optional<X509Certificate> certificate(EntityManager em, CertificateAuthorities custodyRoots, RootId id) {
        return Optional.ofNullable(of(em, custodyRoots, id.authority()).get(id));
    }
}
