package io.certgate.domain.acme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account's authorization for one DNS name (RFC 8555 7.1.4): pending until one of its challenges is shown, then
 * valid until it expires (and reused by the account's new orders meanwhile), or invalid. A wildcard's name is the
 * domain under the {@code *.}.
 */
@Entity
@Table(name = "CG_ACME_AUTHZ")
@NamedQuery(name = AcmeAuthorization.REUSABLE, query = "SELECT z FROM AcmeAuthorization z WHERE z.accountId = :account "
        + "AND z.identifier = :identifier AND z.wildcard = :wildcard AND z.status = :status AND z.expiresAt > :now "
        + "ORDER BY z.expiresAt DESC")
public class AcmeAuthorization {

    public static final String REUSABLE = "AcmeAuthorization.reusable";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private Long accountId;

    @Column(name = "IDENTIFIER", nullable = false, length = 253)
    private String identifier;

    @Column(name = "WILDCARD", nullable = false)
    private boolean wildcard;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private AcmeStatus status;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "VALIDATED_AT")
    private Instant validatedAt;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected AcmeAuthorization() {
    }

    public AcmeAuthorization(String orgId, long accountId, String identifier, boolean wildcard, Instant expiresAt,
                             Instant createdAt) {
        this.orgId = orgId;
        this.accountId = accountId;
        this.identifier = identifier;
        this.wildcard = wildcard;
        this.status = AcmeStatus.PENDING;
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
    }

    /** Its status at this time: a pending or valid authorization past its expiry is expired. */
    public AcmeStatus statusAt(Instant now) {
        if ((status == AcmeStatus.PENDING || status == AcmeStatus.VALID) && !now.isBefore(expiresAt)) {
            return AcmeStatus.EXPIRED;
        }
        return status;
    }

    /** A challenge was shown: valid until {@code until}. */
    public void validated(Instant at, Instant until) {
        this.status = AcmeStatus.VALID;
        this.validatedAt = at;
        this.expiresAt = until;
    }

    public void invalid() {
        this.status = AcmeStatus.INVALID;
    }

    public void deactivate() {
        this.status = AcmeStatus.DEACTIVATED;
    }

    /** The identifier as an order names it: with the {@code *.} of a wildcard. */
    public String orderIdentifier() {
        return wildcard ? "*." + identifier : identifier;
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public Long getAccountId() { return accountId; }
    public String getIdentifier() { return identifier; }
    public boolean isWildcard() { return wildcard; }
    public AcmeStatus getStatus() { return status; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getValidatedAt() { return validatedAt; }
    public Instant getCreatedAt() { return createdAt; }
}
