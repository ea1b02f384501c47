package io.certgate.web.admin;

import static io.certgate.web.admin.AdminAnswers.answer;
import static io.certgate.web.admin.AdminAnswers.created;
import static io.certgate.web.admin.AdminRoles.ADMIN;
import static io.certgate.web.admin.AdminRoles.APPROVER;
import static io.certgate.web.admin.AdminRoles.AUDITOR;

import io.certgate.domain.access.Caller;
import io.certgate.domain.acme.AcmeAccount;
import io.certgate.domain.acme.AcmeEabKey;
import io.certgate.ejb.acme.AcmeAccounts;
import io.certgate.web.OpenApiNames;
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
import io.certgate.web.admin.schema.AdminAcme;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' side of ACME: external account binding keys of an organization (made with the HMAC key shown once,
 * listed, disabled) and its ACME accounts (listed, deactivated). An organization gets an ACME directory
 * ({@code /acme/{org}/directory}) with its first binding key. Errors as {@link AdminAnswers} words them.
 */
@Path("admin/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiNames.TAG_ADMIN)
@SecurityRequirement(name = OpenApiNames.ADMIN_BASIC)
@APIResponse(responseCode = "401", ref = OpenApiNames.ADMIN_UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.ADMIN_FORBIDDEN)
@RolesAllowed(ADMIN)
public class AcmeAdminResource {

    private static final String JSON = MediaType.APPLICATION_JSON;

    @EJB
    private AcmeAccounts accounts;

    @Inject
    private CallerContext caller;

    @Context
    private SecurityContext security;

    /** {@code {orgId, keyId, hmacKey}}: the HMAC key (base64url) is shown this once. */
    @POST
    @Path("orgs/{orgId}/acme/eab-keys")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Makes an ACME external account binding key (the HMAC key is shown once)")
    @APIResponse(responseCode = "201", description = "the key", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = AdminAcme.EabKeyCreated.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response createEabKey(@Parameter(description = "the organization acted on") @PathParam("orgId") String orgId) {
        return created(() -> {
            AcmeAccounts.EabKeyCreated k = accounts.createEabKey(operatorFor(orgId));
            return Json.createObjectBuilder().add("orgId", k.orgId()).add("keyId", k.keyId())
                    .add("hmacKey", k.hmacKey()).build();
        });
    }

    @GET
    @Path("orgs/{orgId}/acme/eab-keys")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "The organization's ACME binding keys (never the HMAC key)")
    @APIResponse(responseCode = "200", description = "the keys", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = AdminAcme.EabKeyList.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response eabKeys(@Parameter(description = "the organization acted on") @PathParam("orgId") String orgId) {
        return answer(200, () -> {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (AcmeEabKey k : accounts.eabKeys(operatorFor(orgId))) {
                list.add(eabKey(k));
            }
            return Json.createObjectBuilder().add("orgId", orgId).add("eabKeys", list).build();
        });
    }

    @POST
    @Path("orgs/{orgId}/acme/eab-keys/{keyId}/disable")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Disables an ACME binding key")
    @APIResponse(responseCode = "200", description = "the key", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = AdminAcme.EabKey.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response disableEabKey(@Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
                                  @Parameter(description = "the key id") @PathParam("keyId") String keyId) {
        return answer(200, () -> eabKey(accounts.disableEabKey(operatorFor(orgId), keyId)).build());
    }

    @GET
    @Path("orgs/{orgId}/acme/accounts")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "The organization's ACME accounts, newest first")
    @APIResponse(responseCode = "200", description = "the accounts", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = AdminAcme.AccountList.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response accounts(@Parameter(description = "the organization acted on") @PathParam("orgId") String orgId) {
        return answer(200, () -> {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (AcmeAccount a : accounts.accounts(operatorFor(orgId))) {
                list.add(account(a));
            }
            return Json.createObjectBuilder().add("orgId", orgId).add("accounts", list).build();
        });
    }

    @POST
    @Path("orgs/{orgId}/acme/accounts/{id}/deactivate")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Deactivates an ACME account")
    @APIResponse(responseCode = "200", description = "the account", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = AdminAcme.Account.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response deactivate(@Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
                               @Parameter(description = "the account id") @PathParam("id") long id) {
        return answer(200, () -> account(accounts.deactivate(operatorFor(orgId), id)).build());
    }

    private static JsonObjectBuilder eabKey(AcmeEabKey k) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("keyId", k.getKeyId()).add("enabled", k.isEnabled())
                .add("createdAt", k.getCreatedAt().toString()).add("createdBy", k.getCreatedBy());
        if (k.getAccountId() != null) {
            b.add("accountId", k.getAccountId()).add("usedAt", k.getUsedAt().toString());
        }
        return b;
    }

    private static JsonObjectBuilder account(AcmeAccount a) {
        return Json.createObjectBuilder().add("id", a.getId()).add("status", a.getStatus().wire())
                .add("contact", a.getContact() == null ? "" : a.getContact().replace('\n', ' '))
                .add("eabKeyId", a.getEabKeyId() == null ? "" : a.getEabKeyId())
                .add("keyThumbprint", a.getKeyThumbprint()).add("createdAt", a.getCreatedAt().toString());
    }

    private Caller operatorFor(String orgId) {
        return AdminAnswers.operatorFor(security, caller, orgId);
    }
}
