package io.certgate.web.digicert;

import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.enrollment.CertificateOrder;
import io.certgate.domain.enrollment.OrderRequest;
import io.certgate.ejb.ca.CertificateAuthorities;
import io.certgate.ejb.enrollment.CertificateOrders;
import io.certgate.ejb.enrollment.OrderOutcome;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import io.certgate.web.OpenApiNames;
import io.certgate.web.digicert.schema.DigiCertBodies;
import io.certgate.web.digicert.schema.DigiCertOrders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CertCentral orders: order, order info, list, reissue, duplicate, check DCV, revoke. */
@Tag(name = OpenApiNames.TAG_DIGICERT)
@SecurityRequirement(name = OpenApiNames.DIGICERT_KEY)
@Path("services/v2/order/certificate")
public class DigiCertOrderResource extends DigiCertResource {

    @EJB
    private CertificateOrders orders;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private io.certgate.ejb.ca.IssuingAuthorities issuing;

    @Context
    private UriInfo uri;

    /** Order a certificate of a product; 201 {id, requests} or, issued at once, {id, certificate_id, certificate_chain}. */
    @POST
    @Path("{product}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Order a certificate", description = "Waits for an approver unless skip_approval; public TLS "
            + "products issue once their domains are validated (DCV).")
    @APIResponse(responseCode = "201", description = "the order", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertOrders.Placed.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response order(
            @Parameter(description = "the product's name_id", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "ssl_plus", "ssl_wildcard", "ssl_multi_domain", "private_ssl_plus", "private_ssl_wildcard",
                    "client_premium", "code_signing"}))
            @PathParam("product") String product,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DigiCertBodies.Order.class))) InputStream body) {
        return call(() -> {
            OrderOutcome o = orders.order(caller(), product, DigiCertRequests.order(DigiCertRequests.read(body)));
            JsonObjectBuilder b = Json.createObjectBuilder().add("id", o.order().getId())
                    .add("requests", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("id", o.request().getId()).add("status", o.request().getStatus())));
            if (o.certificate() != null) {
                b.add("certificate_id", o.certificate().getCertSn()).add("certificate_chain",
                        DigiCertViews.chain(o.certificate(), issuing.chainAbove(o.certificate())));
            }
            if (o.dcvRandomValue() != null) {
                b.add("dcv_random_value", o.dcvRandomValue());
            }
            return json(201, b.build());
        });
    }

    @GET
    @Path("{orderId}")
    @Operation(summary = "Order info")
    @APIResponse(responseCode = "200", description = "the order", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertOrders.Info.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response info(@Parameter(description = "the order id, or its certificate's serial number or thumbprint")
                         @PathParam("orderId") String orderId) {
        return call(() -> {
            CertificateOrder o = orders.findByReference(caller(), orderId);
            return json(200, DigiCertViews.order(orders, o, orders.requests(caller(), o.getId()), Instant.now()));
        });
    }

    /** The orders, with {@code filters[status]} and {@code filters[common_name]}, paged by offset and limit. */
    @GET
    @Operation(summary = "List orders", description = "Filters in the query: filters[status], filters[common_name], "
            + "filters[search] (order id, common name, DNS name or serial number, in part), filters[product_name_id], "
            + "filters[valid_till] (>d, >=d, <d, <=d, d1...d2 or d; yyyy-MM-dd); sort (id, date_created, valid_till, "
            + "common_name, status, product_name_id; '-' for descending; default -id).")
    @APIResponse(responseCode = "200", description = "a page of orders",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertOrders.OrderList.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response list(
            @Parameter(description = "how many to skip", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("offset") @DefaultValue("0") String offsetText,
            @Parameter(description = "how many at most (1000)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") @DefaultValue("1000") String limitText) {
        return call(() -> {
            int offset = DigiCertRequests.count("offset", offsetText);
            int limit = DigiCertRequests.count("limit", limitText);
            var params = uri.getQueryParameters();
            CertificateOrders.OrderPage page = orders.list(caller(), new CertificateOrders.OrderQuery(
                    params.getFirst("filters[status]"), params.getFirst("filters[common_name]"),
                    params.getFirst("filters[search]"), params.getFirst("filters[product_name_id]"),
                    params.getFirst("filters[valid_till]"), params.getFirst("sort")), offset, limit);
            Instant now = Instant.now();
            JsonArrayBuilder a = Json.createArrayBuilder();
            for (CertificateOrder o : page.orders()) {
                a.add(DigiCertViews.order(orders, o, orders.requests(caller(), o.getId()), now));
            }
            // page.total counts every match (clients page with "while offset < total")
            return json(200, Json.createObjectBuilder().add("orders", a).add("page", Json.createObjectBuilder()
                    .add("total", page.total()).add("limit", limit).add("offset", offset)).build());
        });
    }

    /**
     * The orders whose status changed in {@code filters[status_last_updated]=from...to} (incremental sync, as
     * Keyfactor's gateway calls it): {@code {orders:[{order_id, certificate_id, status}]}}.
     */
    @GET
    @Path("status-changes")
    @Operation(summary = "Order status changes", description = "filters[status_last_updated]=from...to in the query "
            + "(yyyy-MM-dd, or yyyy-MM-dd+HH:mm:ss, UTC).")
    @APIResponse(responseCode = "200", description = "the orders whose status changed",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertOrders.StatusChanges.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response statusChanges() {
        return call(() -> {
            Instant[] window = io.certgate.ejb.enrollment.OrderRules.statusWindow(
                    uri.getQueryParameters().getFirst("filters[status_last_updated]"), Instant.now());
            JsonArrayBuilder a = Json.createArrayBuilder();
            for (CertificateOrders.StatusChange c : orders.statusChanges(caller(), window[0], window[1])) {
                JsonObjectBuilder b = Json.createObjectBuilder().add("order_id", c.order().getId());
                if (c.certificate() != null) {
                    b.add("certificate_id", c.certificate().getCertSn());
                }
                a.add(b.add("status", c.status()));
            }
            return json(200, Json.createObjectBuilder().add("orders", a).build());
        });
    }

    /** {@code {status: canceled, note}}: cancels a pending order, or the pending reissue of an issued one; 204. */
    @PUT
    @Path("{orderId}/status")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Update order status", description = "status canceled: a pending order (never issued) is "
            + "canceled; on an issued order its pending reissues and duplicates are. 400 order_not_pending otherwise.")
    @APIResponse(responseCode = "204", description = "canceled")
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response updateStatus(
            @Parameter(description = "the order id") @PathParam("orderId") String orderId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DigiCertBodies.OrderStatus.class))) InputStream body) {
        return call(() -> {
            JsonObject b = DigiCertRequests.read(body);
            String status = DigiCertRequests.string(b, "status");
            if (status == null || status.isBlank()) {
                throw new DigiCertRequestException("missing_field", "status is required (canceled)");
            }
            if (!"canceled".equalsIgnoreCase(status.trim()) && !"cancelled".equalsIgnoreCase(status.trim())) {
                throw new DigiCertRequestException("invalid_status", "status must be canceled");
            }
            orders.cancel(caller(), id(orderId, "order"), DigiCertRequests.string(b, "note"));
            return Response.noContent().build();
        });
    }

    @POST
    @Path("{orderId}/reissue")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reissue the order's certificate", description = "Spec 003; the new certificate replaces "
            + "the order's once issued.")
    @APIResponse(responseCode = "201", description = "the reissue", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertOrders.ReissuePlaced.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response reissue(
            @Parameter(description = "the order id") @PathParam("orderId") String orderId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DigiCertBodies.Reissue.class))) InputStream body) {
        return call(() -> reissued(orders.reissue(caller(), id(orderId, "order"),
                DigiCertRequests.reissue(DigiCertRequests.read(body), false))));
    }

    @POST
    @Path("{orderId}/duplicate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A further certificate on the order", description = "The order keeps its current "
            + "certificate.")
    @APIResponse(responseCode = "201", description = "the duplicate", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertOrders.ReissuePlaced.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response duplicate(
            @Parameter(description = "the order id") @PathParam("orderId") String orderId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DigiCertBodies.Reissue.class))) InputStream body) {
        return call(() -> reissued(orders.reissue(caller(), id(orderId, "order"),
                DigiCertRequests.reissue(DigiCertRequests.read(body), true))));
    }

    /** 003: {id, requests:[{id}]}; with skip_approval and issued: {id, certificate_id}; dcv_random_value for tokens. */
    private Response reissued(OrderOutcome o) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", o.order().getId());
        if (o.certificate() != null) {
            b.add("certificate_id", o.certificate().getCertSn());
        } else {
            b.add("requests", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", o.request().getId())));
        }
        if (o.dcvRandomValue() != null) {
            b.add("dcv_random_value", o.dcvRandomValue());
        }
        return json(201, b.build());
    }

    @GET
    @Path("{orderId}/reissue")
    @Operation(summary = "The order's reissued certificates")
    @APIResponse(responseCode = "200", description = "the reissues that brought a certificate",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertOrders.IssuedCertificates.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response reissues(@Parameter(description = "the order id") @PathParam("orderId") String orderId) {
        return call(() -> certificates(orderId, "reissue"));
    }

    @GET
    @Path("{orderId}/duplicate")
    @Operation(summary = "The order's duplicate certificates")
    @APIResponse(responseCode = "200", description = "the duplicates that brought a certificate",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertOrders.IssuedCertificates.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response duplicates(@Parameter(description = "the order id") @PathParam("orderId") String orderId) {
        return call(() -> certificates(orderId, "duplicate"));
    }

    /** Every reissue (or duplicate) of the order, with CertCentral's status: pending, approved, issued, rejected. */
    private Response certificates(String orderId, String type) {
        Instant now = Instant.now();
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (OrderRequest r : orders.requests(caller(), id(orderId, "order"))) {
            if (!type.equals(r.getType())) {
                continue;
            }
            IssuedCertificate c = r.getCertificate();
            JsonObjectBuilder b = c != null ? Json.createObjectBuilder(DigiCertViews.certificateSummary(c, now))
                    : DigiCertViews.requested(r);
            a.add(b.add("status", io.certgate.ejb.enrollment.OrderRules.reissueStatus(r.getStatus(), c != null))
                    .add("request_id", r.getId()).add("date_requested", DigiCertViews.time(r.getCreatedAt())));
        }
        return json(200, Json.createObjectBuilder().add("certificates", a).build());
    }

    /** Checks domain control of the order's pending domains (http-token or dns-txt-token). */
    @PUT
    @Path("{orderId}/check-dcv")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Check the order's domain control", description = "http-token or dns-txt-token; 400 "
            + "file_random_value_not_found, invalid_dns_txt or dcv_method_not_checkable naming the pending domains.")
    @APIResponse(responseCode = "200", description = "every domain shows control",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertOrders.DcvChecked.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response checkDcv(@Parameter(description = "the order id") @PathParam("orderId") String orderId) {
        return call(() -> {
            long id = id(orderId, "order");
            List<String> pending = orders.checkDcv(caller(), id);
            CertificateOrder o = orders.find(caller(), id);
            if (!pending.isEmpty()) {
                return DigiCertErrors.dcvNotShown(o.getDcvMethod(), String.join(", ", pending));
            }
            return json(200, Json.createObjectBuilder().add("order_status", orders.status(o, Instant.now()))
                    .add("dcv_status", "valid").build());
        });
    }

    @PUT
    @Path("{orderId}/revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke every valid certificate of the order", description = "A revoke request: pending until "
            + "an approver decides (PUT /request/{id}/status), at once with skip_approval by a key that may skip "
            + "approval; the order is revoked with its certificates. 400 reissue_pending while a reissue waits.")
    @APIResponse(responseCode = "201", description = "the revoke request",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertOrders.Revocation.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response revoke(
            @Parameter(description = "the order id") @PathParam("orderId") String orderId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DigiCertBodies.Revoke.class))) InputStream body) {
        return call(() -> {
            JsonObject b = DigiCertRequests.read(body);
            OrderRequest r = orders.revokeOrder(caller(), id(orderId, "order"), reason(b),
                    DigiCertRequests.string(b, "comments"), DigiCertRequests.bool(b, "skip_approval"));
            return json(201, revokeAnswer(r));
        });
    }

    /** {@code revocation_reason} (CertCentral: keyCompromise, ...) or certgate's earlier {@code reason}. */
    static RevocationReason reason(JsonObject body) {
        String reason = DigiCertRequests.string(body, "revocation_reason");
        if (reason == null || reason.isBlank()) {
            reason = DigiCertRequests.string(body, "reason");
        }
        if (reason == null || reason.isBlank()) {
            return RevocationReason.UNSPECIFIED;
        }
        String normalized = reason.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        for (RevocationReason r : RevocationReason.values()) {
            if (r.name().replace("_", "").toLowerCase(java.util.Locale.ROOT).equals(normalized)) {
                return r;
            }
        }
        throw new DigiCertRequestException("invalid_reason", "revocation_reason must be one of unspecified, "
                + "keyCompromise, affiliationChanged, superseded, cessationOfOperation");
    }

    static JsonObject revokeAnswer(OrderRequest r) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", r.getId()).add("date", DigiCertViews.time(r.getCreatedAt()))
                .add("type", "revoke").add("status", r.getStatus()).add("requester", DigiCertViews.person(r.getRequestedBy()));
        b.add("comments", r.getComments() == null ? "" : r.getComments());
        return b.build();
    }
}
