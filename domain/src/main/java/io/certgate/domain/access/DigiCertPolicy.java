package io.certgate.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An organization's DigiCert approval setting: whether a second person must approve (then nobody decides a request
 * that the same user placed, with whichever of its keys). No row: not required.
 */
@Entity
@Table(name = "CG_DIGICERT_POLICY")
public class DigiCertPolicy {

    @Id
    @Column(name = "ORG_ID", length = 64)
    private String orgId;

    @Column(name = "SECOND_APPROVER", nullable = false)
    private boolean secondApprover;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected DigiCertPolicy() {
    }

    public DigiCertPolicy(String orgId, boolean secondApprover, Instant at) {
        this.orgId = orgId;
        this.secondApprover = secondApprover;
        this.updatedAt = at;
    }

    public void secondApprover(boolean required, Instant at) {
        this.secondApprover = required;
        this.updatedAt = at;
    }

    public String getOrgId() { return orgId; }
    public boolean isSecondApprover() { return secondApprover; }
    public Instant getUpdatedAt() { return updatedAt; }
}
