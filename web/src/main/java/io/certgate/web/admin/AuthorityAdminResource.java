package io.certgate.web.admin;

import static io.certgate.web.admin.AdminAnswers.answer;
import static io.certgate.web.admin.AdminRoles.ADMIN;
import static io.certgate.web.admin.AdminRoles.APPROVER;
import static io.certgate.web.admin.AdminRoles.AUDITOR;

import io.certgate.domain.access.Caller;
import io.certgate.domain.ca.IssueAuthority;
import io.certgate.web.support.JsonFields;
import io.certgate.ejb.ca.AuthorityReports;
import io.certgate.ejb.ca.IssuingCaAdministration;
import io.certgate.ejb.ca.NamePolicies;
import io.certgate.ejb.ca.NameRules;
import io.certgate.ejb.common.InvalidArgumentException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

    @EJB
    private IssuingCaAdministration administration;

    @EJB
    private NamePolicies namePolicies;

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

    @GET
    @Path("issuing-cas")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "The issuing CAs", description = "Every issuing CA under the roots: scope, generation, "
            + "state, whether it signs now, its current CRL and public URLs; a pending one shows its CSR")
    @APIResponse(responseCode = "200", description = "the issuing CAs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthorityViews.IssuingCaList.class)))
    public Response issuingCas() {
        return answer(200, () -> RecordJson.of(new AuthorityViews.IssuingCaList(
                administration.list(AdminAnswers.operator(security, caller)).stream()
                        .map(AuthorityViews.IssuingCaView::of).toList())));
    }

    @POST
    @Path("issuing-cas/rollover")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Rolls an issuing CA over", description = "A new generation of the scope's issuing CA that "
            + "signs its new leaves from activeFrom (at once when absent); the older generations keep publishing "
            + "CRLs and answering OCSP. Audited as ca.issuing.create")
    @APIResponse(responseCode = "201", description = "the new generation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthorityViews.IssuingCaView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response rollover(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuthorityViews.IssuingCaRollover.class))) String body) {
        return answer(201, () -> {
            Caller operator = AdminAnswers.operator(security, caller);
            jakarta.json.JsonObject json = AdminAnswers.body(body);
            String scope = AdminAnswers.string(json, "scope");
            IssueAuthority authority = IssueAuthority.parse(AdminAnswers.string(json, "authority")).orElseThrow(() ->
                    new InvalidArgumentException("authority must be RSA or ECC"));
            String at = AdminAnswers.string(json, "activeFrom");
            java.time.Instant activeFrom;
            try {
                activeFrom = at == null ? null : java.time.Instant.parse(at);
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidArgumentException("activeFrom must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
            }
            long id = administration.rollover(operator, scope, authority, activeFrom).getId();
            return view(operator, id);
        });
    }

    @POST
    @Path("issuing-cas/{id}/revoke")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed(ADMIN)
    @Operation(summary = "Revokes an issuing CA", description = "On its root's CRL and revoked for OCSP at once; its "
            + "leaves fail path validation; its scope's next certificate comes from a new generation. Body "
            + "{\"reason\": keyCompromise | superseded | cessationOfOperation | affiliationChanged | unspecified}. "
            + "Audited as ca.issuing.revoke")
    @APIResponse(responseCode = "200", description = "the revoked CA",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthorityViews.IssuingCaView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ADMIN_ERROR)
    public Response revoke(@Parameter(description = "the issuing CA's id") @PathParam("id") long id,
                           @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   schema = @Schema(implementation = AuthorityViews.IssuingCaRollover.class)))
                           String body) {
        return answer(200, () -> {
            Caller operator = AdminAnswers.operator(security, caller);
            administration.revoke(operator, id, CertificateAdminRequests.reason(body));
            return view(operator, id);
        });
    }

    @GET
    @Path("orgs/{orgId}/name-policy")
    @RolesAllowed({ADMIN, APPROVER, AUDITOR})
    @Operation(summary = "An organization's name policy", description = "The DNS suffixes, e-mail domains and IP "
            + "ranges its enterprise certificates may carry")
    @APIResponse(responseCode = "200", description = "the policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthorityViews.NamePolicyView.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response namePolicy(@Parameter(description = "the organization acted on") @PathParam("orgId") String orgId) {
        return answer(200, () -> {
            AdminAnswers.operatorFor(security, caller, orgId);
            return RecordJson.of(AuthorityViews.NamePolicyView.of(namePolicies.of(
                    io.certgate.domain.access.Caller.requireCredentialOrganization(orgId))));
        });
    }

    @PUT
    @Path("orgs/{orgId}/name-policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Replaces an organization's name policy", description = "Lists absent or empty leave "
            + "that kind open (except names other organizations hold and the server's own). Audited as "
            + "name-policy.replace")
    @APIResponse(responseCode = "200", description = "the policy as kept (lower case, ranges in CIDR)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthorityViews.NamePolicyView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response replaceNamePolicy(
            @Parameter(description = "the organization acted on") @PathParam("orgId") String orgId,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthorityViews.NamePolicyView.class))) String body) {
        return answer(200, () -> {
            Caller operator = AdminAnswers.operator(security, caller);
            jakarta.json.JsonObject json = AdminAnswers.body(body);
            return RecordJson.of(AuthorityViews.NamePolicyView.of(namePolicies.replace(operator, orgId,
                    new NameRules.Policy(
                            JsonFields.strings(json, "dnsSuffixes", 200, InvalidArgumentException::new),
                            JsonFields.strings(json, "emailDomains", 200, InvalidArgumentException::new),
                            JsonFields.strings(json, "ipRanges", 200, InvalidArgumentException::new)))));
        });
    }

    @PUT
    @Path("issuing-cas/{id}/certificate")
    @Consumes({"application/x-pem-file", MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed(ADMIN)
    @Operation(summary = "Imports a pending issuing CA's certificate", description = "Offline root: the certificate "
            + "the root ceremony signed for the CA's CSR (PEM). It must be a CA certificate for the CA's name and key, "
            + "signed by its root; the CA signs its scope's leaves from then on. Audited as ca.issuing.certify")
    @APIResponse(responseCode = "200", description = "the issuing CA",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthorityViews.IssuingCaView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response importIssuingCaCertificate(@Parameter(description = "the issuing CA's id") @PathParam("id") long id,
                                               @RequestBody(required = true, content = @Content(mediaType =
                                                       "application/x-pem-file", schema = @Schema(type =
                                                       org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                               .STRING))) String pem) {
        return answer(200, () -> {
            Caller operator = AdminAnswers.operator(security, caller);
            administration.importCertificate(operator, id, pem == null ? "" : pem);
            return view(operator, id);
        });
    }

    @PUT
    @Path("authorities/{authority}/crl")
    @Consumes({"application/pkix-crl", "application/x-pem-file", MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed(ADMIN)
    @Operation(summary = "Imports an offline root's CRL", description = "The CRL the root ceremony signed (DER, or "
            + "PEM X509 CRL): signed by the root, a CRL number above the served one, nextUpdate ahead. Served as the "
            + "root's CRL from then on. Audited as ca.root.crl.import")
    @APIResponse(responseCode = "204", description = "imported")
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ADMIN_ERROR)
    public Response importRootCrl(@Parameter(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                                          .enums.SchemaType.STRING, example = "RSA-G2"),
                                          description = "the root generation: RSA, ECC, RSA-G2 ...")
                                  @PathParam("authority") String authority,
                                  @RequestBody(required = true, content = @Content(mediaType = "application/pkix-crl",
                                          schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums
                                                  .SchemaType.STRING, format = "binary"))) byte[] body) {
        Response r = answer(200, () -> {
            Caller operator = AdminAnswers.operator(security, caller);
            io.certgate.domain.ca.RootId a = io.certgate.domain.ca.RootId.parse(authority).orElseThrow(() ->
                    new InvalidArgumentException("authority must be RSA, ECC or a later generation such as RSA-G2"));
            byte[] der = body == null ? new byte[0] : body;
            String text = new String(der, java.nio.charset.StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN X509 CRL-----")) {
                der = java.util.Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z0-9 ]+-----", "").trim());
            }
            administration.importRootCrl(operator, a, der);
            return jakarta.json.JsonValue.EMPTY_JSON_OBJECT;
        });
        return r.getStatus() == 200 ? Response.noContent().build() : r;
    }

    @POST
    @Path("roots")
    @Consumes({"application/x-pem-file", MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed(ADMIN)
    @Operation(summary = "Adds a root generation (root rollover)", description = "The self-signed root certificate "
            + "the root ceremony made with init --generation N (PEM; its key stays with the ceremony). New issuing CAs "
            + "of its algorithm are made under it from now on and wait for the ceremony to sign their CSRs (POST "
            + "issuing-cas/rollover makes one); the older roots stay trusted and published. Audited as ca.root.add")
    @APIResponse(responseCode = "201", description = "the roots, with the new generation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthorityList.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.ADMIN_ERROR)
    public Response addRoot(@RequestBody(required = true, content = @Content(mediaType = "application/x-pem-file",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
                            String pem) {
        return answer(201, () -> {
            administration.addRoot(AdminAnswers.operator(security, caller), pem == null ? "" : pem);
            return RecordJson.of(AuthorityList.of(reports.current()));
        });
    }

    /** One issuing CA as the list shows it (after a change: as it is now). */
    private jakarta.json.JsonValue view(Caller operator, long id) {
        return RecordJson.of(AuthorityViews.IssuingCaView.of(administration.list(operator).stream()
                .filter(r -> r.ca().getId() == id).findFirst().orElseThrow()));
    }

}
