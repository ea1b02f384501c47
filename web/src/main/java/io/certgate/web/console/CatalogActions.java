package io.certgate.web.console;

import io.certgate.domain.device.Device;
import io.certgate.domain.product.Product;
import io.certgate.ejb.binding.SelfEnrollments;
import io.certgate.ejb.device.DeviceDraft;
import io.certgate.ejb.device.DeviceRegistry;
import io.certgate.ejb.product.ProductCatalog;
import io.certgate.ejb.product.ProductDraft;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The changes of the products page: create a product, create a device (its deviceSecret is shown in this answer
 * and never again; the form's one-shot token, {@link FormTokens}, refuses a reload's second post), make a product's
 * devices wait for an operator when they enroll themselves (EST, SCEP) or not. What shows no secret redirects
 * (POST-redirect-GET: a reload repeats the GET, not the change). The form fields go to the EJBs as they are; blank
 * is "not given".
 */
@Named
@RequestScoped
public class CatalogActions {

    @EJB
    private ProductCatalog catalog;

    @EJB
    private DeviceRegistry registry;

    @EJB
    private SelfEnrollments selfEnrollments;

    @Inject
    private ConsoleOrganization organization;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    @Inject
    private ConsoleNotices notices;

    @Inject
    private FormTokens tokens;

    private String productName;
    private String productDescription;
    private String productType = "Device";
    private boolean biDirectionalAuth = true;
    private Integer defaultValidDay;
    private Integer maxValidDay;

    private String deviceProduct;
    private String deviceKey;
    private String deviceName;
    private String deviceDescription;
    private String timezone = "+00:00";

    /** The device created in this request, with its secret; null otherwise. */
    private Device created;

    public String createProduct() {
        return messages.attempt("Creating the product", () -> catalog.create(
                guard.changing(organization.getId(), OperatorAction.ADMINISTER),
                new ProductDraft(productName, blank(productDescription), productType, null, biDirectionalAuth,
                        defaultValidDay, maxValidDay)))
                .map(p -> redirect("Product \"" + p.getName() + "\" created: productKey " + p.getProductKey() + "."))
                .orElse(null);
    }

    public void createDevice() {
        tokens.once(messages, "Creating the device", () -> registry.create(
                guard.changing(organization.getId(), OperatorAction.ADMINISTER),
                new DeviceDraft(blank(deviceProduct), blank(deviceKey), deviceName, blank(deviceDescription),
                        blank(timezone))))
                .ifPresent(d -> {
                    created = d;
                    messages.done("Device " + d.getAssetId() + " created. Copy its device secret now: it is shown "
                            + "only this once.");
                    deviceKey = null;
                    deviceName = null;
                    deviceDescription = null;
                });
    }

    /** Whether the product's devices wait for an operator's approval when they enroll themselves. */
    public String requireApproval(Product product, boolean required) {
        String key = product.getProductKey();
        if (messages.attempt((required ? "Requiring approval for " : "Ending approval for ") + key, () ->
                selfEnrollments.requireApproval(guard.changing(organization.getId(), OperatorAction.ADMINISTER), key,
                        required))) {
            return redirect("Self-enrollments of product " + key
                    + (required ? " now wait for an operator's approval." : " no longer wait for approval."));
        }
        return null;
    }

    private String redirect(String notice) {
        return notices.redirect("/products.xhtml", organization.getId(), notice);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public Device getCreated() {
        return created;
    }

    public String getProductName() { return productName; }
    public void setProductName(String v) { productName = v; }
    public String getProductDescription() { return productDescription; }
    public void setProductDescription(String v) { productDescription = v; }
    public String getProductType() { return productType; }
    public void setProductType(String v) { productType = v; }
    public boolean isBiDirectionalAuth() { return biDirectionalAuth; }
    public void setBiDirectionalAuth(boolean v) { biDirectionalAuth = v; }
    public Integer getDefaultValidDay() { return defaultValidDay; }
    public void setDefaultValidDay(Integer v) { defaultValidDay = v; }
    public Integer getMaxValidDay() { return maxValidDay; }
    public void setMaxValidDay(Integer v) { maxValidDay = v; }
    public String getDeviceProduct() { return deviceProduct; }
    public void setDeviceProduct(String v) { deviceProduct = v; }
    public String getDeviceKey() { return deviceKey; }
    public void setDeviceKey(String v) { deviceKey = v; }
    public String getDeviceName() { return deviceName; }
    public void setDeviceName(String v) { deviceName = v; }
    public String getDeviceDescription() { return deviceDescription; }
    public void setDeviceDescription(String v) { deviceDescription = v; }
    public String getTimezone() { return timezone; }
    public void setTimezone(String v) { timezone = v; }
}
