package io.certgate.web.admin;

import static io.certgate.web.admin.AdminAnswers.answer;
import static io.certgate.web.admin.AdminRoles.ADMIN;
import static io.certgate.web.admin.AdminRoles.APPROVER;
import static io.certgate.web.admin.AdminRoles.AUDITOR;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.device.DeviceIdentifier;
import io.certgate.ejb.ca.CertificateInventory;
import io.certgate.ejb.ca.CertificateColumn;
import io.certgate.ejb.ca.CertificatePage;
import io.certgate.ejb.ca.CertificateQuery;
import io.certgate.ejb.device.DeviceRegistry;
import io.certgate.web.support.CallerContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import io.certgate.web.OpenApiNames;
import io.certgate.web.admin.schema.AdminCertificates;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Operators' API for an organization's certificates: search (device, status, serial, subject, expiring within N
 * days; paged and counted), details with the PEM, revocation with an RFC 5280 reason (through the ledger: audited,
 * on the CRL and OCSP), and what expires within N days. Another organization's certificate answers as one that
 * does not exist (404). Errors as {@link AdminAnswers} words them.
 */
@Path("admin/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiNames.TAG_ADMIN)
@SecurityRequirement(name = OpenApiNames.ADMIN_BASIC)
@APIResponse(responseCode = "401", ref = OpenApiNames.ADMIN_UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.ADMIN_FORBIDDEN)
@RolesAllowed(ADMIN) // the default of a method that names no roles
public class CertificateAdminResource {

    @EJB
    private CertificateInventory inventory;

    @EJB
    private DeviceRegistry devices;

    @Inject
    private CallerContext caller;

    @Context
    private SecurityContext security;

    /**
     * {@code ?status=valid|expired|revoked&device=<assetId>} (or {@code productKey} + {@code deviceKey})
     * {@code &serial=<hex>&subject=<substring>&expiringWithinDays=N&offset=0&limit=100} (limit at most 500):
     * {@code {at, total, offset, limit, certificates: [...]}}, newest first (soonest end first with
     * expiringWithinDays).
     */
    @GET
    @Path("orgs/{orgId}/certificates")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "Search the organization's certificates")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCertificates.Page.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response search(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "valid, expired or revoked (any letter case)") @QueryParam("status") String status,
            @Parameter(description = "the device by assetId (or productKey + deviceKey)")
            @QueryParam("device") String device,
            @Parameter(description = "the product") @QueryParam("productKey") String productKey,
            @Parameter(description = "with productKey: the device") @QueryParam("deviceKey") String deviceKey,
            @Parameter(description = "the serial number in hexadecimal (0x, colons and spaces allowed)")
            @QueryParam("serial") String serial,
            @Parameter(description = "a part of the subject DN") @QueryParam("subject") String subject,
            @Parameter(description = "only valid certificates whose notAfter is within N days, soonest first")
            @QueryParam("expiringWithinDays") String expiringWithinDays,
            @Parameter(description = "how many to skip") @QueryParam("offset") String offset,
            @Parameter(description = "how many at most") @QueryParam("limit") String limit,
            @Parameter(description = "issued, notAfter, subject or certSn, - first for descending (default -issued, "
                    + "notAfter with expiringWithinDays); certSn breaks ties") @QueryParam("sort") String sort) {
        return answer(200, () -> {
            Caller operator = operatorFor(orgId);
            CertificateQuery q = CertificateAdminRequests.query(null, status, serial, subject, expiringWithinDays,
                    offset, limit).orderedBy(CertificateColumn.parse(sort));
            DeviceIdentifier named = DeviceIdentifier.of(device, productKey, deviceKey);
            if (named.assetId() != null || named.productKey() != null || named.deviceKey() != null) {
                q = q.forDevice(devices.find(operator, named).getId());
            }
            return page(operator, q);
        });
    }

    /** What expires within {@code days} (default 30) days and is not revoked, soonest first; the search's shape. */
    @GET
    @Path("orgs/{orgId}/expiring")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "Certificates expiring within N days, not revoked")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCertificates.Page.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response expiring(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "within how many days (default 30)") @QueryParam("days") String days,
            @Parameter(description = "how many to skip") @QueryParam("offset") String offset,
            @Parameter(description = "how many at most") @QueryParam("limit") String limit) {
        return answer(200, () -> {
            Caller operator = operatorFor(orgId);
            return page(operator, CertificateAdminRequests.expiring(days, offset, limit));
        });
    }

    /** One certificate with its PEM. */
    @GET
    @Path("orgs/{orgId}/certificates/{certSn}")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "A certificate with its PEM")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCertificates.Details.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response details(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the certificate's number (EnOS certSn); another organization's answers 404")
            @PathParam("certSn") String certSn) {
        return answer(200, () -> {
            Caller operator = operatorFor(orgId);
            IssuedCertificate c = inventory.find(operator, CertificateAdminRequests.certSn(certSn));
            return CertificateAdminViews.details(c, Instant.now(), assetId(operator, c));
        });
    }

    /**
     * Revokes it with {@code {"reason": "keyCompromise"}} (RFC 5280 names; no body or no reason: unspecified):
     * 200 with the certificate as it now is; 409 when it is already revoked.
     */
    @POST
    @Path("orgs/{orgId}/certificates/{certSn}/revoke")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Revoke a certificate")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCertificates.Summary.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response revoke(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the certificate's number (EnOS certSn); another organization's answers 404")
            @PathParam("certSn") String certSn,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminCertificates.RevokeRequest.class))) String body) {
        return answer(200, () -> {
            Caller operator = operatorFor(orgId);
            long sn = CertificateAdminRequests.certSn(certSn);
            IssuedCertificate c = inventory.revoke(operator, sn, CertificateAdminRequests.reason(body));
            return CertificateAdminViews.summary(c, Instant.now(), assetId(operator, c));
        });
    }

    private JsonObject page(Caller operator, CertificateQuery q) {
        CertificatePage page = inventory.search(operator, q);
        List<Long> ids = page.certificates().stream().map(IssuedCertificate::getDeviceId).filter(Objects::nonNull)
                .distinct().toList();
        return CertificateAdminViews.page(page, devices.assetIds(operator, ids));
    }

    private String assetId(Caller operator, IssuedCertificate c) {
        if (c.getDeviceId() == null) {
            return null;
        }
        Map<Long, String> found = devices.assetIds(operator, List.of(c.getDeviceId()));
        return found.get(c.getDeviceId());
    }

    private Caller operatorFor(String orgId) {
        return AdminAnswers.operatorFor(security, caller, orgId);
    }
}
