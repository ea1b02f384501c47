package io.certgate.domain.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A domain of an organization and whether its control was validated (by a DCV check or an operator). */
@Entity
@Table(name = "CG_DOMAIN")
@NamedQuery(name = OrgDomain.BY_ORG, query = "SELECT d FROM OrgDomain d WHERE d.orgId = :orgId ORDER BY d.name")
@NamedQuery(name = OrgDomain.BY_ORG_AND_NAME, query = "SELECT d FROM OrgDomain d WHERE d.orgId = :orgId "
        + "AND d.name = :name")
public class OrgDomain {

    public static final String BY_ORG = "OrgDomain.byOrg";
    public static final String BY_ORG_AND_NAME = "OrgDomain.byOrgAndName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Column(name = "NAME", nullable = false, length = 253)
    private String name;

    /** How control was shown: http-token, dns-txt-token, or operator. */
    @Column(name = "VALIDATED_BY", length = 128)
    private String validatedBy;

    @Column(name = "VALIDATED_AT")
    private Instant validatedAt;

    /** The DCV method and random value of a domain validated on its own (not through an order). */
    @Column(name = "DCV_METHOD", length = 32)
    private String dcvMethod;

    @Column(name = "DCV_TOKEN", length = 64)
    private String dcvToken;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected OrgDomain() {
    }

    public OrgDomain(String orgId, String name, Instant createdAt) {
        this.orgId = orgId;
        this.name = name;
        this.createdAt = createdAt;
    }

    public void validated(String by, Instant at) {
        this.validatedBy = by;
        this.validatedAt = at;
    }

    public void dcv(String method, String token) {
        this.dcvMethod = method;
        this.dcvToken = token;
    }

    public boolean isValidated() {
        return validatedAt != null;
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public String getName() { return name; }
    public String getValidatedBy() { return validatedBy; }
    public Instant getValidatedAt() { return validatedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public String getDcvMethod() { return dcvMethod; }
    public String getDcvToken() { return dcvToken; }
}
