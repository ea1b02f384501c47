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
 * A device's request for its own certificate over EST or SCEP. It is kept so that a client repeating or
 * polling the same request (same device, protocol and transaction) gets its state; when the product asks
 * for approval it waits here for an operator.
 */
@Entity
@Table(name = "CG_SELF_ENROLLMENT")
@NamedQuery(name = SelfEnrollment.BY_TRANSACTION, query = "SELECT e FROM SelfEnrollment e WHERE e.deviceId = :deviceId "
        + "AND e.protocol = :protocol AND e.transactionId = :transactionId")
@NamedQuery(name = SelfEnrollment.BY_PROTOCOL_TRANSACTION, query = "SELECT e FROM SelfEnrollment e "
        + "WHERE e.protocol = :protocol AND e.transactionId = :transactionId ORDER BY e.id")
@NamedQuery(name = SelfEnrollment.BY_ORG_AND_STATUS, query = "SELECT e FROM SelfEnrollment e WHERE e.orgId = :orgId "
        + "AND e.status = :status ORDER BY e.id")
public class SelfEnrollment {

    public static final String BY_TRANSACTION = "SelfEnrollment.byTransaction";
    public static final String BY_PROTOCOL_TRANSACTION = "SelfEnrollment.byProtocolTransaction";
    public static final String BY_ORG_AND_STATUS = "SelfEnrollment.byOrgAndStatus";

    public enum Status { PENDING, ISSUED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Column(name = "DEVICE_ID", nullable = false)
    private Long deviceId;

    /** est or scep. */
    @Column(name = "PROTOCOL", nullable = false, length = 8)
    private String protocol;

    /** SCEP's transactionID; for EST, the SHA-256 of the requested public key. */
    @Column(name = "TRANSACTION_ID", nullable = false, length = 128)
    private String transactionId;

    @Column(name = "PUBLIC_KEY_SHA256", nullable = false, length = 64)
    private String publicKeySha256;

    @Column(name = "CSR_PEM", nullable = false, length = 16384)
    private String csrPem;

    /** The one-time secret spent on this request, so that the client's repeats of it still authenticate. */
    @Column(name = "SECRET_SHA256", length = 64)
    private String secretSha256;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private Status status;

    @Column(name = "REQUESTED_AT", nullable = false)
    private Instant requestedAt;

    @Column(name = "DECIDED_BY", length = 128)
    private String decidedBy;

    @Column(name = "DECIDED_AT")
    private Instant decidedAt;

    /** The deciding operator's comment, if it gave one. */
    @Column(name = "DECISION_COMMENT", length = 200)
    private String decisionComment;

    @Column(name = "CERT_SN")
    private Long certSn;

    protected SelfEnrollment() {
    }

    public SelfEnrollment(String orgId, long deviceId, String protocol, String transactionId, String publicKeySha256,
                          String csrPem, String secretSha256, Instant requestedAt) {
        this.orgId = orgId;
        this.deviceId = deviceId;
        this.protocol = protocol;
        this.transactionId = transactionId;
        this.publicKeySha256 = publicKeySha256;
        this.csrPem = csrPem;
        this.secretSha256 = secretSha256;
        this.status = Status.PENDING;
        this.requestedAt = requestedAt;
    }

    /** The certificate was issued for this request (at once, or once approved). */
    public void issued(long certificate, String by, Instant at) {
        requirePending();
        this.status = Status.ISSUED;
        this.certSn = certificate;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public void reject(String by, Instant at) {
        requirePending();
        this.status = Status.REJECTED;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    /** The comment an operator gave with its decision (null: none). */
    public void commented(String comment) {
        this.decisionComment = comment;
    }

    public String getDecisionComment() { return decisionComment; }

    /**
     * Frees the transaction for a new request (its answer was given, or its certificate is gone); the row stays
     * as the record of what was asked and decided.
     */
    public void retire() {
        this.transactionId = transactionId.length() > 100 ? transactionId.substring(0, 100) : transactionId;
        this.transactionId = this.transactionId + "#retired-" + id;
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new IllegalStateException("self-enrollment " + id + " is already " + status);
        }
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public Long getDeviceId() { return deviceId; }
    public String getProtocol() { return protocol; }
    public String getTransactionId() { return transactionId; }
    public String getPublicKeySha256() { return publicKeySha256; }
    public String getCsrPem() { return csrPem; }
    public String getSecretSha256() { return secretSha256; }
    public Status getStatus() { return status; }
    public Instant getRequestedAt() { return requestedAt; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public Long getCertSn() { return certSn; }
}
