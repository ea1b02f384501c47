package io.certgate.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A signature (or token-request encryption) already seen: the primary key makes a replay fail in the database,
 * whichever instance receives it. Kept until the timestamp window has passed.
 */
@Entity
@Table(name = "CG_NONCE")
@NamedQuery(name = Nonce.DELETE_EXPIRED, query = "DELETE FROM Nonce n WHERE n.expiresAt < :now")
public class Nonce {

    public static final String DELETE_EXPIRED = "Nonce.deleteExpired";

    @Id
    @Column(name = "NONCE_SHA256", length = 64)
    private String nonceSha256;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected Nonce() {
    }

    public Nonce(String nonceSha256, Instant expiresAt) {
        this.nonceSha256 = nonceSha256;
        this.expiresAt = expiresAt;
    }

    public String getNonceSha256() { return nonceSha256; }
    public Instant getExpiresAt() { return expiresAt; }
}
