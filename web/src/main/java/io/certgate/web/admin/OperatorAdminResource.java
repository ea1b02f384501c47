package io.certgate.web.admin;

import static io.certgate.web.admin.AdminAnswers.answer;
import static io.certgate.web.admin.AdminAnswers.created;
import static io.certgate.web.admin.AdminRoles.ADMIN;
import static io.certgate.web.admin.AdminRoles.APPROVER;
import static io.certgate.web.admin.AdminRoles.AUDITOR;

import io.certgate.domain.access.AdminUser;
import io.certgate.ejb.access.AdminUsers;
import io.certgate.ejb.access.AuditTrail;
import io.certgate.web.support.CallerContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import io.certgate.web.OpenApiNames;
import io.certgate.web.admin.schema.AdminOperators;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators and their roles: list, create (the generated password is shown once), change the role, disable, enable,
 * give a new password (shown once). The last enabled admin can be neither disabled nor demoted (409), and no operator
 * disables itself or changes its own role (409). Every change is
 * in the audit trail of operator changes ({@code GET /admin/api/operators/audit}). Errors as {@link AdminAnswers}
 * words them.
 */
@Path("admin/api/operators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiNames.TAG_ADMIN)
@SecurityRequirement(name = OpenApiNames.ADMIN_BASIC)
@APIResponse(responseCode = "401", ref = OpenApiNames.ADMIN_UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.ADMIN_FORBIDDEN)
@RolesAllowed(ADMIN) // the default of a method that names no roles
public class OperatorAdminResource {

    @EJB
    private AdminUsers operators;

    @EJB
    private AuditTrail audit;

    @Inject
    private CallerContext caller;

    @Context
    private SecurityContext security;

    /** {@code {operators: [{name, role, enabled, createdAt}]}} by name. */
    @GET
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "The operators")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminOperators.OperatorList.class)))
    public Response list() {
        return answer(200, () -> {
            AdminAnswers.operator(security, caller);
            JsonArrayBuilder a = Json.createArrayBuilder();
            for (AdminUser u : operators.list()) {
                a.add(view(u));
            }
            return Json.createObjectBuilder().add("operators", a).build();
        });
    }

    /** The newest records of operator changes (at most 1000), the organization audit's shape. */
    @GET
    @Path("audit")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "The newest records of operator changes")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = AdminOperators.AuditRecord.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response audit(
            @Parameter(description = "how many records at most (newest first; at most 1000)")
            @QueryParam("max") String max) {
        return answer(200, () -> {
            AdminAnswers.operator(security, caller);
            return AuditViews.records(audit.recentOperatorChanges(AdminAnswers.number("max", max, 100)));
        });
    }

    /** Body {@code {name, role}}: 201 with the operator and its generated {@code password} (shown once). */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Create an operator")
    @APIResponse(responseCode = "201", description = "created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminOperators.WithPassword.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response create(
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminOperators.OperatorRequest.class))) String body) {
        return created(() -> {
            JsonObject b = AdminAnswers.body(body);
            AdminUsers.WithPassword made = operators.create(AdminAnswers.operator(security, caller),
                    AdminAnswers.string(b, "name"), AdminAnswers.string(b, "role"));
            return view(made.operator()).add("password", made.password()).build();
        });
    }

    /** Body {@code {role}}: the operator with its new role; 409 for the last enabled admin. */
    @PUT
    @Path("{name}/role")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Change an operator's role")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminOperators.Operator.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response changeRole(
            @Parameter(description = "the operator's name") @PathParam("name") String name,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminOperators.RoleRequest.class))) String body) {
        return answer(200, () -> view(operators.changeRole(AdminAnswers.operator(security, caller), name,
                AdminAnswers.string(AdminAnswers.body(body), "role"))).build());
    }

    /**
     * The operator cannot sign in from the next request on; 409 for the last enabled admin, oneself, or one disabled.
     */
    @POST
    @Path("{name}/disable")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Disable an operator")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminOperators.Operator.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response disable(@Parameter(description = "the operator's name") @PathParam("name") String name) {
        return answer(200, () -> view(operators.disable(AdminAnswers.operator(security, caller), name)).build());
    }

    /** A disabled operator signs in again from the next request on; 409 when it is enabled. */
    @POST
    @Path("{name}/enable")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Enable a disabled operator")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminOperators.Operator.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response enable(@Parameter(description = "the operator's name") @PathParam("name") String name) {
        return answer(200, () -> view(operators.enable(AdminAnswers.operator(security, caller), name)).build());
    }

    /** A new generated password (shown once); the old one stops working at once. */
    @POST
    @Path("{name}/password")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Give an operator a new password")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminOperators.WithPassword.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response rotatePassword(@Parameter(description = "the operator's name") @PathParam("name") String name) {
        return answer(200, () -> {
            AdminUsers.WithPassword rotated = operators.rotatePassword(AdminAnswers.operator(security, caller), name);
            return view(rotated.operator()).add("password", rotated.password()).build();
        });
    }

    private static JsonObjectBuilder view(AdminUser u) {
        return Json.createObjectBuilder().add("name", u.getUsername()).add("role", u.getRole().roleName())
                .add("enabled", u.isEnabled()).add("createdAt", u.getCreatedAt().toString());
    }
}
