package io.certgate.web.pki;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.domain.ca.RootId;
import io.certgate.ejb.ca.CertificateAuthorities;
import io.certgate.ejb.ca.CrlPublisher;
import io.certgate.ejb.ca.IssuingAuthorities;
import io.certgate.ejb.ca.LoadedIssuingCa;
import io.certgate.ejb.ca.OcspResponder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import io.certgate.web.OpenApiNames;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * GET /enos/CA/cacert[/RSA|/ECC] (PEM), /enos/CA/crl/{RSA|ECC} (DER) and the OCSP responder at /enos/CA/ocsp,
 * as certificates point at them.
 */
@Path("enos/CA")
@Tag(name = OpenApiNames.TAG_PKI)
public class PublicPkiResource {

    static final String PEM = "application/x-pem-file";
    static final String OCSP_RESPONSE = "application/ocsp-response";

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private CrlPublisher crls;

    @EJB
    private OcspResponder ocsp;

    @EJB
    private IssuingAuthorities issuing;

    /** OCSP over POST (RFC 6960 A.1): a DER request body of at most 16 KiB. */
    @POST
    @Path("ocsp")
    @Consumes(MediaType.WILDCARD)
    @Produces(OCSP_RESPONSE)
    @Operation(summary = "OCSP (RFC 6960) over POST", description = "Every CA: good, revoked (with reason) or "
            + "unknown, signed by the certificate's issuer (an issuing CA for leaves, a root for issuing CAs).")
    @APIResponse(responseCode = "200", description = "the OCSP response (DER)", content = @Content(
            mediaType = OCSP_RESPONSE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "413", description = "a request over 16 KiB")
    public Response ocspPost(@RequestBody(content = @Content(mediaType = "application/ocsp-request",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))) InputStream body) {
        byte[] der;
        try {
            der = readBounded(body, 16 * 1024);
        } catch (IOException e) {
            return Response.status(413).build();
        }
        return Response.ok(ocsp.respond(der)).type(OCSP_RESPONSE).build();
    }

    /** OCSP over GET: the base64 DER request as the last path segment. */
    @GET
    @Path("ocsp/{request: .+}")
    @Produces(OCSP_RESPONSE)
    @Operation(summary = "OCSP (RFC 6960) over GET", description = "The base64 DER request as the last path segment.")
    @APIResponse(responseCode = "200", description = "the OCSP response (DER)", content = @Content(
            mediaType = OCSP_RESPONSE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response ocspGet(@PathParam("request") String encoded) {
        byte[] der;
        try {
            // the path parameter arrives decoded; a '+' that a client left unencoded may have become a space
            der = Base64.getDecoder().decode(encoded.replace(' ', '+'));
        } catch (IllegalArgumentException e) {
            der = new byte[0];
        }
        return Response.ok(ocsp.respond(der)).type(OCSP_RESPONSE).header("Cache-Control", "max-age=60").build();
    }

    private static byte[] readBounded(InputStream in, int limit) throws IOException {
        byte[] data = in.readNBytes(limit + 1);
        if (data.length > limit) {
            throw new IOException("too large");
        }
        return data;
    }

    @GET
    @Path("cacert")
    @Produces(PEM)
    @Operation(summary = "Both roots (RSA, then ECC), PEM")
    @APIResponse(responseCode = "200", description = "PEM", content = @Content(mediaType = PEM,
            schema = @Schema(type = SchemaType.STRING)))
    public String allRoots() {
        return authorities.certificatePem(IssueAuthority.RSA) + authorities.certificatePem(IssueAuthority.ECC);
    }

    @GET
    @Path("cacert/{authority}")
    @Produces(PEM)
    @Operation(summary = "One root generation, PEM", description = "RSA and ECC: the first generation; RSA-G2 "
            + "and on: generations added by root rollover")
    @APIResponse(responseCode = "200", description = "PEM", content = @Content(mediaType = PEM,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "no such root")
    public String root(@Parameter(schema = @Schema(type = SchemaType.STRING, example = "RSA-G2"))
                       @PathParam("authority") String authority) {
        RootId root = rootId(authority);
        if (root.isFirst()) {
            return authorities.certificatePem(root.authority());
        }
        try {
            return io.certgate.ejb.ca.Pem.certificate(issuing.root(root));
        } catch (jakarta.ejb.EJBException | io.certgate.ejb.ca.UnknownRootException e) {
            throw new NotFoundException();
        }
    }

    @GET
    @Path("crl/{authority}")
    @Produces("application/pkix-crl")
    @Operation(summary = "The root's current CRL (DER)", description = "Its revoked issuing CAs (and leaves it "
            + "signed itself before the hierarchy); a new CRL number follows every change and at least every hour.")
    @APIResponse(responseCode = "200", description = "DER", content = @Content(mediaType = "application/pkix-crl",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response crl(@Parameter(schema = @Schema(type = SchemaType.STRING, example = "RSA-G2"))
                        @PathParam("authority") String authority) {
        RootId a = rootId(authority);
        try {
            return Response.ok(crls.currentCrl(a)).header("Cache-Control", "max-age=60").build();
        } catch (jakarta.ejb.EJBException | io.certgate.ejb.ca.NoRootCrlException e) {
            if (e instanceof io.certgate.ejb.ca.NoRootCrlException
                    || e.getCause() instanceof io.certgate.ejb.ca.NoRootCrlException) {
                return Response.status(404).type("text/plain").entity("the " + a + " root is offline and no CRL "
                        + "from its ceremony has been imported yet\n").build();
            }
            throw e;
        }
    }

    @GET
    @Path("ca/{id}/cert")
    @Produces("application/pkix-cert")
    @Operation(summary = "An issuing CA's certificate (DER)", description = "What the authority information access "
            + "(caIssuers) of its leaves points at.")
    @APIResponse(responseCode = "200", description = "DER", content = @Content(mediaType = "application/pkix-cert",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "no such issuing CA, or it has no certificate yet")
    public Response issuingCaCertificate(@Parameter(description = "the issuing CA's id") @PathParam("id") String id) {
        try {
            return Response.ok(issuingCa(id).certificate().getEncoded()).type("application/pkix-cert")
                    .header("Cache-Control", "max-age=3600").build();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("ca/{id}/chain")
    @Produces(PEM)
    @Operation(summary = "An issuing CA's certificate and its root (PEM)", description = "The chain above its leaves, "
            + "nearest first: what a device presents with its certificate, or a relying party pins.")
    @APIResponse(responseCode = "200", description = "PEM", content = @Content(mediaType = PEM,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "no such issuing CA, or it has no certificate yet")
    public String issuingCaChain(@Parameter(description = "the issuing CA's id") @PathParam("id") String id) {
        return io.certgate.ejb.ca.Pem.certificates(issuing.chainOf(issuingCa(id)));
    }

    @GET
    @Path("ca/{id}/crl")
    @Produces("application/pkix-crl")
    @Operation(summary = "An issuing CA's current CRL (DER)", description = "Its revoked leaves; a new CRL number "
            + "follows every change of the revocations and at least every hour.")
    @APIResponse(responseCode = "200", description = "DER", content = @Content(mediaType = "application/pkix-crl",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "no such issuing CA, or it has no certificate yet")
    public Response issuingCaCrl(@Parameter(description = "the issuing CA's id") @PathParam("id") String id) {
        return Response.ok(crls.currentCrl(issuingCa(id))).header("Cache-Control", "max-age=60").build();
    }

    private LoadedIssuingCa issuingCa(String id) {
        long value;
        try {
            value = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        return issuing.byId(value).filter(c -> c.certificate() != null).orElseThrow(NotFoundException::new);
    }

    private static RootId rootId(String value) {
        return RootId.parse(value).orElseThrow(NotFoundException::new);
    }
}
