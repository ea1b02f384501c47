package io.certgate.web.digicert;

import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.enrollment.CertificateOrder;
import io.certgate.domain.enrollment.OrderRequest;
import io.certgate.ejb.ca.CertificateLedger;
import io.certgate.ejb.enrollment.CertificateOrders;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import io.certgate.web.OpenApiNames;
import io.certgate.web.digicert.schema.DigiCertAccount;
import io.certgate.web.digicert.schema.DigiCertBodies;
import io.certgate.web.digicert.schema.DigiCertOrders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CertCentral certificates: download by format (by certificate or by order), chain, revoke. */
@Tag(name = OpenApiNames.TAG_DIGICERT)
@SecurityRequirement(name = OpenApiNames.DIGICERT_KEY)
@Path("services/v2/certificate")
public class DigiCertCertificateResource extends DigiCertResource {

    static final String FORMATS_ANSWER = "pem_all (certificate, issuing CA, root), pem_noroot, pem_nointermediate, crt "
            + "and pem (the certificate): PEM; p7b: PKCS#7 of the chain, PEM; cer: the same PKCS#7, DER; default, "
            + "apache, default_pem, default_cer: zip files of .crt, .pem or .cer files";
    static final String FORMAT_NAMES = "pem_all, pem_noroot, pem_nointermediate, crt, pem, p7b, cer, default, apache, "
            + "default_pem or default_cer";

    @EJB
    private CertificateOrders orders;

    @EJB
    private CertificateLedger ledger;


    @GET
    @Path("{certificateId}/download/format/{format}")
    @Operation(summary = "Download a certificate")
    @APIResponse(responseCode = "200", description = FORMATS_ANSWER, content = {
            @Content(mediaType = "application/x-pem-file", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/x-pkcs7-certificates", schema = @Schema(type = SchemaType.STRING,
                    format = "binary")),
            @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response download(
            @Parameter(description = "the certificate id (certgate's certSn)")
            @PathParam("certificateId") String certificateId,
            @Parameter(description = FORMAT_NAMES)
            @PathParam("format") String format) {
        return call(() -> download(orders.certificate(caller(), id(certificateId, "certificate")), format));
    }

    @GET
    @Path("download/order/{orderId}/format/{format}")
    @Operation(summary = "Download the order's certificate")
    @APIResponse(responseCode = "200", description = "as the download by certificate id", content = {
            @Content(mediaType = "application/x-pem-file", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/x-pkcs7-certificates", schema = @Schema(type = SchemaType.STRING,
                    format = "binary")),
            @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response downloadByOrder(
            @Parameter(description = "the order id") @PathParam("orderId") String orderId,
            @Parameter(description = FORMAT_NAMES)
            @PathParam("format") String format) {
        return call(() -> {
            CertificateOrder o = orders.find(caller(), id(orderId, "order"));
            if (o.getCertificate() == null) {
                throw new DigiCertRequestException(404, "not_found|certificate", "the order has no certificate yet");
            }
            return download(o.getCertificate(), format);
        });
    }

    /** The certificate in one of CertCentral's formats ({@link DigiCertFormats}); 400 invalid_format for another. */
    private Response download(IssuedCertificate cert, String format) {
        DigiCertFormats.Download d = DigiCertFormats.of(format, cert.getCertPem(),
                        DigiCertViews.commonName(cert.getSubjectDn()), ledger.chainAbove(cert), ledger.pkcs7(cert))
                .orElseThrow(() -> new DigiCertRequestException("invalid_format", "format must be one of "
                        + String.join(", ", DigiCertFormats.FORMATS)));
        Response.ResponseBuilder r = Response.ok(d.body()).header("Content-Type", d.contentType());
        if (DigiCertFormats.ZIP.equals(d.contentType()) || d.fileName().endsWith(".cer")) {
            r.header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"");
        }
        return r.build();
    }

    /**
     * {intermediates:[{subject_common_name, pem}]}: the certificate first, then its issuing CA and the root, as
     * clients such as Keyfactor's gateway read it.
     */
    @GET
    @Path("{certificateId}/chain")
    @Operation(summary = "The certificate's chain")
    @APIResponse(responseCode = "200", description = "the certificate, then its issuing CA, then the root",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertAccount.Chain.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response chain(
            @Parameter(description = "the certificate id (certgate's certSn)")
            @PathParam("certificateId") String certificateId) {
        return call(() -> {
            IssuedCertificate c = orders.certificate(caller(), id(certificateId, "certificate"));
            return json(200, Json.createObjectBuilder().add("intermediates", DigiCertViews.chain(c,
                    ledger.chainAbove(c))).build());
        });
    }

    /**
     * {revocation_reason, comments, skip_approval}: 201 with the revoke request, pending until an approver decides
     * (or approved at once: skip_approval by a key that may skip approval). The order stays active and reissuable.
     */
    @PUT
    @Path("{certificateId}/revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke a certificate", description = "A revoke request for this certificate only: the order "
            + "stays active and can be reissued. Pending until an approver decides; at once (CRL and OCSP) with "
            + "skip_approval by a key that may skip approval. 400 reissue_pending while a reissue of the order waits.")
    @APIResponse(responseCode = "201", description = "the revoke request", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DigiCertOrders.Revocation.class)))
    @APIResponse(responseCode = "4XX", ref = OpenApiNames.DIGICERT_ERROR)
    public Response revoke(
            @Parameter(description = "the certificate id (certgate's certSn), or its serial number or thumbprint")
            @PathParam("certificateId") String certificateId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DigiCertBodies.Revoke.class))) InputStream body) {
        return call(() -> {
            JsonObject b = DigiCertRequests.read(body);
            OrderRequest r = orders.revokeCertificate(caller(), orders.certificateByReference(caller(), certificateId)
                            .getCertSn(),
                    DigiCertOrderResource.reason(b), DigiCertRequests.string(b, "comments"),
                    DigiCertRequests.bool(b, "skip_approval"));
            return json(201, DigiCertOrderResource.revokeAnswer(r));
        });
    }

}
