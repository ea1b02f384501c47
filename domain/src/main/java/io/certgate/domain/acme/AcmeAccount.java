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
 * An ACME account of one organization's directory: its key (the JWK, and its RFC 7638 thumbprint, unique in the
 * organization), status (valid or deactivated), contact URLs and the external account binding key that made it.
 */
@Entity
@Table(name = "CG_ACME_ACCOUNT")
@NamedQuery(name = AcmeAccount.BY_ORG_AND_THUMBPRINT, query = "SELECT a FROM AcmeAccount a WHERE a.orgId = :orgId "
        + "AND a.keyThumbprint = :thumbprint")
@NamedQuery(name = AcmeAccount.BY_ORG, query = "SELECT a FROM AcmeAccount a WHERE a.orgId = :orgId ORDER BY a.id DESC")
public class AcmeAccount {

    public static final String BY_ORG_AND_THUMBPRINT = "AcmeAccount.byOrgAndThumbprint";
    public static final String BY_ORG = "AcmeAccount.byOrg";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Column(name = "KEY_THUMBPRINT", nullable = false, length = 64)
    private String keyThumbprint;

    @Column(name = "JWK", nullable = false, length = 2048)
    private String jwk;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private AcmeStatus status;

    /** The contact URLs, one a line. */
    @Column(name = "CONTACT", length = 1024)
    private String contact;

    @Column(name = "EAB_KEY_ID", length = 64)
    private String eabKeyId;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected AcmeAccount() {
    }

    public AcmeAccount(String orgId, String keyThumbprint, String jwk, String contact, String eabKeyId,
                       Instant createdAt) {
        this.orgId = orgId;
        this.keyThumbprint = keyThumbprint;
        this.jwk = jwk;
        this.status = AcmeStatus.VALID;
        this.contact = contact;
        this.eabKeyId = eabKeyId;
        this.createdAt = createdAt;
    }

    public void deactivate() {
        status = AcmeStatus.DEACTIVATED;
    }

    public void contact(String contactLines) {
        this.contact = contactLines;
    }

    /** A new key (RFC 8555 7.3.5 key change). */
    public void rekey(String thumbprint, String newJwk) {
        this.keyThumbprint = thumbprint;
        this.jwk = newJwk;
    }

    public boolean isValid() {
        return status == AcmeStatus.VALID;
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public String getKeyThumbprint() { return keyThumbprint; }
    public String getJwk() { return jwk; }
    public AcmeStatus getStatus() { return status; }
    public String getContact() { return contact; }
    public String getEabKeyId() { return eabKeyId; }
    public Instant getCreatedAt() { return createdAt; }
}
