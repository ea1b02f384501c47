package io.certgate.web.enos;

import io.certgate.web.support.Jsons;
import io.certgate.domain.access.Caller;
import io.certgate.ejb.binding.CertificateBindingService;
import io.certgate.ejb.ca.IssuingAuthorities;
import jakarta.ejb.EJB;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import io.certgate.web.OpenApiNames;
import io.certgate.web.enos.schema.EnosAnswers;
import io.certgate.web.enos.schema.EnosBodies;
import jakarta.ws.rs.GET;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * EnOS connect-service v2.0 certificates: {@code POST /connect-service/v2.0/certificates?action=apply|renew|
 * revoke|list} (documented form, identity in the query) and {@code POST .../certificates/{action}?action=..}
 * (the SDK's form, identity in the body); list also answers GET.
 */
@Path("connect-service/v2.0/certificates")
@Tag(name = OpenApiNames.TAG_ENOS)
@SecurityRequirementsSet(@SecurityRequirement(name = OpenApiNames.ENOS_BEARER))
@SecurityRequirementsSet({@SecurityRequirement(name = OpenApiNames.ENOS_ACCESS_TOKEN),
        @SecurityRequirement(name = OpenApiNames.ENOS_TIMESTAMP),
        @SecurityRequirement(name = OpenApiNames.ENOS_SIGNATURE)})
public class EnosCertificateResource extends EnosResource {

    @EJB
    private CertificateBindingService bindings;

    @EJB
    private IssuingAuthorities issuing;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply, renew, revoke or list certificates", description = "The documented form: orgId and "
            + "the device in the query. apply issues a certificate for the CSR and binds it to the device; renew "
            + "issues a new one for a valid certificate of the device (without a CSR: same subject and key); revoke "
            + "revokes one (CRL and OCSP); list answers the device's certificates. " + EnosOpenApi.ERRORS)
    @APIResponse(responseCode = "200", description = "the envelope: data the new certificate (apply, renew), the "
            + "revoked certSn (revoke) or the device's certificates (list)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {EnosAnswers.IssuedCertificate.class,
                    EnosAnswers.Revoked.class, EnosAnswers.CertificateList.class, EnosAnswers.Refusal.class})))
    @APIResponse(responseCode = "401", ref = OpenApiNames.ENOS_REFUSED)
    @APIResponse(responseCode = "413", ref = OpenApiNames.ENOS_REFUSED)
    public Response post(
            @Parameter(description = "what to do", required = true, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"apply", "renew", "revoke", "list", "get"})) @QueryParam("action") String action,
            @BeanParam EnosQuery query,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnosBodies.Certificate.class))) InputStream body) {
        return super.post(action, body);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a device's certificates", description = EnosOpenApi.ERRORS)
    @APIResponse(responseCode = "200", description = "the envelope: data the device's certificates", content =
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {
                    EnosAnswers.CertificateList.class, EnosAnswers.Refusal.class})))
    @APIResponse(responseCode = "401", ref = OpenApiNames.ENOS_REFUSED)
    public Response get(@Parameter(description = "list (or get)", required = true, schema = @Schema(
            type = SchemaType.STRING, enumeration = {"list", "get"})) @QueryParam("action") String action,
            @BeanParam EnosQuery query) {
        return super.get(action);
    }

    @POST
    @Path("{action}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Certificates in the EnOS Java SDK's form", description = "The action in the path (and, if "
            + "at all, the same in the query); orgId and the device {assetId | productKey, deviceKey} in the body, "
            + "certSN as a string. Answers as the documented form. " + EnosOpenApi.ERRORS)
    @APIResponse(responseCode = "200", description = "the envelope: data the new certificate (apply, renew), the "
            + "revoked certSn (revoke) or the device's certificates (list)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {EnosAnswers.IssuedCertificate.class,
                    EnosAnswers.Revoked.class, EnosAnswers.CertificateList.class, EnosAnswers.Refusal.class})))
    @APIResponse(responseCode = "401", ref = OpenApiNames.ENOS_REFUSED)
    @APIResponse(responseCode = "413", ref = OpenApiNames.ENOS_REFUSED)
    public Response postWithPathAction(
            @Parameter(description = "what to do", schema = @Schema(type = SchemaType.STRING, enumeration = {"apply",
                    "renew", "revoke", "list", "get"})) @PathParam("action") String pathAction,
            @Parameter(description = "the same action, if present") @QueryParam("action") String queryAction,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnosBodies.Certificate.class))) InputStream body) {
        if (queryAction != null && !queryAction.equals(pathAction)) {
            return EnosResponses.error(caller.requestId(), pathAction, new EnosRequestException(
                    "invalid argument: the action in the path and in the query differ"));
        }
        return handle(pathAction, body);
    }

    @Override
    protected Set<String> readActions() {
        return Set.of("list", "get");
    }

    @Override
    protected JsonValue dispatch(String action, EnosRequest req, Caller caller) {
        switch (action) {
            case "apply":
                return EnosCertificateAssembler.issued(bindings.apply(caller, req.device(), req.string("csr"),
                        req.smallInteger("validDay"), req.issueAuthority()), issuing);
            case "renew":
                return EnosCertificateAssembler.issued(bindings.renew(caller, req.device(), req.certSn(),
                        req.string("csr"), req.smallInteger("validDay"), req.issueAuthority()), issuing);
            case "revoke":
                long sn = req.certSn();
                bindings.revoke(caller, req.device(), sn, req.reason());
                return Jsons.PROVIDER.createValue(String.valueOf(sn));
            case "list":
            case "get":
                return EnosCertificateAssembler.list(bindings.list(caller, req.device()), Instant.now());
            default:
                throw unknownAction(action, "apply, renew, revoke or list");
        }
    }
}
