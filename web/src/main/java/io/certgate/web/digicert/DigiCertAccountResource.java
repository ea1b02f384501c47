package io.certgate.web.digicert;

import io.certgate.domain.ca.IssueAuthority;
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
import java.util.Map;

/** CertCentral account views: products (with the CAs an order may name), the key's organization, its domains. */
@Path("services/v2")
public class DigiCertAccountResource extends DigiCertResource {

    @EJB
    private CertificateOrders orders;

    @GET
    @Path("product")
    public Response products() {
        return call(() -> {
            JsonArrayBuilder cas = Json.createArrayBuilder();
            for (Map.Entry<String, IssueAuthority> e : orders.caCertIds().entrySet()) {
                cas.add(Json.createObjectBuilder().add("id", e.getKey()).add("name", "certgate " + e.getValue()
                        + " Root CA"));
            }
            var allowed = cas.build();
            JsonArrayBuilder a = Json.createArrayBuilder();
            for (DigiCertProduct p : DigiCertProduct.values()) {
                JsonObjectBuilder b = Json.createObjectBuilder(DigiCertViews.product(p))
                        .add("group_name", p.type()).add("allowed_ca_certs", allowed)
                        .add("default_ca_cert", Json.createObjectBuilder().add("id", orders.caCertId(IssueAuthority.RSA))
                                .add("name", "certgate RSA Root CA"))
                        .add("allowed_validity_years", Json.createArrayBuilder().add(1).add(2).add(3))
                        .add("signature_hash_types", Json.createObjectBuilder().add("allowed_hash_types",
                                Json.createArrayBuilder().add(hash("sha256")).add(hash("sha384")).add(hash("sha512")))
                                .add("default_hash_type_id", "sha256"));
                a.add(b);
            }
            return json(200, Json.createObjectBuilder().add("products", a).build());
        });
    }

    private static JsonObjectBuilder hash(String id) {
        return Json.createObjectBuilder().add("id", id).add("name", id.toUpperCase(java.util.Locale.ROOT));
    }

    @GET
    @Path("organization")
    public Response organizations() {
        return call(() -> json(200, Json.createObjectBuilder().add("organizations", Json.createArrayBuilder()
                .add(DigiCertViews.organization(caller().requireOrganization()))).add("page",
                Json.createObjectBuilder().add("total", 1).add("limit", 0).add("offset", 0)).build()));
    }

    /** Chooses the DCV method of a domain: 200 {dcv_token:{token, status}} for token methods. */
    @PUT
    @Path("domain/{domainId}/dcv/method")
    @Consumes(MediaType.WILDCARD)
    public Response dcvMethod(@PathParam("domainId") String domainId, InputStream body) {
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
    public Response validateToken(@PathParam("domainId") String domainId) {
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
