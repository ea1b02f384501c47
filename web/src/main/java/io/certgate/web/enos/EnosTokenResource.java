package io.certgate.web.enos;

import io.certgate.web.support.Jsons;
import io.certgate.ejb.access.ApiCredentials;
import io.certgate.ejb.access.DuplicateEncryptionException;
import io.certgate.ejb.access.InvalidEncryptionException;
import io.certgate.ejb.access.StaleTimestampException;
import io.certgate.ejb.access.TokenGrant;
import io.certgate.ejb.access.UnknownAppKeyException;
import io.certgate.ejb.common.MissingParameterException;
import io.certgate.domain.access.Facade;
import io.certgate.web.support.BoundedBody;
import io.certgate.web.support.Refusals;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import io.certgate.web.OpenApiNames;
import io.certgate.web.enos.schema.TokenService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The EnOS token service: {@code POST /apim-token-service/v2.0/token/get} with {appKey, encryption, timestamp}
 * answers {status: 0, msg, data: {accessToken, expire}}; errors carry the service's status codes
 * (1001 duplicate encryption, 1002 unknown appKey, 1003 bad encryption, 1004 bad parameter, 1005 internal
 * error, 1202 parameter required).
 */
@Path("apim-token-service/v2.0/token/get")
@Tag(name = OpenApiNames.TAG_ENOS_TOKEN)
public class EnosTokenResource {

    private static final Logger LOG = Logger.getLogger(EnosTokenResource.class.getName());

    /** The token service's status codes; 1005 (internal error) for anything unexpected. */
    private static final io.certgate.web.support.ExceptionTable<Integer> STATUS =
            new io.certgate.web.support.ExceptionTable<>(1005)
                    .map(MissingParameterException.class, 1202)
                    .map(DuplicateEncryptionException.class, 1001)
                    .map(UnknownAppKeyException.class, 1002)
                    .map(InvalidEncryptionException.class, 1003)
                    .map(StaleTimestampException.class, 1004)
                    .map(EnosRequestException.class, 1004)
                    .map(java.io.IOException.class, 1004);

    @EJB
    private ApiCredentials credentials;

    /** This request's id, in the log line of the grant and in the answer of an internal error. */
    @jakarta.inject.Inject
    private io.certgate.web.support.CallerContext caller;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Get an access token", description = "For a service account (appKey and appSecret, made by "
            + "the admin API); no other credential. Refusals are HTTP 200 with a non-zero status.")
    @APIResponse(responseCode = "200", description = "the token (status 0) or the refusal", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {TokenService.Granted.class,
                    TokenService.Refused.class})))
    public Response token(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TokenService.Request.class))) InputStream body) {
        try {
            JsonObject req = EnosRequest.of(new jakarta.ws.rs.core.MultivaluedHashMap<>(),
                    BoundedBody.read(body, 8 * 1024)).body();
            EnosRequest r = EnosRequest.of(new jakarta.ws.rs.core.MultivaluedHashMap<>(), req.toString());
            Long ts = r.integer("timestamp");
            TokenGrant grant = credentials.issueToken(r.string("appKey"), r.string("encryption"),
                    ts == null ? null : String.valueOf(ts), caller.requestId());
            return answer(0, "Success", Jsons.PROVIDER.createObjectBuilder().add("accessToken", grant.accessToken())
                    .add("expire", grant.expiresInSeconds()).build());
        } catch (Exception e) {
            Throwable t = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            Integer status = STATUS.lookup(t);
            if (status == 1202) {
                return answer(status, "parameter required: " + t.getMessage().replace("missing required parameter: ", ""), null);
            }
            if (status == 1004) {
                return answer(status, "bad parameter: " + t.getMessage(), null);
            }
            if (status != 1005) {
                return answer(status, t.getMessage(), null);
            }
            String requestId = caller.requestId();
            LOG.log(Level.SEVERE, "token service failed requestId=" + requestId, t);
            return answer(1005, "internal error; request id " + requestId, null);
        }
    }

    /** Every answer of the token service; a refused grant is a refusal and, but for 1005, a failed authentication. */
    private static Response answer(int status, String msg, JsonValue data) {
        if (status != 0) {
            Refusals.refused(Facade.ENOS, status);
            if (status != 1005) {
                Refusals.authenticationFailed(Facade.ENOS);
            }
        }
        JsonObjectBuilder b = Jsons.PROVIDER.createObjectBuilder().add("status", status).add("msg", msg);
        if (data != null) {
            b.add("data", data);
        }
        return Response.ok(b.build().toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).build();
    }
}
