package io.certgate.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Symantec CertManager RA account of an organization, identified by the SHA-256 of its TLS client
 * certificate, with the account options the contract mentions (approval, specific end dates) and the approver
 * role (separation of duties: an approver decides other accounts' requests). The client certificate is an
 * ordinary certificate of the ledger ({@code clientCertSn}; null for an account made before schema 7 until it
 * next authenticates). A disabled account authenticates no more; its row stays for the audit trail.
 */
@Entity
@Table(name = "CG_RA_ACCOUNT")
@NamedQuery(name = RaAccount.BY_CLIENT_CERT, query = "SELECT a FROM RaAccount a WHERE a.clientCertSha256 = :sha256")
@NamedQuery(name = RaAccount.BY_NAME, query = "SELECT a FROM RaAccount a WHERE a.name = :name")
@NamedQuery(name = RaAccount.BY_ORG, query = "SELECT a FROM RaAccount a WHERE a.orgId = :orgId ORDER BY a.name")
public class RaAccount {

    public static final String BY_CLIENT_CERT = "RaAccount.byClientCert";
    public static final String BY_NAME = "RaAccount.byName";
    public static final String BY_ORG = "RaAccount.byOrg";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Column(name = "NAME", nullable = false, length = 64)
    private String name;

    @Column(name = "REQUIRE_APPROVAL", nullable = false)
    private boolean requireApproval;

    @Column(name = "ALLOW_SPECIFIC_END_DATE", nullable = false)
    private boolean allowSpecificEndDate;

    /** May approve and reject other accounts' requests of its organization (never its own). */
    @Column(name = "APPROVER", nullable = false)
    private boolean approver;

    @Column(name = "CLIENT_CERT_SHA256", nullable = false, length = 64)
    private String clientCertSha256;

    /** The client certificate's certSn in the ledger. */
    @Column(name = "CLIENT_CERT_SN")
    private Long clientCertSn;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected RaAccount() {
    }

    public RaAccount(String orgId, String name, boolean requireApproval, boolean allowSpecificEndDate,
                     boolean approver, String clientCertSha256, Long clientCertSn, Instant createdAt) {
        this.clientCertSn = clientCertSn;
        this.enabled = true;
        this.approver = approver;
        this.orgId = orgId;
        this.name = name;
        this.requireApproval = requireApproval;
        this.allowSpecificEndDate = allowSpecificEndDate;
        this.clientCertSha256 = clientCertSha256;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public String getName() { return name; }
    public boolean isRequireApproval() { return requireApproval; }
    public boolean isAllowSpecificEndDate() { return allowSpecificEndDate; }
    public boolean isApprover() { return approver; }
    public String getClientCertSha256() { return clientCertSha256; }
    public Long getClientCertSn() { return clientCertSn; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }

    /** Learns the ledger's certSn of the certificate this account was found by (accounts older than schema 7). */
    public void recordClientCertificate(long certSn) {
        if (clientCertSn == null) {
            this.clientCertSn = certSn;
        }
    }

    public void disable() {
        this.enabled = false;
    }
}
