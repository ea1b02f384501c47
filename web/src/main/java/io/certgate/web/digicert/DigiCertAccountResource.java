package io.certgate.web.digicert;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.enrollment.OrgDomain;
import io.certgate.ejb.enrollment.CertificateOrders;
import io.certgate.ejb.enrollment.DigiCertProduct;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
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
