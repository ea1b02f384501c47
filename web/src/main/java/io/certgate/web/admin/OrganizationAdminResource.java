package io.certgate.web.admin;

import static io.certgate.web.admin.AdminAnswers.answer;
import static io.certgate.web.admin.AdminAnswers.created;
import static io.certgate.web.admin.AdminRoles.ADMIN;
import static io.certgate.web.admin.AdminRoles.APPROVER;
import static io.certgate.web.admin.AdminRoles.AUDITOR;

import io.certgate.domain.access.Caller;
import io.certgate.ejb.access.Statistics;
import io.certgate.ejb.device.DeviceRegistry;
import io.certgate.ejb.enrollment.CertificateOrders;
import io.certgate.ejb.enrollment.EnrollmentService;
import io.certgate.ejb.product.ProductCatalog;
import io.certgate.web.admin.CatalogViews.CreatedDevice;
import io.certgate.web.admin.CatalogViews.DeviceCreation;
import io.certgate.web.admin.CatalogViews.DeviceList;
import io.certgate.web.admin.CatalogViews.ProductCreation;
import io.certgate.web.admin.CatalogViews.ProductInfo;
import io.certgate.web.admin.CatalogViews.ProductList;
import io.certgate.web.admin.PendingViews.PendingDigiCertRequestList;
import io.certgate.web.admin.PendingViews.PendingTransactionList;
import io.certgate.web.OpenApiNames;
import io.certgate.web.support.CallerContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' API for what the console shows of an organization: its counts (the home page), products and devices
 * (list, create; a device's secret is shown once), what waits for an approver (CertManager transactions, DigiCert
 * requests). The same EJB methods as the console; another organization's product answers 404 as one that does not
 * exist. Errors as {@link AdminAnswers} words them.
 */
@Path("admin/api")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = OpenApiNames.ADMIN_BASIC)
@APIResponse(responseCode = "401", ref = OpenApiNames.ADMIN_UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.ADMIN_FORBIDDEN)
@RolesAllowed(ADMIN) // the default of a method that names no roles
@Tag(name = OpenApiNames.TAG_ADMIN)
public class OrganizationAdminResource {

    private static final String JSON = MediaType.APPLICATION_JSON;

    @EJB
    private Statistics statistics;

    @EJB
    private ProductCatalog catalog;

    @EJB
    private DeviceRegistry registry;

    @EJB
    private EnrollmentService enrollments;

    @EJB
    private CertificateOrders orders;

    @Inject
    private CallerContext caller;

    @Context
    private SecurityContext security;

    @GET
    @Path("orgs/{orgId}/summary")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "The organization's counts",
            description = "What it holds and what waits for an approver, as the console's home page shows them")
    @APIResponse(responseCode = "200", description = "the counts",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = OrganizationSummary.class)))
    public Response summary(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId) {
        return answer(200, () -> RecordJson.of(OrganizationSummary.of(orgId, statistics.counts(operatorFor(orgId)))));
    }

    @GET
    @Path("orgs/{orgId}/products")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "The organization's products, newest first, one page")
    @APIResponse(responseCode = "200", description = "a page of products",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ProductList.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response products(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "how many to skip (default 0)") @QueryParam("offset") String offset,
            @Parameter(description = "how many at most (1..500, default 50)") @QueryParam("limit") String limit) {
        return answer(200, () -> RecordJson.of(ProductList.of(catalog.list(operatorFor(orgId),
                AdminPaging.page(offset, limit)))));
    }

    @POST
    @Path("orgs/{orgId}/products")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Creates a product", description = "Audited as product.create; the productKey is generated")
    @APIResponse(responseCode = "201", description = "the product",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ProductInfo.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response createProduct(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @RequestBody(required = true,
                    content = @Content(mediaType = JSON, schema = @Schema(implementation = ProductCreation.class)))
            String body) {
        return created(() -> {
            Caller operator = operatorFor(orgId);
            ProductCreation request = ProductCreation.from(AdminAnswers.body(body));
            return RecordJson.of(ProductInfo.of(catalog.create(operator, request.draft())));
        });
    }

    @GET
    @Path("orgs/{orgId}/devices")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "The organization's devices, newest first, one page (of one product with productKey)")
    @APIResponse(responseCode = "200", description = "a page of devices",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = DeviceList.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response devices(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "only this product's devices") @QueryParam("productKey") String productKey,
            @Parameter(description = "how many to skip (default 0)") @QueryParam("offset") String offset,
            @Parameter(description = "how many at most (1..500, default 50)") @QueryParam("limit") String limit) {
        return answer(200, () -> RecordJson.of(DeviceList.of(registry.list(operatorFor(orgId), productKey,
                AdminPaging.page(offset, limit)))));
    }

    @GET
    @Path("orgs/{orgId}/products/{productKey}/devices")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "The product's devices, newest first, one page")
    @APIResponse(responseCode = "200", description = "a page of devices",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = DeviceList.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response productDevices(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the product") @PathParam("productKey") String productKey,
            @Parameter(description = "how many to skip (default 0)") @QueryParam("offset") String offset,
            @Parameter(description = "how many at most (1..500, default 50)") @QueryParam("limit") String limit) {
        // an unknown product (or another organization's) is UnknownProductException: 404
        return answer(200, () -> RecordJson.of(DeviceList.of(registry.list(operatorFor(orgId), productKey,
                AdminPaging.page(offset, limit)))));
    }

    @POST
    @Path("orgs/{orgId}/products/{productKey}/devices")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Creates a device of the product",
            description = "Audited as device.create; the deviceSecret is shown in this answer only")
    @APIResponse(responseCode = "201", description = "the device with its secret",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CreatedDevice.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response createDevice(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the product") @PathParam("productKey") String productKey,
            @RequestBody(required = true,
                    content = @Content(mediaType = JSON, schema = @Schema(implementation = DeviceCreation.class)))
            String body) {
        return created(() -> {
            Caller operator = operatorFor(orgId);
            DeviceCreation request = DeviceCreation.from(AdminAnswers.body(body));
            return RecordJson.of(CreatedDevice.of(registry.create(operator, request.draft(productKey))));
        });
    }

    @GET
    @Path("orgs/{orgId}/transactions")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "CertManager transactions waiting for an approver, oldest first",
            description = "Decided by POST .../transactions/{transactionId}/approve or /reject")
    @APIResponse(responseCode = "200", description = "the pending transactions",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PendingTransactionList.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response pendingTransactions(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "pending (the default; the only one)") @QueryParam("status") String status) {
        return answer(200, () -> {
            AdminPaging.pendingOnly(status);
            return RecordJson.of(PendingTransactionList.of(orgId, enrollments.pending(operatorFor(orgId))));
        });
    }

    @GET
    @Path("orgs/{orgId}/digicert-requests")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "DigiCert requests waiting for an approver, oldest first",
            description = "Decided by POST .../digicert-requests/{requestId}/approve or /reject")
    @APIResponse(responseCode = "200", description = "the pending requests",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PendingDigiCertRequestList.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response pendingDigiCertRequests(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "pending (the default; the only one)") @QueryParam("status") String status) {
        return answer(200, () -> {
            AdminPaging.pendingOnly(status);
            return RecordJson.of(PendingDigiCertRequestList.of(orgId, orders.requests(operatorFor(orgId), "pending")));
        });
    }

    private Caller operatorFor(String orgId) {
        return AdminAnswers.operatorFor(security, caller, orgId);
    }
}
