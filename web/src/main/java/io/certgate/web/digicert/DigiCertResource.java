package io.certgate.web.digicert;

import io.certgate.domain.access.Caller;
import io.certgate.web.support.CallerContext;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** What every CertCentral resource does: the caller of the key, JSON answers, errors in CertCentral's format. */
abstract class DigiCertResource {

    @Inject
    protected CallerContext callerContext;

    protected Caller caller() {
        return callerContext.caller();
    }

    protected Response call(Supplier<Response> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return DigiCertErrors.of(e, callerContext.requestId());
        }
    }

    static Response json(int status, JsonObject body) {
        return Response.status(status).header("Content-Type", DigiCertErrors.JSON).entity(body.toString()).build();
    }

    static long id(String value, String name) {
        try {
            long v = Long.parseLong(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new DigiCertRequestException(404, "not_found|" + name, "no such " + name);
    }
}
