package io.certgate.domain.product;

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

/** A product of an organization: the kind of device, its authentication mode and its certificate limits. */
@Entity
@Table(name = "CG_PRODUCT") // schema: ejb META-INF/sql
@NamedQuery(name = Product.BY_ORG_AND_KEY,
        query = "SELECT p FROM Product p WHERE p.orgId = :orgId AND p.productKey = :productKey")
public class Product {

    public static final String BY_ORG_AND_KEY = "Product.byOrgAndKey";
    public static final int DEFAULT_VALID_DAY = 730;
    public static final int DEFAULT_MAX_VALID_DAY = 1095;
    public static final int VALID_DAY_LIMIT = 3650;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @Column(name = "PRODUCT_KEY", nullable = false, length = 64)
    private String productKey;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    @Column(name = "DESCRIPTION", length = 1000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "PRODUCT_TYPE", nullable = false, length = 16)
    private ProductType productType;

    @Column(name = "DATA_FORMAT", length = 32)
    private String dataFormat;

    @Column(name = "BI_DIRECTIONAL_AUTH", nullable = false)
    private boolean biDirectionalAuth;

    @Column(name = "DEFAULT_VALID_DAY", nullable = false)
    private int defaultValidDay;

    @Column(name = "MAX_VALID_DAY", nullable = false)
    private int maxValidDay;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    /** Devices enrolling themselves (EST, SCEP) wait for an operator's approval. */
    @Column(name = "ENROLLMENT_APPROVAL", nullable = false)
    private boolean enrollmentApproval;

    protected Product() {
    }

    public Product(String orgId, String productKey, String name, String description, ProductType productType,
                   String dataFormat, boolean biDirectionalAuth, int defaultValidDay, int maxValidDay, Instant createdAt) {
        this.orgId = orgId;
        this.productKey = productKey;
        this.name = name;
        this.description = description;
        this.productType = productType;
        this.dataFormat = dataFormat;
        this.biDirectionalAuth = biDirectionalAuth;
        this.defaultValidDay = defaultValidDay;
        this.maxValidDay = maxValidDay;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public String getProductKey() { return productKey; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public ProductType getProductType() { return productType; }
    public String getDataFormat() { return dataFormat; }
    public boolean isBiDirectionalAuth() { return biDirectionalAuth; }
    public int getDefaultValidDay() { return defaultValidDay; }
    public int getMaxValidDay() { return maxValidDay; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isEnrollmentApproval() { return enrollmentApproval; }

    public void requireEnrollmentApproval(boolean required) {
        this.enrollmentApproval = required;
    }
}
