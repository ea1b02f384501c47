package io.certgate.web.admin;

import static io.certgate.web.admin.AdminAnswers.answer;
import static io.certgate.web.admin.AdminRoles.ADMIN;
import static io.certgate.web.admin.AdminRoles.APPROVER;
import static io.certgate.web.admin.AdminRoles.AUDITOR;

import io.certgate.domain.access.ApiCredential;
import io.certgate.domain.access.Caller;
import io.certgate.domain.access.CredentialKind;
import io.certgate.domain.access.RaAccount;
import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.ejb.access.ApiCredentials;
import io.certgate.ejb.enrollment.RaAccountCredentials;
import io.certgate.web.support.CallerContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import io.certgate.web.OpenApiNames;
import io.certgate.web.admin.schema.AdminCredentials;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.time.Instant;
import java.util.Locale;

/**
 * An organization's credentials as an operator sees and ends them: the list (never a secret), disabling and
 * rotating EnOS service accounts (a new appSecret shown once; the old one and its tokens stop working at once),
 * rotating DigiCert keys (a new key, the old one disabled), disabling RA accounts (their client certificate is
 * revoked). Creating them is {@link AdminResource}'s. Errors as {@link AdminAnswers} words them.
 */
@Path("admin/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiNames.TAG_ADMIN)
@SecurityRequirement(name = OpenApiNames.ADMIN_BASIC)
@APIResponse(responseCode = "401", ref = OpenApiNames.ADMIN_UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.ADMIN_FORBIDDEN)
@RolesAllowed(ADMIN) // the default of a method that names no roles
public class CredentialAdminResource {

    @EJB
    private ApiCredentials credentials;

    @EJB
    private RaAccountCredentials raAccounts;

    @Inject
    private CallerContext caller;

    @Context
    private SecurityContext security;

    /**
     * {@code {orgId, enosServiceAccounts: [{appKey, enabled, createdAt, createdBy}], digicertKeys: [{keyId, enabled,
     * createdAt, createdBy}], raAccounts: [{name, requireApproval, allowSpecificEndDate, approver, enabled, createdAt,
     * certificate: {certSn, serial, notAfter, status} | null}]}}.
     */
    @GET
    @Path("orgs/{orgId}/credentials")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "The organization's credentials (never a secret)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCredentials.CredentialList.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response list(@Parameter(description = "the organization acted on") @PathParam("orgId") String orgId) {
        return answer(200, () -> {
            Caller operator = operatorFor(orgId);
            JsonArrayBuilder enos = Json.createArrayBuilder();
            JsonArrayBuilder digiCert = Json.createArrayBuilder();
            for (ApiCredential c : credentials.list(operator)) {
                JsonObjectBuilder b = Json.createObjectBuilder()
                        .add(c.getKind() == CredentialKind.ENOS_APP ? "appKey" : "keyId", c.getKeyId())
                        .add("enabled", c.isEnabled()).add("createdAt", c.getCreatedAt().toString())
                        .add("createdBy", c.getCreatedBy());
                if (c.getKind() == CredentialKind.DIGICERT_KEY) {
                    b.add("role", c.getRole() == null ? "admin" : c.getRole());
                    if (c.getUserName() != null) {
                        b.add("user", c.getUserName());
                    }
                }
                (c.getKind() == CredentialKind.ENOS_APP ? enos : digiCert).add(b);
            }
            JsonArrayBuilder ra = Json.createArrayBuilder();
            Instant now = Instant.now();
            for (RaAccountCredentials.WithCertificate a : raAccounts.list(operator)) {
                ra.add(raAccount(a, now));
            }
            return Json.createObjectBuilder().add("orgId", orgId).add("enosServiceAccounts", enos)
                    .add("digicertKeys", digiCert).add("raAccounts", ra).build();
        });
    }

    @POST
    @Path("orgs/{orgId}/enos-service-accounts/{appKey}/disable")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Disable an EnOS service account")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCredentials.EnosServiceAccountDisabled.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response disableEnosServiceAccount(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the service account's appKey") @PathParam("appKey") String appKey) {
        return answer(200, () -> {
            credentials.disableEnosServiceAccount(operatorFor(orgId), appKey);
            return Json.createObjectBuilder().add("orgId", orgId).add("appKey", appKey).add("enabled", false).build();
        });
    }

    /** {@code {orgId, appKey, appSecret}} with the new secret, shown once. */
    @POST
    @Path("orgs/{orgId}/enos-service-accounts/{appKey}/rotate")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Rotate an EnOS service account's secret")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCredentials.EnosServiceAccount.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response rotateEnosSecret(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the service account's appKey") @PathParam("appKey") String appKey) {
        return answer(200, () -> {
            ApiCredentials.ServiceAccount a = credentials.rotateEnosSecret(operatorFor(orgId), appKey);
            return Json.createObjectBuilder().add("orgId", a.orgId()).add("appKey", a.appKey())
                    .add("appSecret", a.appSecret()).build();
        });
    }

    /** {@code {orgId, key, keyId, replaced}}: the new key (shown once) and the id of the one it replaced. */
    @POST
    @Path("orgs/{orgId}/digicert-keys/{keyId}/rotate")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Rotate a DigiCert API key")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCredentials.DigiCertKeyRotated.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response rotateDigiCertKey(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the DigiCert key's id: its first 12 characters")
            @PathParam("keyId") String keyId) {
        return answer(200, () -> {
            String key = credentials.rotateDigiCertKey(operatorFor(orgId), keyId);
            return Json.createObjectBuilder().add("orgId", orgId).add("key", key)
                    .add("keyId", ApiCredentials.digiCertKeyId(key)).add("replaced", keyId).build();
        });
    }

    /** The account can no longer enroll; its client certificate is revoked (privilegeWithdrawn). */
    @POST
    @Path("orgs/{orgId}/ra-accounts/{name}/disable")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Disable an RA account (its client certificate is revoked)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCredentials.RaAccountDisabled.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response disableRaAccount(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the RA account's name") @PathParam("name") String name) {
        return answer(200, () -> raAccount(raAccounts.disable(operatorFor(orgId), name), Instant.now())
                .add("orgId", orgId).build());
    }

    private static JsonObjectBuilder raAccount(RaAccountCredentials.WithCertificate w, Instant now) {
        RaAccount a = w.account();
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", a.getName())
                .add("requireApproval", a.isRequireApproval()).add("allowSpecificEndDate", a.isAllowSpecificEndDate())
                .add("approver", a.isApprover()).add("enabled", a.isEnabled())
                .add("createdAt", a.getCreatedAt().toString());
        IssuedCertificate c = w.certificate();
        if (c == null) {
            b.addNull("certificate");
        } else {
            b.add("certificate", Json.createObjectBuilder().add("certSn", c.getCertSn())
                    .add("serial", c.getSerialNumber()).add("notAfter", c.getNotAfter().toString())
                    .add("status", c.statusAt(now).name().toLowerCase(Locale.ROOT)));
        }
        return b;
    }

    private Caller operatorFor(String orgId) {
        return AdminAnswers.operatorFor(security, caller, orgId);
    }
}
