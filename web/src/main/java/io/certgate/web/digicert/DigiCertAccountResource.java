package io.certgate.web.digicert;

import io.certgate.domain.enrollment.OrgDomain;
import io.certgate.ejb.enrollment.CertificateOrders;
import io.certgate.ejb.enrollment.DigiCertProduct;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import io.certgate.ejb.enrollment.OrderCa;
import io.certgate.web.OpenApiNames;
import io.certgate.web.digicert.schema.DigiCertAccount;
import io.certgate.web.digicert.schema.DigiCertBodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CertCentral account views: products (with the CAs an order may name), the key's organization, its domains. */
@Tag(name = OpenApiNames.TAG_DIGICERT)
@SecurityRequirement(name = OpenApiNames.DIGICERT_KEY)
@Path("services/v2")
public class DigiCertAccountResource extends DigiCertResource {

    @EJB
    private CertificateOrders orders;

    @GET
    @Path("product")
    @Operation(summary = "Products", description = "With the CAs (ca_cert_id) and hashes an order may name.")
    @APIResponse(responseCode = "200", description = "the products", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertAccount.ProductList.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response products() {
        return call(() -> {
            JsonArrayBuilder a = Json.createArrayBuilder();
            for (DigiCertProduct p : DigiCertProduct.values()) {
                a.add(details(p));
            }
            return json(200, Json.createObjectBuilder().add("products", a).build());
        });
    }

    /** Product info: one product of {@code GET /product} by its name_id; 404 not_found|product for another. */
    @GET
    @Path("product/{nameId}")
    @Operation(summary = "Product info", description = "The product's CAs (ca_cert_id), validity years and hashes.")
    @APIResponse(responseCode = "200", description = "the product", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertAccount.ProductDetails.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response product(@Parameter(description = "the product's name_id, e.g. ssl_plus") @PathParam("nameId")
                            String nameId) {
        return call(() -> {
            DigiCertProduct p = DigiCertProduct.byNameId(nameId).orElseThrow(() -> new DigiCertRequestException(404,
                    "not_found|product", "no such product: " + nameId));
            return json(200, details(p).build());
        });
    }

    /** A product with the CAs an order may name: the caller's organization's issuing CAs (CertCentral's ICAs). */
    private JsonObjectBuilder details(DigiCertProduct p) {
        List<OrderCa> allowed = orders.allowedCas(caller());
        JsonArrayBuilder cas = Json.createArrayBuilder();
        allowed.forEach(ca -> cas.add(DigiCertViews.caCert(ca)));
        return Json.createObjectBuilder(DigiCertViews.product(p))
                .add("group_name", p.type()).add("allowed_ca_certs", cas)
                .add("default_ca_cert", DigiCertViews.caCert(allowed.get(0)))
                .add("allowed_validity_years", Json.createArrayBuilder().add(1).add(2).add(3))
                .add("signature_hash_types", Json.createObjectBuilder().add("allowed_hash_types",
                        Json.createArrayBuilder().add(hash("sha256")).add(hash("sha384")).add(hash("sha512")))
                        .add("default_hash_type_id", "sha256"));
    }

    private static JsonObjectBuilder hash(String id) {
        return Json.createObjectBuilder().add("id", id).add("name", id.toUpperCase(java.util.Locale.ROOT));
    }

    @GET
    @Path("organization")
    @Operation(summary = "The key's organization")
    @APIResponse(responseCode = "200", description = "one organization",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertAccount.OrganizationList.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response organizations() {
        return call(() -> json(200, Json.createObjectBuilder().add("organizations", Json.createArrayBuilder()
                .add(DigiCertViews.organization(caller().requireOrganization()))).add("page",
                Json.createObjectBuilder().add("total", 1).add("limit", 0).add("offset", 0)).build()));
    }

    /** Chooses the DCV method of a domain: 200 {dcv_token:{token, status}} for token methods. */
    @PUT
    @Path("domain/{domainId}/dcv/method")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Choose a domain's DCV method")
    @APIResponse(responseCode = "200", description = "the method and, for token methods, the token",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertAccount.DcvMethodChosen.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response dcvMethod(
            @Parameter(description = "the domain id (GET /domain)") @PathParam("domainId") String domainId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DigiCertBodies.DcvMethod.class))) InputStream body) {
        return call(() -> {
            OrgDomain d = orders.domainDcvMethod(caller(), id(domainId, "domain"),
                    DigiCertRequests.string(DigiCertRequests.read(body), "dcv_method"));
            JsonObjectBuilder b = Json.createObjectBuilder().add("dcv_method", d.getDcvMethod());
            if (d.getDcvToken() != null) {
                b.add("dcv_token", Json.createObjectBuilder().add("token", d.getDcvToken())
                        .add("status", d.isValidated() ? "valid" : "pending"));
            }
            return json(200, b.build());
        });
    }

    /** Checks the domain's token: 200 {dcv_status: valid}, or 400 as for an order's check-dcv. */
    @PUT
    @Path("domain/{domainId}/dcv/validate-token")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Check a domain's DCV token", description = "400 as the order's check-dcv while control is "
            + "not shown.")
    @APIResponse(responseCode = "200", description = "the domain is validated",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertAccount.DcvValid.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response validateToken(
            @Parameter(description = "the domain id (GET /domain)") @PathParam("domainId") String domainId) {
        return call(() -> {
            long id = id(domainId, "domain");
            if (orders.checkDomainDcv(caller(), id)) {
                return json(200, Json.createObjectBuilder().add("dcv_status", "valid").build());
            }
            OrgDomain d = orders.domain(caller(), id);
            return DigiCertErrors.dcvNotShown(d.getDcvMethod(), d.getName());
        });
    }

    @GET
    @Path("domain")
    @Operation(summary = "The organization's domains", description = "With their DCV status.")
    @APIResponse(responseCode = "200", description = "the domains", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertAccount.DomainList.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response domains() {
        return call(() -> {
            JsonArrayBuilder a = Json.createArrayBuilder();
            for (OrgDomain d : orders.domains(caller())) {
                JsonObjectBuilder b = Json.createObjectBuilder().add("id", d.getId()).add("is_active", true)
                        .add("name", d.getName()).add("date_created", DigiCertViews.time(d.getCreatedAt()))
                        .add("organization", DigiCertViews.organization(d.getOrgId()))
                        .add("dcv_status", d.isValidated() ? "complete" : "pending");
                if (d.isValidated()) {
                    b.add("dcv_method", d.getValidatedBy()).add("dcv_date", DigiCertViews.time(d.getValidatedAt()));
                }
                a.add(b);
            }
            return json(200, Json.createObjectBuilder().add("domains", a).build());
        });
    }
}
