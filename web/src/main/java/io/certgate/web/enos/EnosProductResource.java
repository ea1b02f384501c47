package io.certgate.web.enos;

import io.certgate.web.support.Jsons;
import io.certgate.domain.access.Caller;
import io.certgate.domain.product.Product;
import io.certgate.ejb.product.ProductCatalog;
import io.certgate.ejb.product.ProductDraft;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import jakarta.ws.rs.Path;

/** EnOS connect-service v2.1 products: action=create (POST) and action=get (GET or POST). */
@Path("connect-service/v2.1/products")
public class EnosProductResource extends EnosResource {

    @EJB
    private ProductCatalog products;

    @Override
    protected Set<String> readActions() {
        return Set.of("get");
    }

    @Override
    protected JsonValue dispatch(String act, EnosRequest req, Caller caller) {
        String productKey = uriInfo.getQueryParameters().getFirst("productKey");
        switch (act) {
            case "create":
                Product p = products.create(caller, new ProductDraft(req.i18n("productName"),
                        req.string("productDesc"), req.string("productType"), req.string("dataFormat"),
                        req.bool("biDirectionalAuth"), req.smallInteger("defaultValidDay"),
                        req.smallInteger("maxValidDay")));
                return Jsons.PROVIDER.createValue(p.getProductKey());
            case "get":
                return product(products.get(caller, productKey != null ? productKey : req.string("productKey")));
            default:
                throw unknownAction(act, "create or get");
        }
    }

    static JsonObject product(Product p) {
        return Jsons.PROVIDER.createObjectBuilder()
                .add("orgId", p.getOrgId())
                .add("productKey", p.getProductKey())
                .add("productName", Jsons.PROVIDER.createObjectBuilder().add("defaultValue", p.getName()))
                .add("productDesc", p.getDescription() == null ? "" : p.getDescription())
                .add("productType", p.getProductType().name())
                .add("dataFormat", p.getDataFormat())
                .add("biDirectionalAuth", p.isBiDirectionalAuth())
                .add("defaultValidDay", p.getDefaultValidDay())
                .add("maxValidDay", p.getMaxValidDay())
                .add("createTime", p.getCreatedAt().toEpochMilli())
                .build();
    }
}
