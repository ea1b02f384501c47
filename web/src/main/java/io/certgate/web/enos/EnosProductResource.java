package io.certgate.web.enos;

import io.certgate.web.support.Jsons;
import io.certgate.domain.access.Caller;
import io.certgate.domain.product.Product;
import io.certgate.ejb.product.ProductCatalog;
import io.certgate.ejb.product.ProductDraft;
import io.certgate.web.OpenApiNames;
import io.certgate.web.enos.schema.EnosAnswers;
import io.certgate.web.enos.schema.EnosBodies;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** EnOS connect-service v2.1 products: action=create (POST) and action=get (GET or POST). */
@Path("connect-service/v2.1/products")
@Tag(name = OpenApiNames.TAG_ENOS)
@SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.ENOS_BEARER))
@SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.ENOS_ACCESS_TOKEN),
        @SecurityRequirement(name = OpenApiNames.ENOS_TIMESTAMP),
        @SecurityRequirement(name = OpenApiNames.ENOS_SIGNATURE)})
public class EnosProductResource extends EnosResource {

    @EJB
    private ProductCatalog products;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or get a product", description = "action=create makes a product of the caller's "
            + "organization and answers its productKey; action=get answers the product (productKey in the query or "
            + "the body). " + EnosOpenApi.ERRORS)
    @APIResponse(responseCode = "200", description = "the envelope: data the productKey (create) or the product (get)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {
                    EnosAnswers.ProductKey.class, EnosAnswers.Product.class, EnosAnswers.Refusal.class})))
    @APIResponse(responseCode = "401", ref = OpenApiNames.ENOS_REFUSED)
    @APIResponse(responseCode = "413", ref = OpenApiNames.ENOS_REFUSED)
    public Response post(
            @Parameter(description = "create or get", required = true, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"create", "get"}))
            @QueryParam("action") String action,
            @BeanParam EnosQuery.OfProduct query,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnosBodies.Product.class))) InputStream body) {
        return super.post(action, body);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a product", description = EnosOpenApi.ERRORS)
    @APIResponse(responseCode = "200", description = "the envelope: data the product", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {EnosAnswers.Product.class,
                    EnosAnswers.Refusal.class})))
    @APIResponse(responseCode = "401", ref = OpenApiNames.ENOS_REFUSED)
    public Response get(
            @Parameter(description = "get", required = true, schema = @Schema(type = SchemaType.STRING,
                    enumeration = "get")) @QueryParam("action") String action,
            @BeanParam EnosQuery.OfProduct query) {
        return super.get(action);
    }

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
