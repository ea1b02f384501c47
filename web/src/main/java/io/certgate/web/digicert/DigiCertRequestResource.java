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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import io.certgate.web.OpenApiNames;
import io.certgate.web.digicert.schema.DigiCertApprovals;
import io.certgate.web.digicert.schema.DigiCertBodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CertCentral requests: list (by status), info, and the approver's decision (never the requester's). */
@Tag(name = OpenApiNames.TAG_DIGICERT)
@SecurityRequirement(name = OpenApiNames.DIGICERT_KEY)
@Path("services/v2/request")
public class DigiCertRequestResource extends DigiCertResource {

    @EJB
    private CertificateOrders orders;

    @Context
    private UriInfo uri;

    @GET
    @Operation(summary = "List requests", description = "New orders, reissues, duplicates and revoke requests; "
            + "filters[status] (or status) pending, approved, rejected or canceled.")
    @APIResponse(responseCode = "200", description = "the requests", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertApprovals.RequestList.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response list(
            @Parameter(description = "pending, approved, rejected or canceled; none: all (filters[status] too)")
            @QueryParam("status") String status) {
        return call(() -> {
            String filter = uri.getQueryParameters().getFirst("filters[status]");
            List<OrderRequest> all = orders.requests(caller(), filter != null && !filter.isBlank() ? filter : status);
            JsonArrayBuilder a = Json.createArrayBuilder();
            all.forEach(r -> a.add(DigiCertViews.request(orders, r)));
            return json(200, Json.createObjectBuilder().add("requests", a).add("page", Json.createObjectBuilder()
                    .add("total", all.size()).add("limit", 0).add("offset", 0)).build());
        });
    }

    @GET
    @Path("{requestId}")
    @Operation(summary = "Request info")
    @APIResponse(responseCode = "200", description = "the request", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertApprovals.Request.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response info(@Parameter(description = "the request id") @PathParam("requestId") String requestId) {
        return call(() -> json(200, DigiCertViews.request(orders, orders.request(caller(), id(requestId, "request")))));
    }

    /** {@code {status: approved|rejected, processor_comment}}: 204 once decided. */
    @PUT
    @Path("{requestId}/status")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve or reject a pending request", description = "By an admin key (its own requests too, "
            + "unless the organization requires a second person: then never by the same user, with any of its keys) or "
            + "a manager key (other people's requests); a user key, or a requester where that is not allowed, gets 403 "
            + "access_denied|invalid_approver. An approved revoke request revokes.")
    @APIResponse(responseCode = "204", description = "decided; an approved request issues")
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response status(
            @Parameter(description = "the request id") @PathParam("requestId") String requestId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DigiCertBodies.Decision.class))) InputStream body) {
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
