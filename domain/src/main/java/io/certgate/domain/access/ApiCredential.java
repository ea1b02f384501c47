package io.certgate.domain.access;

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
 * An API credential of an organization. {@code secret} is never the clear secret: for EnOS app secrets it is
 * AES-GCM ciphertext (the request signature needs the secret), for DigiCert keys a salted hash.
 */
@Entity
@Table(name = "CG_API_CREDENTIAL")
@NamedQuery(name = ApiCredential.BY_KIND_AND_KEY,
        query = "SELECT c FROM ApiCredential c WHERE c.kind = :kind AND c.keyId = :keyId")
@NamedQuery(name = ApiCredential.BY_ORG,
        query = "SELECT c FROM ApiCredential c WHERE c.orgId = :orgId ORDER BY c.kind, c.createdAt, c.id")
public class ApiCredential {

    public static final String BY_KIND_AND_KEY = "ApiCredential.byKindAndKey";
    public static final String BY_ORG = "ApiCredential.byOrg";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 16)
    private CredentialKind kind;

    /** The public part: the EnOS appKey, or the first characters of a DigiCert key (to find its hash). */
    @Column(name = "KEY_ID", nullable = false, length = 64)
    private String keyId;

    @Column(name = "SECRET", nullable = false, length = 512)
    private String secret;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "CREATED_BY", nullable = false, length = 64)
    private String createdBy;

    /** A DigiCert key's role (admin, manager, user); null: admin (what keys made before roles could do). */
    @Column(name = "ROLE_NAME", length = 16)
    private String role;

    /** The user behind a DigiCert key (a rotated key's successor keeps it); null: the key is its own user. */
    @Column(name = "USER_NAME", length = 128)
    private String userName;

    protected ApiCredential() {
    }

    public ApiCredential(String orgId, CredentialKind kind, String keyId, String secret, String createdBy,
                         Instant createdAt) {
        this.orgId = orgId;
        this.kind = kind;
        this.keyId = keyId;
        this.secret = secret;
        this.enabled = true;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public CredentialKind getKind() { return kind; }
    public String getKeyId() { return keyId; }
    public String getSecret() { return secret; }
    public boolean isEnabled() { return enabled; }

    /** A disabled credential authenticates no more (its record stays, for the audit trail). */
    public void disable() {
        this.enabled = false;
    }

    /** A new secret (as stored: encrypted or hashed) in place of the old one, which then verifies nothing. */
    public void replaceSecret(String secret) {
        this.secret = secret;
    }
    /** Role and user of a DigiCert key (a rotation passes both on to the new key). */
    public void actsAs(String role, String userName) {
        this.role = role;
        this.userName = userName;
    }

    public String getRole() { return role; }
    public String getUserName() { return userName; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
