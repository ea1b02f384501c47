package io.certgate.ejb.device;

import io.certgate.domain.device.Device;
import io.certgate.domain.device.DeviceIdentifier;
import io.certgate.domain.product.Product;
import io.certgate.ejb.common.Checks;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.RandomIds;
import io.certgate.ejb.product.ProductCatalog;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Devices of an organization, found by assetId or productKey + deviceKey. */
@Stateless
public class DeviceRegistry {

    private static final Pattern TIMEZONE = Pattern.compile("[+-](0\\d|1[0-4]):[0-5]\\d");

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @EJB
    private ProductCatalog products;

    @jakarta.inject.Inject
    private io.certgate.ejb.access.OrganizationScope scope;

    @jakarta.ejb.EJB
    private io.certgate.ejb.access.AuditTrail audit;

    public Device create(String orgId, DeviceDraft draft) {
        Product product = products.get(orgId, draft.productKey());
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
        audit.record(orgId, "device.create", "assetId=" + d.getAssetId(), "created (productKey "
                + product.getProductKey() + ", deviceKey " + deviceKey + ")");
        return d;
    }

    /** Finds a device of the organization; {@link UnknownDeviceException} when there is none. */
    public Device find(String orgId, DeviceIdentifier id) {
        if (id == null || !id.isComplete()) {
            throw new InvalidDeviceIdentifierException();
        }
        if (orgId == null || orgId.isBlank()) {
            throw new InvalidArgumentException("invalid argument: orgId is required");
        }
        scope.require(orgId);
        var query = id.byAssetId()
                ? em.createNamedQuery(Device.BY_ORG_AND_ASSET, Device.class).setParameter("assetId", id.assetId())
                : em.createNamedQuery(Device.BY_ORG_PRODUCT_AND_KEY, Device.class)
                        .setParameter("productKey", id.productKey()).setParameter("deviceKey", id.deviceKey());
        query.setParameter("orgId", orgId);
        List<Device> found = query.getResultList();
        if (found.isEmpty()) {
            throw new UnknownDeviceException();
        }
        return found.get(0);
    }
}
