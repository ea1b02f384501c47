package io.certgate.domain.binding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time secret with which one device enrolls itself once (a SCEP challenge password, EST Basic password).
 * Only its SHA-256 is kept: the operator sees the secret once, when it is made.
 */
@Entity
@Table(name = "CG_ENROLLMENT_SECRET")
@NamedQuery(name = EnrollmentSecret.BY_HASH, query = "SELECT s FROM EnrollmentSecret s WHERE s.secretSha256 = :hash")
public class EnrollmentSecret {

    public static final String BY_HASH = "EnrollmentSecret.byHash";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Column(name = "DEVICE_ID", nullable = false)
    private Long deviceId;

    @Column(name = "SECRET_SHA256", nullable = false, length = 64)
    private String secretSha256;

    @Column(name = "CREATED_BY", nullable = false, length = 128)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "USED_AT")
    private Instant usedAt;

    protected EnrollmentSecret() {
    }

    public EnrollmentSecret(String orgId, long deviceId, String secretSha256, String createdBy, Instant createdAt,
                            Instant expiresAt) {
        this.orgId = orgId;
        this.deviceId = deviceId;
        this.secretSha256 = secretSha256;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether the secret can still open an enrollment of this device. */
    public boolean usableFor(long device, Instant now) {
        return usedAt == null && deviceId == device && now.isBefore(expiresAt);
    }

    /** Spends the secret; a second use is refused by {@link #usableFor}. */
    public void use(Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("enrollment secret " + id + " was used at " + usedAt);
        }
        usedAt = now;
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public Long getDeviceId() { return deviceId; }
    public String getSecretSha256() { return secretSha256; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getUsedAt() { return usedAt; }
}
