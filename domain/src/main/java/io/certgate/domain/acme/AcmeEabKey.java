package io.certgate.domain.acme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An external account binding key (RFC 8555 7.3.4) an operator made for an organization: a key id and an HMAC key
 * (sealed by the secrets key), which binds one ACME account to the organization, once.
 */
@Entity
@Table(name = "CG_ACME_EAB_KEY")
@NamedQuery(name = AcmeEabKey.BY_KEY_ID, query = "SELECT k FROM AcmeEabKey k WHERE k.keyId = :keyId")
@NamedQuery(name = AcmeEabKey.BY_ORG, query = "SELECT k FROM AcmeEabKey k WHERE k.orgId = :orgId ORDER BY k.id DESC")
public class AcmeEabKey {

    public static final String BY_KEY_ID = "AcmeEabKey.byKeyId";
    public static final String BY_ORG = "AcmeEabKey.byOrg";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Column(name = "KEY_ID", nullable = false, length = 64)
    private String keyId;

    /** The HMAC key, sealed (never shown again after its creation). */
    @Column(name = "HMAC_KEY", nullable = false, length = 512)
    private String sealedHmacKey;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "CREATED_BY", nullable = false, length = 128)
    private String createdBy;

    @Column(name = "ACCOUNT_ID")
    private Long accountId;

    @Column(name = "USED_AT")
    private Instant usedAt;

    protected AcmeEabKey() {
    }

    public AcmeEabKey(String orgId, String keyId, String sealedHmacKey, Instant createdAt, String createdBy) {
        this.orgId = orgId;
        this.keyId = keyId;
        this.sealedHmacKey = sealedHmacKey;
        this.enabled = true;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** Whether it can still bind an account: enabled and not used. */
    public boolean isUsable() {
        return enabled && accountId == null;
    }

    public void bound(long account, Instant at) {
        this.accountId = account;
        this.usedAt = at;
    }

    public void disable() {
        this.enabled = false;
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public String getKeyId() { return keyId; }
    public String getSealedHmacKey() { return sealedHmacKey; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Long getAccountId() { return accountId; }
    public Instant getUsedAt() { return usedAt; }
}
