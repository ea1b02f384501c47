package io.certgate.ejb.acme;

import io.certgate.ejb.common.RandomIds;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * ACME's Replay-Nonce values (RFC 8555 6.5): handed out as rows of the database and used by deleting the row, each in
 * a transaction of its own, so that a nonce works once on whichever instance sees it first and a request that fails
 * later has still used its nonce. Expired rows go now and then, as new ones are made.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AcmeNonces {

    /** How long a nonce handed out stays usable. */
    static final Duration LIFETIME = Duration.ofHours(1);

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    /** A new nonce (128 random bits, base64url). */
    public String issue() {
        Instant now = Instant.now();
        if (RandomIds.secureRandom().nextInt(64) == 0) {
            em.createNativeQuery("DELETE FROM CG_ACME_NONCE WHERE EXPIRES_AT < ?").setParameter(1, Timestamp.from(now))
                    .executeUpdate();
        }
        String nonce = RandomIds.base64Url(16);
        em.createNativeQuery("INSERT INTO CG_ACME_NONCE (NONCE, EXPIRES_AT) VALUES (?, ?)").setParameter(1, nonce)
                .setParameter(2, Timestamp.from(now.plus(LIFETIME))).executeUpdate();
        return nonce;
    }

    /** Whether the nonce was handed out, not used yet and not expired; it is used now either way. */
    public boolean use(String nonce) {
        if (nonce == null || nonce.length() > 64) {
            return false;
        }
        return em.createNativeQuery("DELETE FROM CG_ACME_NONCE WHERE NONCE = ? AND EXPIRES_AT > ?")
                .setParameter(1, nonce).setParameter(2, Timestamp.from(Instant.now())).executeUpdate() == 1;
    }
}
