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
import java.util.Arrays;
import java.util.List;

/**
 * An account's order (RFC 8555 7.1.3): the identifiers asked for, the authorizations that cover them (same order),
 * its stored status (pending, ready, processing, valid, invalid; the rules in the ACME module derive pending and
 * ready from the authorizations), the certificate issued for it (the ledger's certSn) and the one it replaces (ARI).
 */
@Entity
@Table(name = "CG_ACME_ORDER")
@NamedQuery(name = AcmeOrder.OF_ACCOUNT, query = "SELECT o FROM AcmeOrder o WHERE o.accountId = :account "
        + "ORDER BY o.id DESC")
@NamedQuery(name = AcmeOrder.BY_ORG_AND_CERT, query = "SELECT o FROM AcmeOrder o WHERE o.orgId = :orgId "
        + "AND o.certSn = :certSn")
@NamedQuery(name = AcmeOrder.BY_ORG, query = "SELECT o FROM AcmeOrder o WHERE o.orgId = :orgId ORDER BY o.id DESC")
@NamedQuery(name = AcmeOrder.REPLACING, query = "SELECT o FROM AcmeOrder o WHERE o.orgId = :orgId "
        + "AND o.replacesCertSn = :certSn AND o.certSn IS NOT NULL")
@NamedQuery(name = AcmeOrder.RECENT_OF_ACCOUNT, query = "SELECT o.createdAt FROM AcmeOrder o "
        + "WHERE o.accountId = :account AND o.createdAt > :since ORDER BY o.createdAt DESC")
@NamedQuery(name = AcmeOrder.COUNT_BY_ORG, query = "SELECT COUNT(o) FROM AcmeOrder o WHERE o.orgId = :orgId")
public class AcmeOrder {

    public static final String OF_ACCOUNT = "AcmeOrder.ofAccount";
    public static final String BY_ORG_AND_CERT = "AcmeOrder.byOrgAndCert";
    public static final String BY_ORG = "AcmeOrder.byOrg";
    /** The finalized orders of an organization that replaced a certificate (RFC 9773 5). */
    public static final String REPLACING = "AcmeOrder.replacing";
    /** When the account's orders since a time were made, newest first. */
    public static final String RECENT_OF_ACCOUNT = "AcmeOrder.recentOfAccount";
    public static final String COUNT_BY_ORG = "AcmeOrder.countByOrg";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private AcmeStatus status;

    @Column(name = "IDENTIFIERS", nullable = false, length = 13000)
    private String identifiers;

    @Column(name = "AUTHZ_IDS", nullable = false, length = 1100)
    private String authzIds;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "CERT_SN")
    private Long certSn;

    @Column(name = "REPLACES_CERT_SN")
    private Long replacesCertSn;

    @Column(name = "ERROR_DETAIL", length = 512)
    private String errorDetail;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected AcmeOrder() {
    }

    public AcmeOrder(String orgId, long accountId, List<String> identifiers, List<Long> authzIds, Instant expiresAt,
                     Long replacesCertSn, Instant createdAt) {
        this.orgId = orgId;
        this.accountId = accountId;
        this.status = AcmeStatus.PENDING;
        this.identifiers = String.join(",", identifiers);
        this.authzIds = String.join(",", authzIds.stream().map(String::valueOf).toList());
        this.expiresAt = expiresAt;
        this.replacesCertSn = replacesCertSn;
        this.createdAt = createdAt;
    }

    public List<String> identifiers() {
        return List.of(identifiers.split(","));
    }

    public List<Long> authorizationIds() {
        return Arrays.stream(authzIds.split(",")).map(Long::valueOf).toList();
    }

    public void status(AcmeStatus newStatus) {
        this.status = newStatus;
    }

    public void issued(long certificate) {
        this.certSn = certificate;
        this.status = AcmeStatus.VALID;
    }

    public void invalid(String detail) {
        this.status = AcmeStatus.INVALID;
        this.errorDetail = detail == null || detail.length() <= 512 ? detail : detail.substring(0, 512);
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public Long getAccountId() { return accountId; }
    public AcmeStatus getStatus() { return status; }
    public Instant getExpiresAt() { return expiresAt; }
    public Long getCertSn() { return certSn; }
    public Long getReplacesCertSn() { return replacesCertSn; }
    public String getErrorDetail() { return errorDetail; }
    public Instant getCreatedAt() { return createdAt; }
}
