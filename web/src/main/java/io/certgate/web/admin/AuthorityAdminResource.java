package io.certgate.web.admin;

import static io.certgate.web.admin.AdminAnswers.answer;
import static io.certgate.web.admin.AdminRoles.ADMIN;
import static io.certgate.web.admin.AdminRoles.APPROVER;
import static io.certgate.web.admin.AdminRoles.AUDITOR;

import io.certgate.ejb.ca.AuthorityReports;
import io.certgate.web.admin.AuthorityViews.AuthorityList;
import io.certgate.web.OpenApiNames;
import io.certgate.web.support.CallerContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' API for the server's certificate authorities, as the console's CAs page shows them: each root
 * (subject, serial, validity, key), its current CRL (number, thisUpdate, nextUpdate: the CRL that
 * {@code /enos/CA/crl/*} serves), the download URLs, and where the keys are kept. Server data: every operator reads it.
 */
@Path("admin/api")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = OpenApiNames.ADMIN_BASIC)
@APIResponse(responseCode = "401", ref = OpenApiNames.ADMIN_UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.ADMIN_FORBIDDEN)
@RolesAllowed(ADMIN) // the default of a method that names no roles
@Tag(name = OpenApiNames.TAG_ADMIN)
public class AuthorityAdminResource {

    @EJB
    private AuthorityReports reports;

    @Inject
    private CallerContext caller;

    @Context
    private SecurityContext security;

    @GET
    @Path("authorities")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "The certificate authorities",
            description = "Each root with its current CRL and download URLs, and the key custody (pkcs12 or pkcs11)")
    @APIResponse(responseCode = "200", description = "the roots",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthorityList.class)))
    public Response authorities() {
        return answer(200, () -> {
            AdminAnswers.operator(security, caller); // names the operator in the request's log context
            return RecordJson.of(AuthorityList.of(reports.current()));
        });
    }
}
