package io.certgate.web.admin;

import jakarta.json.Json;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * An operator whose role does not allow the method ({@code @RolesAllowed}): 403 with the admin API's error body.
 * Unmapped, the runtime's ForbiddenException reached MicroProfile Metrics' catch-all mapper, which logged it as a
 * WARNING (CWPMI2006W) with a stack trace for every refused request: a refusal is the operator's mistake, nothing
 * to act on (Liberty's own CWWKS9104A audit line names the user and the resource).
 */
@Provider
public class RoleRefusals implements ExceptionMapper<ForbiddenException> {

    private static final Logger LOG = Logger.getLogger(RoleRefusals.class.getName());

    @Override
    public Response toResponse(ForbiddenException e) {
        LOG.fine(() -> "refused by role: " + e.getMessage());
        return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE).entity(body()).build();
    }

    /** The admin API's error body of a refusal by role (also the container's 403, before any resource runs). */
    public static String body() {
        return Json.createObjectBuilder().add("error", "forbidden").add("message", "the operator's role does not allow "
                + "this").build().toString();
    }
}
