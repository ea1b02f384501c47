package io.certgate.web.admin;

import io.certgate.domain.device.Device;
import io.certgate.domain.product.Product;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.Page;
import io.certgate.ejb.device.DeviceDraft;
import io.certgate.ejb.product.ProductDraft;
import io.certgate.web.support.JsonFields;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The admin API's products and devices: the JSON of each (what the console's products page shows), pages of them,
 * and the bodies that create them (the console's forms; absent or null is "not given": the EJBs' defaults).
 */
public final class CatalogViews {

    private CatalogViews() {
    }

    @Schema(name = "ProductInfo", description = "A product of the organization")
    public record ProductInfo(@Schema String productKey, @Schema String name,
                              @Schema(nullable = true) String description,
                              @Schema(enumeration = {"Device", "Gateway"}) String productType,
                              @Schema String dataFormat,
                              @Schema(description = "devices authenticate with certificates (mutual TLS)")
                              boolean biDirectionalAuth,
                              @Schema int defaultValidDay, @Schema int maxValidDay,
                              @Schema(description = "devices' self-enrollments (EST, SCEP) wait for an operator")
                              boolean enrollmentApproval,
                              @Schema Instant createdAt) {

        static ProductInfo of(Product p) {
            return new ProductInfo(p.getProductKey(), p.getName(), p.getDescription(), p.getProductType().name(),
                    p.getDataFormat(), p.isBiDirectionalAuth(), p.getDefaultValidDay(), p.getMaxValidDay(),
                    p.isEnrollmentApproval(), p.getCreatedAt());
        }
    }

    @Schema(name = "ProductList", description = "A page of the organization's products, newest first")
    public record ProductList(@Schema long total, @Schema int offset, @Schema int limit,
                              @Schema List<ProductInfo> products) {

        static ProductList of(Page<Product> page) {
            return new ProductList(page.total(), page.request().offset(), page.request().limit(),
                    page.items().stream().map(ProductInfo::of).toList());
        }
    }

    @Schema(name = "DeviceInfo", description = "A device of the organization (never its secret)")
    public record DeviceInfo(@Schema String assetId, @Schema String productKey, @Schema String deviceKey,
                             @Schema String name, @Schema(nullable = true) String description, @Schema String timezone,
                             @Schema Instant createdAt) {

        static DeviceInfo of(Device d) {
            return new DeviceInfo(d.getAssetId(), d.getProduct().getProductKey(), d.getDeviceKey(), d.getName(),
                    d.getDescription(), d.getTimezone(), d.getCreatedAt());
        }
    }

    @Schema(name = "DeviceList", description = "A page of devices, newest first")
    public record DeviceList(@Schema long total, @Schema int offset, @Schema int limit,
                             @Schema List<DeviceInfo> devices) {

        static DeviceList of(Page<Device> page) {
            return new DeviceList(page.total(), page.request().offset(), page.request().limit(),
                    page.items().stream().map(DeviceInfo::of).toList());
        }
    }

    @Schema(name = "CreatedDevice", description = "A new device with its secret, which is shown only here")
    public record CreatedDevice(@Schema String assetId, @Schema String productKey, @Schema String deviceKey,
                                @Schema String name, @Schema(nullable = true) String description,
                                @Schema String timezone,
                                @Schema Instant createdAt, @Schema String deviceSecret) {

        static CreatedDevice of(Device d) {
            return new CreatedDevice(d.getAssetId(), d.getProduct().getProductKey(), d.getDeviceKey(), d.getName(),
                    d.getDescription(), d.getTimezone(), d.getCreatedAt(), d.getDeviceSecret());
        }
    }

    @Schema(name = "ProductCreation", description = "A new product; absent fields take the defaults")
    public record ProductCreation(@Schema(required = true, maxLength = 200) String name,
                                  @Schema(maxLength = 1000) String description,
                                  @Schema(enumeration = {"Device", "Gateway"}, defaultValue = "Device")
                                  String productType,
                                  @Schema(enumeration = {"Json", "Custom"}, defaultValue = "Json") String dataFormat,
                                  @Schema(defaultValue = "false") Boolean biDirectionalAuth,
                                  @Schema(minimum = "1", maximum = "3650", defaultValue = "730")
                                  Integer defaultValidDay,
                                  @Schema(minimum = "1", maximum = "3650", defaultValue = "1095") Integer maxValidDay) {

        static ProductCreation from(JsonObject body) {
            return new ProductCreation(text(body, "name"), text(body, "description"), text(body, "productType"),
                    text(body, "dataFormat"), flag(body, "biDirectionalAuth"), number(body, "defaultValidDay"),
                    number(body, "maxValidDay"));
        }

        ProductDraft draft() {
            return new ProductDraft(name, description, productType, dataFormat, biDirectionalAuth, defaultValidDay,
                    maxValidDay);
        }
    }

    @Schema(name = "DeviceCreation", description = "A new device of the product in the path")
    public record DeviceCreation(@Schema(required = true, maxLength = 200) String name,
                                 @Schema(description = "generated when absent", pattern = "[A-Za-z0-9_.:-]{1,64}")
                                 String deviceKey,
                                 @Schema(maxLength = 1000) String description,
                                 @Schema(pattern = "[+-]\\d\\d:\\d\\d", defaultValue = "+00:00") String timezone) {

        static DeviceCreation from(JsonObject body) {
            return new DeviceCreation(text(body, "name"), text(body, "deviceKey"), text(body, "description"),
                    text(body, "timezone"));
        }

        DeviceDraft draft(String productKey) {
            return new DeviceDraft(productKey, deviceKey, name, description, timezone);
        }
    }

    private static String text(JsonObject body, String name) {
        return JsonFields.string(body, name, InvalidArgumentException::new);
    }

    private static Boolean flag(JsonObject body, String name) {
        JsonValue v = body.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
            return v.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw new InvalidArgumentException(name + " must be true or false");
    }

    private static Integer number(JsonObject body, String name) {
        JsonValue v = body.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                // below
            }
        }
        throw new InvalidArgumentException(name + " must be a whole number");
    }
}
