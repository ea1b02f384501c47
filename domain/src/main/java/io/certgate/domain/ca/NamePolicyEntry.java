package io.certgate.domain.ca;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One name an organization's enterprise certificates may carry: a DNS suffix (the domain and its subdomains), an
 * e-mail domain, or an IP range in CIDR notation. The organization's policy is the set of its entries.
 */
@Entity
@Table(name = "CG_NAME_POLICY")
public class NamePolicyEntry {

    public enum Kind { DNS, EMAIL, IP }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 8)
    private Kind kind;

    @Column(name = "NAME_VALUE", nullable = false, length = 253)
    private String value;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected NamePolicyEntry() {
    }

    public NamePolicyEntry(String orgId, Kind kind, String value, Instant createdAt) {
        this.orgId = orgId;
        this.kind = kind;
        this.value = value;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public Kind getKind() { return kind; }
    public String getValue() { return value; }
    public Instant getCreatedAt() { return createdAt; }
}
