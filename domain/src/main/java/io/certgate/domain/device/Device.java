package io.certgate.domain.device;

import io.certgate.domain.product.Product;
import jakarta.persistence.Column;
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
 * A device of a product. The pair (product, deviceKey) and the assetId are each unique. The lookups read the product
 * in the same statement (every caller of them needs it: one statement fewer on each EnOS request).
 */
@Entity
@Table(name = "CG_DEVICE") // schema: ejb META-INF/sql
@NamedQuery(name = Device.BY_ORG_AND_ASSET,
        query = "SELECT d FROM Device d JOIN FETCH d.product WHERE d.orgId = :orgId AND d.assetId = :assetId")
@NamedQuery(name = Device.BY_ORG_PRODUCT_AND_KEY,
        query = "SELECT d FROM Device d JOIN FETCH d.product p WHERE d.orgId = :orgId AND p.productKey = :productKey AND d.deviceKey = :deviceKey")
public class Device {

    public static final String BY_ORG_AND_ASSET = "Device.byOrgAndAsset";
    public static final String BY_ORG_PRODUCT_AND_KEY = "Device.byOrgProductAndKey";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ORG_ID", nullable = false, length = 64)
    private String orgId;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "PRODUCT_ID", nullable = false)
    private Product product;

    @Column(name = "DEVICE_KEY", nullable = false, length = 64)
    private String deviceKey;

    @Column(name = "ASSET_ID", nullable = false, length = 32)
    private String assetId;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    @Column(name = "DESCRIPTION", length = 1000)
    private String description;

    @Column(name = "TIMEZONE", length = 16)
    private String timezone;

    @Column(name = "DEVICE_SECRET", nullable = false, length = 64)
    private String deviceSecret;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected Device() {
    }

    public Device(Product product, String deviceKey, String assetId, String name, String description, String timezone,
                  String deviceSecret, Instant createdAt) {
        this.orgId = product.getOrgId();
        this.product = product;
        this.deviceKey = deviceKey;
        this.assetId = assetId;
        this.name = name;
        this.description = description;
        this.timezone = timezone;
        this.deviceSecret = deviceSecret;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getOrgId() { return orgId; }
    public Product getProduct() { return product; }
    public String getDeviceKey() { return deviceKey; }
    public String getAssetId() { return assetId; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public String getTimezone() { return timezone; }
    public String getDeviceSecret() { return deviceSecret; }
    public Instant getCreatedAt() { return createdAt; }
}
