package io.certgate.domain.enrollment;

import io.certgate.domain.ca.IssuedCertificate;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A request on a DigiCert order (new_request, reissue or duplicate) and what it asks to issue: CSR, names,
 * hash, CA, validity. It waits for an approver (unless skip_approval) and for domain control; once approved
 * and validated it is issued and holds its certificate.
 */
@Entity
@Table(name = "CG_ORDER_REQUEST")
@NamedQuery(name = OrderRequest.BY_ORDER, query = "SELECT r FROM OrderRequest r WHERE r.order = :order ORDER BY r.id")
@NamedQuery(name = OrderRequest.BY_ORG_AND_STATUS, query = "SELECT r FROM OrderRequest r WHERE r.orgId = :orgId "
        + "AND r.status = :status ORDER BY r.id")
@NamedQuery(name = OrderRequest.BY_ORG, query = "SELECT r FROM OrderRequest r WHERE r.orgId = :orgId ORDER BY r.id")
public class OrderRequest {

    public static final String BY_ORDER = "OrderRequest.byOrder";
    public static final String BY_ORG_AND_STATUS = "OrderRequest.byOrgAndStatus";
    public static final String BY_ORG = "OrderRequest.byOrg";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ORDER_ID", nullable = false)
    private CertificateOrder order;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    /** new_request, reissue or duplicate. */
    @Column(name = "REQUEST_TYPE", nullable = false, length = 16)
    private String type;

    /** pending, approved, rejected or canceled. */
    @Column(name = "STATUS", nullable = false, length = 16)
    private String status;

    @Column(name = "CSR_PEM", nullable = false, length = 16384)
    private String csrPem;

    /** What the certificate it asks for says. */
    @Embedded
    private CertificateContent content;

    @Column(name = "RSASSA_PSS", nullable = false)
    private boolean rsassaPss;

    /** The certificate's end as asked (or null: as long as the rules allow). */
    @Column(name = "VALID_UNTIL")
    private Instant validUntil;

    @Column(name = "REQUESTED_BY", nullable = false, length = 128)
    private String requestedBy;

    @Column(name = "COMMENTS", length = 1000)
    private String comments;

    @Column(name = "PROCESSOR_COMMENT", length = 1000)
    private String processorComment;

    @Column(name = "DECIDED_BY", length = 128)
    private String decidedBy;

    @Column(name = "DECIDED_AT")
    private Instant decidedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "CERT_SN")
    private IssuedCertificate certificate;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    /** A revoke request's reason (RevocationReason's name); its certificate is the one it revokes (none: the order's). */
    @Column(name = "REVOCATION_REASON", length = 32)
    private String revocationReason;

    protected OrderRequest() {
    }

    public OrderRequest(CertificateOrder order, String type, String csrPem, CertificateContent content,
                        boolean rsassaPss, Instant validUntil, String requestedBy, String comments, Instant createdAt) {
        this.order = order;
        this.orgId = order.getOrgId();
        this.type = type;
        this.status = "pending";
        this.csrPem = csrPem;
        this.content = content;
        this.rsassaPss = rsassaPss;
        this.validUntil = validUntil;
        this.requestedBy = requestedBy;
        this.comments = comments;
        this.createdAt = createdAt;
    }

    public void approved(String by, String comment, Instant at) {
        this.status = "approved";
        this.decidedBy = by;
        this.processorComment = comment;
        this.decidedAt = at;
    }

    public void rejected(String by, String comment, Instant at) {
        this.status = "rejected";
        this.decidedBy = by;
        this.processorComment = comment;
        this.decidedAt = at;
    }

    public void canceled(String by, String note, Instant at) {
        this.status = "canceled";
        this.decidedBy = by;
        this.processorComment = note;
        this.decidedAt = at;
    }

    /** A revoke request: of this certificate (null: every certificate of the order), for this reason. */
    public void revokes(IssuedCertificate cert, String reason) {
        this.certificate = cert;
        this.revocationReason = reason;
    }

    public void issued(IssuedCertificate cert) {
        this.certificate = cert;
    }

    public boolean isPending() {
        return "pending".equals(status);
    }

    public Long getId() { return id; }
    public CertificateOrder getOrder() { return order; }
    public String getOrgId() { return orgId; }
    public String getType() { return type; }
    public String getStatus() { return status; }
    public String getCsrPem() { return csrPem; }
    public CertificateContent getContent() { return content; }
    public boolean isRsassaPss() { return rsassaPss; }
    public Instant getValidUntil() { return validUntil; }
    public String getRequestedBy() { return requestedBy; }
    public String getComments() { return comments; }
    public String getProcessorComment() { return processorComment; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public IssuedCertificate getCertificate() { return certificate; }
    public Instant getCreatedAt() { return createdAt; }
    public String getRevocationReason() { return revocationReason; }
}
