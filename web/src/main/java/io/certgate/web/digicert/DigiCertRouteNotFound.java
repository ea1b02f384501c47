package io.certgate.web.digicert;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An unknown route under /services/v2 answers in CertCentral's error format (not_found|route); others as before. */
@Provider
public class DigiCertRouteNotFound implements ExceptionMapper<NotFoundException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(NotFoundException e) {
        String path = uri == null ? "" : uri.getPath();
        if (path.startsWith("services/v2") || path.startsWith("/services/v2")) {
            return DigiCertErrors.error(404, "not_found|route", "The specified route was not found.");
        }
        return e.getResponse();
    }
}
