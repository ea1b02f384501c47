package io.certgate.web;

import io.certgate.web.digicert.schema.DigiCertError;
import io.certgate.web.enos.schema.EnosAnswers;
import io.certgate.web.admin.schema.AdminError;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * JAX-RS at the web module's root, so the contracts' paths are served exactly as their documents write them. Also
 * the OpenAPI document's head: its tags, the credentials of each facade ({@link OpenApiNames}) and the refusals that
 * many operations share.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
        info = @Info(title = "certgate", version = "0.1.0", description = "A certificate authority server: the EnOS "
                + "connect-service and token service, DigiCert CertCentral, EST, SCEP, ACME, the public PKI endpoints "
                + "and the operators' admin API. Vendor facades answer in their vendor's shapes and errors."),
        tags = {
                @Tag(name = OpenApiNames.TAG_ENOS, description = "EnOS connect-service v2.0/v2.1: products, devices, "
                        + "certificates. Every answer is the envelope {code, msg, requestId, data}; errors are HTTP 200 "
                        + "with a non-zero code"),
                @Tag(name = OpenApiNames.TAG_ENOS_TOKEN, description = "EnOS token service: access tokens for service "
                        + "accounts"),
                @Tag(name = OpenApiNames.TAG_DIGICERT, description = "DigiCert CertCentral services/v2; errors are "
                        + "{errors:[{code, message}]}"),
                @Tag(name = OpenApiNames.TAG_ADMIN, description = "Operators' API over HTTPS; errors are "
                        + "{error, message}"),
                @Tag(name = OpenApiNames.TAG_PKI, description = "Public PKI: CA certificates, CRLs, OCSP (no login)"),
                @Tag(name = OpenApiNames.TAG_ACME, description = "ACME (RFC 8555, RFC 9773 renewal information) per "
                        + "organization under /acme/{org}: requests are JWS (application/jose+json) signed by the "
                        + "account key, errors are problem documents (application/problem+json)")},
        components = @Components(responses = {
                @APIResponse(name = OpenApiNames.ENOS_REFUSED, description = "authentication refused (code 1202, 1203, "
                        + "1003, 1001 or 1004), or a body over 64 KiB (413, code 99400)", content = @Content(
                        mediaType = "application/json", schema = @Schema(implementation = EnosAnswers.Refusal.class))),
                @APIResponse(name = OpenApiNames.DIGICERT_ERROR, description = "CertCentral's error answer", content =
                        @Content(mediaType = "application/json", schema = @Schema(implementation = DigiCertError.class))),
                @APIResponse(name = OpenApiNames.ADMIN_ERROR, description = "invalid_request (400), not_found (404: "
                        + "unknown or another organization's) or conflict (409)", content = @Content(
                        mediaType = "application/json", schema = @Schema(implementation = AdminError.class))),
                @APIResponse(name = OpenApiNames.ADMIN_UNAUTHORIZED, description = "no or wrong operator credentials "
                        + "(HTTP BASIC challenge), or plain HTTP (redirected to HTTPS)"),
                @APIResponse(name = OpenApiNames.ADMIN_FORBIDDEN, description = "the operator's role may not do this: "
                        + "{error: forbidden, message} from the API's role check; an auditor's request other than GET is "
                        + "refused by the container before it, with no JSON body")}))
@SecurityScheme(securitySchemeName = OpenApiNames.ENOS_BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "an access token of the EnOS token service as Authorization: Bearer (what the EnOS Java SDK can "
                + "send)")
@SecurityScheme(securitySchemeName = OpenApiNames.ENOS_ACCESS_TOKEN, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "apim-accesstoken", description = "the access token, signed form")
@SecurityScheme(securitySchemeName = OpenApiNames.ENOS_TIMESTAMP, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "apim-timestamp", description = "epoch milliseconds, within 5 "
                + "minutes of the server's clock")
@SecurityScheme(securitySchemeName = OpenApiNames.ENOS_SIGNATURE, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "apim-signature", description = "sha256_hex(accessToken + "
                + "paramsData + timestamp + appSecret); paramsData: the query parameters sorted by name, each name "
                + "followed by its value, then the raw body. A signature is accepted once")
@SecurityScheme(securitySchemeName = OpenApiNames.DIGICERT_KEY, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "X-DC-DEVKEY", description = "a DigiCert API key of an "
                + "organization (made by the admin API); the key decides the organization")
@SecurityScheme(securitySchemeName = OpenApiNames.ADMIN_BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "an enabled operator (roles admin, approver, auditor), over HTTPS only")
public class CertgateApplication extends Application {
}
