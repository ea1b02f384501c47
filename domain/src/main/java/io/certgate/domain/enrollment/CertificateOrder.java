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
 * A DigiCert CertCentral order of an organization: a product, what its certificate names, the plan's end
 * (order validity: every certificate of the order, reissues included, ends by then) and the certificate it
 * holds now (a reissue replaces it; duplicates sit beside it, in their requests).
 */
@Entity
@Table(name = "CG_ORDER")
@NamedQuery(name = CertificateOrder.BY_ORG, query = "SELECT o FROM CertificateOrder o WHERE o.orgId = :orgId "
        + "ORDER BY o.id DESC")
public class CertificateOrder {

    public static final String BY_ORG = "CertificateOrder.byOrg";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Column(name = "PRODUCT", nullable = false, length = 32)
    private String product;

    /** What its certificate says (the common name first among the DNS names, for TLS products). */
    @Embedded
    private CertificateContent content;

    @Column(name = "ORGANIZATION_UNITS", length = 1000)
    private String organizationUnits;

    @Column(name = "SERVER_PLATFORM_ID")
    private Integer serverPlatformId;

    @Column(name = "PROFILE_OPTION", length = 64)
    private String profileOption;

    @Column(name = "CS_PROVISIONING_METHOD", length = 32)
    private String csProvisioningMethod;

    @Column(name = "DCV_METHOD", length = 32)
    private String dcvMethod;

    /** DigiCert's dcv_random_value: the token the organization publishes for http-token or dns-txt-token. */
    @Column(name = "DCV_RANDOM_VALUE", length = 64)
    private String dcvRandomValue;

    @Column(name = "PLAN_END", nullable = false)
    private Instant planEnd;

    /** The order_validity as asked: e.g. {@code years=1}, {@code days=200}, {@code custom=2027-06-09}. */
    @Column(name = "ORDER_VALIDITY", nullable = false, length = 32)
    private String orderValidity;

    @Column(name = "STATUS", nullable = false, length = 16)
    private String status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "CERT_SN")
    private IssuedCertificate certificate;

    @Column(name = "RENEWAL_OF_ORDER_ID")
    private Long renewalOfOrderId;

    @Column(name = "RENEWED_ORDER_ID")
    private Long renewedOrderId;

    @Column(name = "DISABLE_RENEWAL_NOTIFICATIONS", nullable = false)
    private boolean disableRenewalNotifications;

    @Column(name = "PAYMENT_METHOD", length = 32)
    private String paymentMethod;

    @Column(name = "COMMENTS", length = 1000)
    private String comments;

    @Column(name = "CREATED_BY", nullable = false, length = 128)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    /** When the status last changed (null for orders older than the column: their creation). */
    @Column(name = "STATUS_CHANGED_AT")
    private Instant statusChangedAt;

    protected CertificateOrder() {
    }

    public CertificateOrder(String orgId, String product, CertificateContent content, String organizationUnits,
                            Integer serverPlatformId, String profileOption, String csProvisioningMethod, String dcvMethod, String dcvRandomValue,
                            Instant planEnd, String orderValidity, Long renewalOfOrderId,
                            boolean disableRenewalNotifications, String paymentMethod, String comments,
                            String createdBy, Instant createdAt) {
        this.orgId = orgId;
        this.product = product;
        this.content = content;
        this.organizationUnits = organizationUnits;
        this.serverPlatformId = serverPlatformId;
        this.profileOption = profileOption;
        this.csProvisioningMethod = csProvisioningMethod;
        this.dcvMethod = dcvMethod;
        this.dcvRandomValue = dcvRandomValue;
        this.planEnd = planEnd;
        this.orderValidity = orderValidity;
        this.status = "pending";
        this.renewalOfOrderId = renewalOfOrderId;
        this.disableRenewalNotifications = disableRenewalNotifications;
        this.paymentMethod = paymentMethod;
        this.comments = comments;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.statusChangedAt = createdAt;
    }

    private void status(String next) {
        if (!next.equals(status)) {
            this.status = next;
            this.statusChangedAt = Instant.now();
        }
    }

    /** The order's certificate is now this one (first issue or reissue); what it names follows the request. */
    public void holds(IssuedCertificate cert, CertificateContent issued) {
        this.certificate = cert;
        this.content = issued;
        status("issued");
    }

    /** The server platform the organization names on a reissue (recorded, no effect on the certificate). */
    public void platform(Integer id) {
        this.serverPlatformId = id;
    }

    public void rejected() {
        if (certificate == null) {
            status("rejected");
        }
    }

    public void revoked() {
        status("revoked");
    }

    /** A pending order that was never issued is canceled (an issued one keeps its status). */
    public void canceled() {
        if (certificate == null) {
            status("canceled");
        }
    }

    /** Something about the order changed that a status sync should see (a reissue waits or ends). */
    public void touched() {
        this.statusChangedAt = Instant.now();
    }

    public void renewedBy(long orderId) {
        this.renewedOrderId = orderId;
    }

    public void dcv(String method, String randomValue) {
        this.dcvMethod = method;
        this.dcvRandomValue = randomValue;
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public String getProduct() { return product; }
    public CertificateContent getContent() { return content; }
    public String getOrganizationUnits() { return organizationUnits; }
    public Integer getServerPlatformId() { return serverPlatformId; }
    public String getProfileOption() { return profileOption; }
    public String getCsProvisioningMethod() { return csProvisioningMethod; }
    public String getDcvMethod() { return dcvMethod; }
    public String getDcvRandomValue() { return dcvRandomValue; }
    public Instant getPlanEnd() { return planEnd; }
    public String getOrderValidity() { return orderValidity; }
    public String getStatus() { return status; }
    public IssuedCertificate getCertificate() { return certificate; }
    public Long getRenewalOfOrderId() { return renewalOfOrderId; }
    public Long getRenewedOrderId() { return renewedOrderId; }
    public boolean isDisableRenewalNotifications() { return disableRenewalNotifications; }
    public String getPaymentMethod() { return paymentMethod; }
    public String getComments() { return comments; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStatusChangedAt() { return statusChangedAt == null ? createdAt : statusChangedAt; }
}
