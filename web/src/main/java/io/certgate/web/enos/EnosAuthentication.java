package io.certgate.web.enos;

import io.certgate.ejb.access.ApiCredentials;
import io.certgate.ejb.access.AuthenticatedCaller;
import io.certgate.web.support.CallerContext;
import io.certgate.web.support.BoundedBody;
import io.certgate.web.support.Refusals;
import io.certgate.domain.access.Facade;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;

/**
 * Authenticates every EnOS connect-service call before it reaches a resource: either the documented signed
 * form ({@code apim-accesstoken}, {@code apim-timestamp}, {@code apim-signature = sha256_hex(accessToken +
 * paramsData + timestamp + appSecret)}) or {@code Authorization: Bearer <access token>} (what the unmodified
 * EnOS Java SDK can send). Refusals are HTTP 401 with the EnOS envelope. The body is read (bounded) for the
 * signature and handed on unchanged.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class EnosAuthentication implements ContainerRequestFilter {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(EnosAuthentication.class.getName());

    @EJB
    private ApiCredentials credentials;

    @Inject
    private CallerContext caller;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("connect-service/") && !path.startsWith("/connect-service/")) {
            return;
        }
        try {
            AuthenticatedCaller who;
            String authorization = request.getHeaderString("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                who = credentials.authenticateBearer(authorization.substring(7).trim());
            } else {
                byte[] body;
                try {
                    body = BoundedBody.read(request.getEntityStream(), BoundedBody.DEFAULT_LIMIT)
                            .getBytes(StandardCharsets.UTF_8);
                } catch (BoundedBody.BodyTooLargeException e) {
                    request.abortWith(EnosResponses.withStatus(EnosResponses.error(caller.requestId(), "auth",
                            new EnosRequestException("invalid argument: " + e.getMessage())), 413));
                    return;
                }
                request.setEntityStream(new ByteArrayInputStream(body));
                who = credentials.authenticateSigned(request.getHeaderString("apim-accesstoken"),
                        request.getHeaderString("apim-timestamp"), request.getHeaderString("apim-signature"),
                        paramsData(request.getUriInfo().getQueryParameters(), new String(body, StandardCharsets.UTF_8)));
            }
            caller.set(who.actor(), who.orgId());
        } catch (RuntimeException e) {
            Throwable cause = e instanceof jakarta.ejb.EJBException && e.getCause() != null ? e.getCause() : e;
            LOG.info(() -> "EnOS authentication refused for " + path + ": " + cause.getMessage() + " requestId="
                    + caller.requestId());
            Refusals.authenticationFailed(Facade.ENOS);
            request.abortWith(EnosResponses.withStatus(EnosResponses.error(caller.requestId(), "auth", e), 401));
        }
    }

    /** Query parameters sorted by name, each name followed by its value, then the raw body. */
    static String paramsData(MultivaluedMap<String, String> query, String body) {
        StringBuilder b = new StringBuilder();
        for (var e : new TreeMap<>(query).entrySet()) {
            List<String> values = e.getValue();
            for (String v : values) {
                b.append(e.getKey()).append(v == null ? "" : v);
            }
        }
        return b.append(body == null ? "" : body).toString();
    }
}
