package io.certgate.web.admin;

import static io.certgate.web.admin.AdminAnswers.answer;
import static io.certgate.web.admin.AdminAnswers.created;
import static io.certgate.web.admin.AdminRoles.ADMIN;
import static io.certgate.web.admin.AdminRoles.APPROVER;
import static io.certgate.web.admin.AdminRoles.AUDITOR;

import io.certgate.domain.access.Caller;
import io.certgate.ejb.enrollment.EnrollmentOutcome;
import io.certgate.domain.enrollment.OrderRequest;
import io.certgate.domain.enrollment.OrgDomain;
import io.certgate.ejb.enrollment.CertificateOrders;
import io.certgate.ejb.enrollment.EnrollmentService;
import io.certgate.ejb.enrollment.RaAccountIssuer;
import io.certgate.ejb.access.ApiCredentials;
import io.certgate.ejb.access.DigiCertKeyRole;
import io.certgate.ejb.access.AuditTrail;
import io.certgate.ejb.access.Statistics;
import io.certgate.web.support.CallerContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import io.certgate.web.admin.schema.AdminCredentials;
import io.certgate.web.admin.schema.AdminDecisions;
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
import java.util.Map;

/**
 * Operators' API: create credentials of an organization (secrets shown once), decide pending CertManager
 * requests, read an organization's audit trail, counts. An operator acts on the organization it names; each method
 * names the operator roles that may call it ({@link AdminRoles}).
 */
@Path("admin/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiNames.TAG_ADMIN)
@SecurityRequirement(name = OpenApiNames.ADMIN_BASIC)
@APIResponse(responseCode = "401", ref = OpenApiNames.ADMIN_UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.ADMIN_FORBIDDEN)
@RolesAllowed(ADMIN) // the default of a method that names no roles
public class AdminResource {

    @EJB
    private ApiCredentials credentials;

    @EJB
    private AuditTrail audit;

    @EJB
    private Statistics statistics;

    @EJB
    private EnrollmentService enrollments;

    @EJB
    private RaAccountIssuer raAccountIssuer;

    @EJB
    private CertificateOrders certificateOrders;

    @EJB
    private io.certgate.ejb.binding.SelfEnrollments selfEnrollments;

    @Inject
    private CallerContext caller;

    @Context
    private SecurityContext security;

    @POST
    @Path("orgs/{orgId}/enos-service-accounts")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Create an EnOS service account")
    @APIResponse(responseCode = "201", description = "created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCredentials.EnosServiceAccount.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response createEnosServiceAccount(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId) {
        return created(() -> {
            ApiCredentials.ServiceAccount a = credentials.createEnosServiceAccount(operatorFor(orgId));
            return Json.createObjectBuilder().add("orgId", a.orgId()).add("appKey", a.appKey())
                    .add("appSecret", a.appSecret()).build();
        });
    }

    @POST
    @Path("orgs/{orgId}/digicert-keys")
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Create a DigiCert API key", description = "Optional body {role: admin|manager|user, user}: "
            + "the key's role (default admin) and the user behind it (default: the key is its own user).")
    @APIResponse(responseCode = "201", description = "created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCredentials.DigiCertKey.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response createDigiCertKey(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminCredentials.DigiCertKeyRequest.class))) String body) {
        return created(() -> {
            JsonObject b = AdminAnswers.body(body);
            DigiCertKeyRole role = DigiCertKeyRole.parse(AdminAnswers.string(b, "role"));
            String user = AdminAnswers.string(b, "user");
            JsonObjectBuilder a = Json.createObjectBuilder().add("orgId", orgId)
                    .add("key", credentials.createDigiCertKey(operatorFor(orgId), role, user))
                    .add("role", role.wireName());
            if (user != null && !user.isBlank()) {
                a.add("user", user.trim());
            }
            return a.build();
        });
    }

    /** The organization's DigiCert approval setting: {@code {secondApprover: true|false}}. */
    @PUT
    @Path("orgs/{orgId}/digicert-policy")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Require a second person for DigiCert approvals", description = "secondApprover true: nobody "
            + "approves (or skips approval of) a request that the same user placed, with any of its keys.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCredentials.DigiCertPolicy.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response digiCertPolicy(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminCredentials.DigiCertPolicy.class))) String body) {
        return answer(200, () -> {
            JsonValue v = AdminAnswers.body(body).get("secondApprover");
            if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
                throw new io.certgate.ejb.common.InvalidArgumentException("secondApprover must be true or false");
            }
            boolean required = certificateOrders.secondApprover(operatorFor(orgId), v == JsonValue.TRUE);
            return Json.createObjectBuilder().add("orgId", orgId).add("secondApprover", required).build();
        });
    }

    /**
     * A CertManager RA account of the organization with its TLS client certificate (issued through the ledger);
     * the PKCS#12 with certificate and key, and its password, are shown once. Body: {@code {name,
     * requireApproval, allowSpecificEndDate, approver}}.
     */
    @POST
    @Path("orgs/{orgId}/ra-accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Create a CertManager RA account with its client certificate")
    @APIResponse(responseCode = "201", description = "created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCredentials.NewRaAccount.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response createRaAccount(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminCredentials.RaAccountRequest.class))) String body) {
        return created(() -> {
            JsonObject b = AdminAnswers.body(body);
            RaAccountIssuer.NewRaAccount a = raAccountIssuer.create(operatorFor(orgId), AdminAnswers.string(b, "name"),
                    AdminAnswers.flag(b, "requireApproval", false), AdminAnswers.flag(b, "allowSpecificEndDate", false),
                    AdminAnswers.flag(b, "approver", false));
            return Json.createObjectBuilder().add("orgId", orgId).add("name", a.account().getName())
                    .add("requireApproval", a.account().isRequireApproval())
                    .add("allowSpecificEndDate", a.account().isAllowSpecificEndDate())
                    .add("approver", a.account().isApprover())
                    .add("p12", java.util.Base64.getEncoder().encodeToString(a.p12()))
                    .add("password", a.password()).build();
        });
    }

    /**
     * The organization's audit trail, newest first. With any of actor, action, from, to, offset, limit: one page of
     * the records that match, as the console's audit page filters them; with none (only {@code max}, the older
     * form): the plain array of the newest {@code max} (at most 1000).
     */
    @GET
    @Path("orgs/{orgId}/audit")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "The organization's audit trail, newest first, filtered and paged",
            description = "actor and action are case-insensitive substrings; from is inclusive, to exclusive "
                    + "(ISO-8601, UTC without an offset); a page {total, offset, limit, records}. Without any of "
                    + "actor, action, from, to, offset, limit, sort the answer is the older form: a plain array of the "
                    + "newest max records")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(oneOf = {AuditViews.AuditList.class, AuditViews.AuditRecords.class})))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response audit(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the older form: how many records at most (newest first; at most 1000); "
                    + "ignored with a filter or page") @QueryParam("max") String max,
            @Parameter(description = "a part of the actor, any letter case (admin: finds every operator)")
            @QueryParam("actor") String actor,
            @Parameter(description = "a part of the action, any letter case (revoke finds every revocation)")
            @QueryParam("action") String action,
            @Parameter(description = "from this time on (inclusive), e.g. 2026-11-01T10:15:00Z; UTC without an offset")
            @QueryParam("from") String from,
            @Parameter(description = "before this time (exclusive)") @QueryParam("to") String to,
            @Parameter(description = "how many to skip (default 0)") @QueryParam("offset") String offset,
            @Parameter(description = "how many at most (1..500, default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "at, actor or action, - first for descending (default -at); the record's id "
                    + "breaks ties") @QueryParam("sort") String sort) {
        if (!AdminPaging.any(actor, action, from, to, offset, limit, sort)) {
            return answer(200, () -> AuditViews.records(audit.recent(operatorFor(orgId),
                    AdminAnswers.number("max", max, 100))));
        }
        return answer(200, () -> {
            Caller operator = operatorFor(orgId);
            return RecordJson.of(AuditViews.AuditList.of(audit.search(operator,
                    AdminPaging.audit(actor, action, from, to, sort, AdminPaging.page(offset, limit)))));
        });
    }

    @GET
    @Path("stats")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "Row counts by table")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Long.class,
                    description = "rows per table")))
    public Response stats() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (Map.Entry<String, Long> e : statistics.counts().entrySet()) {
            b.add(e.getKey(), e.getValue());
        }
        return Response.ok(b.build().toString()).build();
    }

    /**
     * Decides a pending CertManager request as an operator (separation of duties: the operator is never the
     * requesting RA account; both identities go into the audit record).
     */
    @POST
    @Path("orgs/{orgId}/transactions/{transactionId}/{decision: approve|reject}")
    @RolesAllowed({ADMIN, APPROVER})
    @Operation(summary = "Approve or reject a pending CertManager transaction")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminDecisions.Transaction.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response decide(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the CertManager transaction") @PathParam("transactionId") String transactionId,
            @Parameter(description = "approve or reject") @PathParam("decision") String decision) {
        return answer(200, () -> {
            Caller operator = operatorFor(orgId);
            EnrollmentOutcome o = "approve".equals(decision) ? enrollments.approveAsOperator(operator, transactionId)
                    : enrollments.rejectAsOperator(operator, transactionId);
            JsonObjectBuilder b = Json.createObjectBuilder().add("orgId", orgId)
                    .add("transactionId", o.transactionId()).add("status", o.status().name().toLowerCase());
            if (o.serialNumber() != null) {
                b.add("serialNumber", o.serialNumber());
            }
            return b.build();
        });
    }

    /** Marks a domain of the organization validated for DigiCert orders (control shown by other means). */
    @POST
    @Path("orgs/{orgId}/domains/{name}/validate")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Mark a domain validated for DigiCert orders")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminDecisions.DomainValidated.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response validateDomain(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the domain name") @PathParam("name") String name) {
        return answer(200, () -> {
            OrgDomain d = certificateOrders.validateDomain(operatorFor(orgId), name);
            return Json.createObjectBuilder().add("orgId", orgId).add("name", d.getName())
                    .add("validatedAt", d.getValidatedAt().toString()).add("validatedBy", d.getValidatedBy()).build();
        });
    }

    /** Decides a pending DigiCert request as an operator (never the requesting key; both in the audit record). */
    @POST
    @Path("orgs/{orgId}/digicert-requests/{requestId}/{decision: approve|reject}")
    @RolesAllowed({ADMIN, APPROVER})
    @Operation(summary = "Approve or reject a pending DigiCert request")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminDecisions.DigiCertRequest.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response decideDigiCertRequest(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the request id") @PathParam("requestId") long requestId,
            @Parameter(description = "approve or reject") @PathParam("decision") String decision) {
        return answer(200, () -> {
            OrderRequest r = certificateOrders.decide(operatorFor(orgId), requestId, "approve".equals(decision), null);
            JsonObjectBuilder b = Json.createObjectBuilder().add("orgId", orgId).add("requestId", r.getId())
                    .add("status", r.getStatus());
            if (r.getCertificate() != null) {
                b.add("certificateId", r.getCertificate().getCertSn());
            }
            return b.build();
        });
    }

    /** Disables a DigiCert key of the organization (by its id: the key's first 12 characters). */
    @DELETE
    @Path("orgs/{orgId}/digicert-keys/{keyId}")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Disable a DigiCert API key")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminCredentials.DigiCertKeyDisabled.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response disableDigiCertKey(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the DigiCert key's id: its first 12 characters")
            @PathParam("keyId") String keyId) {
        return answer(200, () -> {
            credentials.disableDigiCertKey(operatorFor(orgId), keyId);
            return Json.createObjectBuilder().add("orgId", orgId).add("keyId", keyId).add("enabled", false).build();
        });
    }

    /**
     * A one-time enrollment secret for one device (EST Basic password, SCEP challenge password), shown once.
     * Body (optional): {@code {"validHours": 168}}.
     */
    @POST
    @Path("orgs/{orgId}/devices/{assetId}/enrollment-secrets")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(ADMIN)
    @Operation(summary = "A one-time enrollment secret for a device (EST, SCEP)")
    @APIResponse(responseCode = "201", description = "created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminDecisions.EnrollmentSecret.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response createEnrollmentSecret(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the device") @PathParam("assetId") String assetId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminDecisions.EnrollmentSecretRequest.class))) String body) {
        return created(() -> {
            Long validHours = AdminAnswers.wholeNumber(AdminAnswers.body(body), "validHours");
            long hours = validHours == null ? io.certgate.ejb.binding.SelfEnrollments.DEFAULT_SECRET_LIFETIME.toHours()
                    : validHours;
            if (hours < 1 || hours > io.certgate.ejb.binding.SelfEnrollments.MAX_SECRET_LIFETIME.toHours()) {
                throw new io.certgate.ejb.common.InvalidArgumentException("validHours must be between 1 and "
                        + io.certgate.ejb.binding.SelfEnrollments.MAX_SECRET_LIFETIME.toHours());
            }
            String secret = selfEnrollments.createSecret(operatorFor(orgId),
                    io.certgate.domain.device.DeviceIdentifier.of(assetId, null, null), java.time.Duration.ofHours(hours));
            return Json.createObjectBuilder().add("orgId", orgId).add("assetId", assetId).add("secret", secret)
                    .add("validHours", hours).build();
        });
    }

    /** Whether the product's devices wait for an operator when they enroll themselves (EST, SCEP). */
    @jakarta.ws.rs.PUT
    @Path("orgs/{orgId}/products/{productKey}/enrollment-approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Whether a product's devices wait for an operator when they enroll themselves")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminDecisions.EnrollmentApproval.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response setEnrollmentApproval(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the product") @PathParam("productKey") String productKey,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminDecisions.EnrollmentApprovalRequest.class))) String body) {
        return answer(200, () -> {
            boolean required = AdminAnswers.flag(AdminAnswers.body(body), "required", true);
            selfEnrollments.requireApproval(operatorFor(orgId), productKey, required);
            return Json.createObjectBuilder().add("orgId", orgId).add("productKey", productKey)
                    .add("required", required).build();
        });
    }

    /** Self-enrollment requests waiting for an operator (or decided, by status), oldest first. */
    @GET
    @Path("orgs/{orgId}/self-enrollments")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "Self-enrollment requests waiting for an operator")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminDecisions.PendingSelfEnrollments.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response pendingSelfEnrollments(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "pending (the default), issued or rejected: the decided ones with who decided "
                    + "and the comment (listed under pending all the same)") @QueryParam("status") String status) {
        return answer(200, () -> {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (io.certgate.domain.binding.SelfEnrollment r : selfEnrollments.inStatus(operatorFor(orgId),
                    AdminPaging.selfEnrollmentStatus(status))) {
                list.add(PendingViews.selfEnrollment(r));
            }
            return Json.createObjectBuilder().add("orgId", orgId).add("pending", list).build();
        });
    }

    /** Approves (issues now) or rejects a device's pending self-enrollment request. */
    @POST
    @Path("orgs/{orgId}/self-enrollments/{requestId}/{decision: approve|reject}")
    @RolesAllowed({ADMIN, APPROVER})
    @Operation(summary = "Approve (issue) or reject a device's self-enrollment request")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AdminDecisions.SelfEnrollment.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response decideSelfEnrollment(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @Parameter(description = "the request id") @PathParam("requestId") long requestId,
            @Parameter(description = "approve or reject") @PathParam("decision") String decision) {
        return answer(200, () -> {
            Caller operator = operatorFor(orgId);
            return PendingViews.selfEnrollment("approve".equals(decision) ? selfEnrollments.approve(operator, requestId)
                    : selfEnrollments.reject(operator, requestId)).build();
        });
    }


    /** The operator of this request, acting on the organization it names. */
    private Caller operatorFor(String orgId) {
        return AdminAnswers.operatorFor(security, caller, orgId);
    }
}
