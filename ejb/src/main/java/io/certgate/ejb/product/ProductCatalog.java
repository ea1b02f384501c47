package io.certgate.ejb.product;

import io.certgate.domain.access.Caller;
import io.certgate.domain.product.Product;
import io.certgate.domain.product.ProductType;
import io.certgate.ejb.common.Checks;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.common.Page;
import io.certgate.ejb.common.PageRequest;
import io.certgate.ejb.common.RandomIds;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Products of an organization. */
@Stateless
public class ProductCatalog {

    private static final Set<String> DATA_FORMATS = Set.of("JSON", "CUSTOM");

    @PersistenceContext(unitName = "certgate")
    private EntityManager em;

    @jakarta.ejb.EJB
    private io.certgate.ejb.access.AuditTrail audit;

    public Product create(Caller caller, ProductDraft draft) {
        String orgId = Checks.identifier("orgId", Caller.require(caller).requireOrganization());
        String name = Checks.text("productName", draft.name(), 200, true);
        String description = Checks.text("productDesc", draft.description(), 1000, false);
        ProductType type = draft.productType() == null ? ProductType.Device
                : ProductType.parse(draft.productType()).orElseThrow(() ->
                        new InvalidArgumentException("invalid argument: productType must be Device or Gateway"));
        String dataFormat = draft.dataFormat() == null ? "Json" : draft.dataFormat();
        if (!DATA_FORMATS.contains(dataFormat.toUpperCase(Locale.ROOT))) {
            throw new InvalidArgumentException("invalid argument: dataFormat must be Json or Custom");
        }
        int defaultValidDay = Checks.range("defaultValidDay", draft.defaultValidDay(), Product.DEFAULT_VALID_DAY,
                1, Product.VALID_DAY_LIMIT);
        int maxValidDay = Checks.range("maxValidDay", draft.maxValidDay(), Product.DEFAULT_MAX_VALID_DAY,
                1, Product.VALID_DAY_LIMIT);
        if (defaultValidDay > maxValidDay) {
            throw new InvalidArgumentException("invalid argument: defaultValidDay must not exceed maxValidDay");
        }
        Product p = new Product(orgId, RandomIds.alphanumeric(10), name, description, type, dataFormat,
                Boolean.TRUE.equals(draft.biDirectionalAuth()), defaultValidDay, maxValidDay, Instant.now());
        em.persist(p);
        audit.record(caller, "product.create", "productKey=" + p.getProductKey(), "created (biDirectionalAuth "
                + p.isBiDirectionalAuth() + ", maxValidDay " + p.getMaxValidDay() + ")");
        return p;
    }

    /** The organization's products, newest first, one page of them. */
    public Page<Product> list(Caller caller, PageRequest page) {
        String orgId = Caller.require(caller).requireOrganization();
        long total = em.createQuery("SELECT COUNT(p) FROM Product p WHERE p.orgId = :orgId", Long.class)
                .setParameter("orgId", orgId).getSingleResult();
        return new Page<>(total, page, em.createQuery("SELECT p FROM Product p WHERE p.orgId = :orgId "
                + "ORDER BY p.createdAt DESC, p.id DESC", Product.class).setParameter("orgId", orgId)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList());
    }

    public Product get(Caller caller, String productKey) {
        String orgId = Caller.require(caller).requireOrganization();
        if (productKey == null || productKey.isBlank()) {
            throw new InvalidArgumentException("invalid argument: productKey is required");
        }
        List<Product> found = em.createNamedQuery(Product.BY_ORG_AND_KEY, Product.class)
                .setParameter("orgId", orgId).setParameter("productKey", productKey).getResultList();
        if (found.isEmpty()) {
            throw new UnknownProductException();
        }
        return found.get(0);
    }

    /**
     * The organization of a product, for the public answers that a product's devices read before they authenticate
     * (EST cacerts, SCEP GetCACert under the product's path): which issuing CAs to send. Empty for an unknown key.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
    public java.util.Optional<String> organizationOf(String productKey) {
        if (productKey == null || productKey.isBlank() || productKey.length() > 64) {
            return java.util.Optional.empty();
        }
        return em.createQuery("SELECT p.orgId FROM Product p WHERE p.productKey = :productKey", String.class)
                .setParameter("productKey", productKey).getResultList().stream().findFirst();
    }
}
