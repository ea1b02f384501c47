package io.certgate.web.console;

import io.certgate.domain.device.Device;
import io.certgate.domain.product.Product;
import io.certgate.ejb.common.Page;
import io.certgate.ejb.common.PageRequest;
import io.certgate.ejb.device.DeviceRegistry;
import io.certgate.ejb.product.ProductCatalog;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The organization's products and devices, newest first, a page of each ({@code productOffset}, {@code deviceOffset};
 * devices of one product with {@code product}). View-scoped: a row's button acts on the row that was shown.
 */
@Named
@ViewScoped
public class ProductsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 20;

    @EJB
    private ProductCatalog catalog;

    @EJB
    private DeviceRegistry registry;

    @Inject
    private ConsoleOrganization organization;

    @Inject
    private ConsoleGuard guard;

    @Inject
    private ConsoleMessages messages;

    private int productOffset;
    private int deviceOffset;
    private String product;
    private transient Page<Product> products;
    private transient Page<Device> devices;
    private transient List<Product> productChoices = List.of();

    /** Before every rendering, after the actions: what the organization holds now. */
    public void load() {
        if (!organization.isChosen()) {
            return;
        }
        String org = organization.getId();
        messages.attempt("Listing the products of " + org,
                () -> catalog.list(guard.reading(org), new PageRequest(productOffset, PAGE)))
                .ifPresent(p -> products = p);
        messages.attempt("Listing the products of " + org,
                () -> catalog.list(guard.reading(org), new PageRequest(0, PageRequest.MAX_LIMIT)).items())
                .ifPresent(p -> productChoices = p);
        messages.attempt("Listing the devices of " + org,
                () -> registry.list(guard.reading(org), product, new PageRequest(deviceOffset, PAGE)))
                .ifPresent(d -> devices = d);
    }

    public List<Product> getProducts() {
        return products == null ? List.of() : products.items();
    }

    public long getProductTotal() {
        return products == null ? 0 : products.total();
    }

    public boolean isMoreProducts() {
        return products != null && products.hasMore();
    }

    public List<Device> getDevices() {
        return devices == null ? List.of() : devices.items();
    }

    public long getDeviceTotal() {
        return devices == null ? 0 : devices.total();
    }

    public boolean isMoreDevices() {
        return devices != null && devices.hasMore();
    }

    /** Every product of the organization (up to 500), for the device form's choice. */
    public List<Product> getProductChoices() {
        return productChoices;
    }

    public Integer getProductOffset() {
        return productOffset;
    }

    public void setProductOffset(Integer productOffset) {
        this.productOffset = productOffset == null ? 0 : productOffset;
    }

    public Integer getDeviceOffset() {
        return deviceOffset;
    }

    public void setDeviceOffset(Integer deviceOffset) {
        this.deviceOffset = deviceOffset == null ? 0 : deviceOffset;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product == null || product.isBlank() ? null : product.trim();
    }

    public int getPreviousProductOffset() {
        return ConsoleForms.previousOffset(productOffset, PAGE);
    }

    public int getNextProductOffset() {
        return productOffset + PAGE;
    }

    public int getPreviousDeviceOffset() {
        return ConsoleForms.previousOffset(deviceOffset, PAGE);
    }

    public int getNextDeviceOffset() {
        return deviceOffset + PAGE;
    }
}
