package io.certgate.web.digicert;

import io.certgate.domain.enrollment.OrderRequest;
import io.certgate.ejb.enrollment.CertificateOrders;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/** CertCentral requests: list (by status), info, and the approver's decision (never the requester's). */
@Path("services/v2/request")
public class DigiCertRequestResource extends DigiCertResource {

    @EJB
    private CertificateOrders orders;

    @GET
    public Response list(@QueryParam("status") String status) {
        return call(() -> {
            List<OrderRequest> all = orders.requests(caller(), status);
            JsonArrayBuilder a = Json.createArrayBuilder();
            all.stream().filter(r -> !"revoke".equals(r.getType())).forEach(r -> a.add(DigiCertViews.request(orders, r)));
            return json(200, Json.createObjectBuilder().add("requests", a).add("page", Json.createObjectBuilder()
                    .add("total", all.size()).add("limit", 0).add("offset", 0)).build());
        });
    }

    @GET
    @Path("{requestId}")
    public Response info(@PathParam("requestId") String requestId) {
        return call(() -> json(200, DigiCertViews.request(orders, orders.request(caller(), id(requestId, "request")))));
    }

    /** {@code {status: approved|rejected, processor_comment}}: 204 once decided. */
    @PUT
    @Path("{requestId}/status")
    @Consumes(MediaType.WILDCARD)
    public Response status(@PathParam("requestId") String requestId, InputStream body) {
        return call(() -> {
            JsonObject b = DigiCertRequests.read(body);
            String status = DigiCertRequests.string(b, "status");
            if (!"approved".equals(status) && !"rejected".equals(status)) {
                throw new DigiCertRequestException("invalid_status", "status must be approved or rejected");
            }
            orders.decide(caller(), id(requestId, "request"), "approved".equals(status),
                    DigiCertRequests.string(b, "processor_comment"));
            return Response.noContent().build();
        });
    }
}
