package io.certgate.web.enos;

import io.certgate.domain.product.Product;
import io.certgate.ejb.product.ProductCatalog;
import io.certgate.ejb.product.ProductDraft;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/** EnOS connect-service v2.1 products: action=create (POST) and action=get (GET or POST). */
@Path("connect-service/v2.1/products")
@Produces(MediaType.APPLICATION_JSON)
public class EnosProductResource {

    @EJB
    private ProductCatalog products;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(@QueryParam("action") String action, InputStream body) {
        return EnosBodies.handle(action, body, text -> dispatch(action, text));
    }

    @GET
    public Response get(@QueryParam("action") String action) {
        if (!"get".equals(action)) {
            return dispatch("unsupported GET " + action, "");
        }
        return dispatch(action, "");
    }

    private Response dispatch(String action, String text) {
        String act = action == null ? "" : action;
        return EnosResponses.call(act, () -> {
            EnosRequest req = EnosRequest.of(uriInfo.getQueryParameters(), text);
            String productKey = uriInfo.getQueryParameters().getFirst("productKey");
            switch (act) {
                case "create":
                    Product p = products.create(req.orgId(), new ProductDraft(req.i18n("productName"),
                            req.string("productDesc"), req.string("productType"), req.string("dataFormat"),
                            req.bool("biDirectionalAuth"), req.smallInteger("defaultValidDay"),
                            req.smallInteger("maxValidDay")));
                    return Json.createValue(p.getProductKey());
                case "get":
                    return product(products.get(req.orgId(), productKey != null ? productKey : req.string("productKey")));
                default:
                    throw new EnosRequestException("invalid argument: unknown action '"
                            + EnosCertificateResource.truncate(act) + "'; expected create or get");
            }
        });
    }

    static JsonObject product(Product p) {
        return Json.createObjectBuilder()
                .add("orgId", p.getOrgId())
                .add("productKey", p.getProductKey())
                .add("productName", Json.createObjectBuilder().add("defaultValue", p.getName()))
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
