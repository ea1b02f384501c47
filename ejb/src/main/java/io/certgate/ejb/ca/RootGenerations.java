package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RootCa;
import io.certgate.domain.ca.RootId;
import jakarta.persistence.EntityManager;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.Map;
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

    /** The newest generation of an algorithm: the one new issuing CAs are made under. */
    static RootId newest(EntityManager em, IssueAuthority authority) {
        return later(em).keySet().stream().filter(r -> r.authority() == authority).max(Comparator.naturalOrder())
                .orElse(RootId.first(authority));
    }

    /** Every generation of an algorithm, newest first, with its certificate (the first from custody). */
    static Map<RootId, X509Certificate> of(EntityManager em, CertificateAuthorities custodyRoots,
                                           IssueAuthority authority) {
        Map<RootId, X509Certificate> all = new TreeMap<>(Comparator.reverseOrder());
        later(em).forEach((id, cert) -> {
            if (id.authority() == authority) {
                all.put(id, cert);
            }
        });
        all.put(RootId.first(authority), custodyRoots.certificate(authority));
        return all;
    }

    static Optional<X509Certificate> certificate(EntityManager em, CertificateAuthorities custodyRoots, RootId id) {
        return Optional.ofNullable(of(em, custodyRoots, id.authority()).get(id));
    }
}
