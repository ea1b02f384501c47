package io.certgate.web.support;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the JAX-RS runtime refuses before any resource runs (a wrong method: 405 with Allow; an unacceptable Accept:
 * 406; an unsupported Content-Type: 415; a malformed parameter: 400 or 404) answers with the runtime's own status and
 * headers and an empty body. Unmapped, each reached MicroProfile Metrics' catch-all mapper, which logged a WARNING
 * (CWPMI2006W) with some 60 lines of stack per request: anyone could fill the log without credentials. These are the
 * caller's mistakes, logged at FINE. More specific mappers still win (DigiCert's 404 route, the admin API's 403 and
 * 400/404 bodies).
 */
@Provider
public class ClientErrors implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(ClientErrors.class.getName());

    @Override
    public Response toResponse(WebApplicationException e) {
        Response r = e.getResponse();
        int status = r == null ? 500 : r.getStatus();
        if (status >= 500) { // not the caller's doing: one line, no stack, nothing of it to the client
            LOG.log(Level.WARNING, "request failed with {0}: {1}", new Object[] {status, e.toString()});
            return Response.status(status).build();
        }
        LOG.fine(() -> "refused with " + status + ": " + e.getMessage());
        return Response.fromResponse(r).entity(null).build();
    }
}
