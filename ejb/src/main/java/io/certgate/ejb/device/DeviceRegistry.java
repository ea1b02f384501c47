package io.certgate.ejb.device;

import io.certgate.domain.access.Caller;
import io.certgate.domain.device.Device;
import io.certgate.domain.device.DeviceIdentifier;
import io.certgate.domain.product.Product;
import io.certgate.ejb.common.Checks;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.Page;
import io.certgate.ejb.common.PageRequest;
import io.certgate.ejb.common.RandomIds;
import io.certgate.ejb.product.ProductCatalog;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Devices of an organization, found by assetId or productKey + deviceKey. */
@Stateless
public class DeviceRegistry {

    private static final Pattern TIMEZONE = Pattern.compile("[+-](0\\d|1[0-4]):[0-5]\\d");

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private ProductCatalog products;

    @jakarta.ejb.EJB
    private io.certgate.ejb.access.AuditTrail audit;

    public Device create(Caller caller, DeviceDraft draft) {
        String orgId = Caller.require(caller).requireOrganization();
        Product product = products.get(caller, draft.productKey());
        String deviceKey = draft.deviceKey() == null || draft.deviceKey().isBlank()
                ? RandomIds.alphanumeric(10) : Checks.identifier("deviceKey", draft.deviceKey());
        String name = Checks.text("deviceName", draft.name(), 200, true);
        String description = Checks.text("deviceDesc", draft.description(), 1000, false);
        String timezone = draft.timezone() == null ? "+00:00" : draft.timezone();
        if (!TIMEZONE.matcher(timezone).matches()) {
            throw new InvalidArgumentException("invalid argument: timezone must look like +08:00");
        }
        if (!em.createNamedQuery(Device.BY_ORG_PRODUCT_AND_KEY, Device.class).setParameter("orgId", orgId)
                .setParameter("productKey", product.getProductKey()).setParameter("deviceKey", deviceKey)
                .getResultList().isEmpty()) {
            throw new DuplicateDeviceKeyException(deviceKey);
        }
        Device d = new Device(product, deviceKey, RandomIds.alphanumeric(10), name, description, timezone,
                RandomIds.alphanumeric(20), Instant.now());
        em.persist(d);
        try {
            em.flush(); // a concurrent create of the same key hits the unique constraint here
        } catch (PersistenceException e) {
            throw new DuplicateDeviceKeyException(deviceKey);
        }
        audit.record(caller, "device.create", "assetId=" + d.getAssetId(), "created (productKey "
                + product.getProductKey() + ", deviceKey " + deviceKey + ")");
        return d;
    }

    /**
     * The organization's devices, newest first, one page of them; with a productKey only that product's (an unknown
     * product is {@link io.certgate.ejb.product.UnknownProductException}).
     */
    public Page<Device> list(Caller caller, String productKey, PageRequest page) {
        String orgId = Caller.require(caller).requireOrganization();
        String where = " FROM Device d WHERE d.orgId = :orgId";
        String key = null;
        if (productKey != null && !productKey.isBlank()) {
            key = products.get(caller, productKey.trim()).getProductKey();
            where += " AND d.product.productKey = :productKey";
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(d)" + where, Long.class).setParameter("orgId", orgId);
        TypedQuery<Device> select = em.createQuery("SELECT d" + where + " ORDER BY d.createdAt DESC, d.id DESC",
                Device.class).setParameter("orgId", orgId);
        if (key != null) {
            count.setParameter("productKey", key);
            select.setParameter("productKey", key);
        }
        return new Page<>(count.getSingleResult(), page,
                select.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList());
    }

    /**
     * Finds a device of the caller's organization; {@link UnknownDeviceException} when there is none. A request
     * that names it both ways must name one device: an assetId with the productKey + deviceKey of another is
     * refused ({@link ConflictingDeviceIdentifierException}).
     */
    public Device find(Caller caller, DeviceIdentifier id) {
        if (id == null || !id.isComplete()) {
            throw new InvalidDeviceIdentifierException();
        }
        String orgId = Caller.require(caller).requireOrganization();
        Device device = id.byAssetId()
                ? one(em.createNamedQuery(Device.BY_ORG_AND_ASSET, Device.class).setParameter("orgId", orgId)
                        .setParameter("assetId", id.assetId()).getResultList())
                : byKeys(orgId, id.productKey(), id.deviceKey());
        if (id.byAssetId() && (id.productKey() != null || id.deviceKey() != null)
                && !(device.getProduct().getProductKey().equals(id.productKey())
                        && device.getDeviceKey().equals(id.deviceKey()))) {
            throw new ConflictingDeviceIdentifierException();
        }
        return device;
    }

    /**
     * The device that proves itself with its secret (the one device creation answered once): by assetId, or by
     * productKey + deviceKey. Null when the device is unknown or the secret is wrong (compared in constant
     * time): the caller refuses both alike.
     */
    public Device authenticate(DeviceIdentifier id, String secret) {
        Device d = identify(id);
        if (d == null || secret == null) {
            return null;
        }
        boolean match = java.security.MessageDigest.isEqual(
                d.getDeviceSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return match ? d : null;
    }

    /**
     * The device a device names itself by (assetId, or productKey and deviceKey), in whatever organization, or
     * null: only for a device about to prove who it is (its secret, a one-time enrollment secret).
     */
    public Device identify(DeviceIdentifier id) {
        if (id == null || !id.isComplete()) {
            return null;
        }
        List<Device> found = id.byAssetId()
                ? em.createQuery("SELECT d FROM Device d WHERE d.assetId = :assetId", Device.class)
                        .setParameter("assetId", id.assetId()).getResultList()
                : em.createQuery("SELECT d FROM Device d WHERE d.product.productKey = :productKey "
                        + "AND d.deviceKey = :deviceKey", Device.class).setParameter("productKey", id.productKey())
                        .setParameter("deviceKey", id.deviceKey()).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** A device by its id, for a caller of its organization. */
    public Device byId(Caller caller, long id) {
        String orgId = Caller.require(caller).requireOrganization();
        Device d = em.find(Device.class, id);
        if (d == null || !d.getOrgId().equals(orgId)) {
            throw new UnknownDeviceException();
        }
        return d;
    }

    /**
     * The assetIds of the caller's organization's devices among {@code ids}, by id (for listing certificates with
     * their devices); ids of no device of the organization are absent.
     */
    public Map<Long, String> assetIds(Caller caller, Collection<Long> ids) {
        String orgId = Caller.require(caller).requireOrganization();
        Map<Long, String> found = new HashMap<>();
        if (ids == null || ids.isEmpty()) {
            return found;
        }
        for (Object[] row : em.createQuery("SELECT d.id, d.assetId FROM Device d WHERE d.orgId = :orgId AND d.id IN :ids",
                Object[].class).setParameter("orgId", orgId).setParameter("ids", new HashSet<>(ids)).getResultList()) {
            found.put((Long) row[0], (String) row[1]);
        }
        return found;
    }

    private Device byKeys(String orgId, String productKey, String deviceKey) {
        return one(em.createNamedQuery(Device.BY_ORG_PRODUCT_AND_KEY, Device.class).setParameter("orgId", orgId)
                .setParameter("productKey", productKey).setParameter("deviceKey", deviceKey).getResultList());
    }

    private static Device one(List<Device> found) {
        if (found.isEmpty()) {
            throw new UnknownDeviceException();
        }
        return found.get(0);
    }
}
