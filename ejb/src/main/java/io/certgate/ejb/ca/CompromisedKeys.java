package io.certgate.ejb.ca;

import io.certgate.domain.ca.RevocationReason;
import jakarta.persistence.EntityManager;

/**
 * A key whose certificate was revoked for keyCompromise is refused by the ledger for every later issuance, in every
 * organization and by every facade (EnOS, CertManager, DigiCert, EST, SCEP, the admin API): revoking a certificate
 * for a stolen key must not be undone by asking for another certificate of the same key. Keys are compared by the
 * SHA-256 of their SubjectPublicKeyInfo, as {@code IssuedCertificate} stores them.
 */
final class CompromisedKeys {

    static final String QUERY = "SELECT COUNT(c) FROM IssuedCertificate c WHERE c.publicKeySha256 = :key "
            + "AND c.revocationReason = :reason";

    private CompromisedKeys() {
    }

    /** {@link CompromisedKeyException} when a certificate of this key was revoked for keyCompromise. */
    static void refuse(EntityManager em, String publicKeySha256) {
        Long revoked = em.createQuery(QUERY, Long.class).setParameter("key", publicKeySha256)
                .setParameter("reason", RevocationReason.KEY_COMPROMISE).getSingleResult();
        if (revoked != null && revoked > 0) {
            throw new CompromisedKeyException();
        }
    }
}
