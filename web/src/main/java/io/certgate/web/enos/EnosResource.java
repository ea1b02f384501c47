package io.certgate.web.enos;

import io.certgate.domain.access.Caller;
import io.certgate.web.support.CallerContext;
import io.certgate.web.support.BoundedBody;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * What every EnOS resource does: {@code ?action=} dispatch for POST (and GET for reading actions; each resource
 * declares both endpoints, so that its OpenAPI description says what its actions take and answer), the body
 * read within its bound, the orgId every call must name checked against the caller's, and the EnOS envelope
 * around the answer or the error.
 */
public abstract class EnosResource {

    @Inject
    protected CallerContext caller;

    @Context
    protected UriInfo uriInfo;

    /** The actions this resource answers on GET. */
    protected abstract Set<String> readActions();

    /** Runs one action for the caller; throws {@link EnosRequestException} for an unknown one. */
    protected abstract JsonValue dispatch(String action, EnosRequest request, Caller caller);

    /** POST ?action=: each resource declares the endpoint (and its OpenAPI description) and calls this. */
    protected Response post(String action, InputStream body) {
        return handle(action, body);
    }

    /** GET ?action= for the reading actions only. */
    protected Response get(String action) {
        if (!readActions().contains(String.valueOf(action))) {
            return EnosResponses.error(caller.requestId(), String.valueOf(action), new EnosRequestException(
                    "invalid argument: GET supports action=" + String.join("|", readActions()) + " only"));
        }
        return handle(action, null);
    }

    protected Response handle(String action, InputStream body) {
        String text;
        try {
            text = BoundedBody.read(body, BoundedBody.DEFAULT_LIMIT);
        } catch (BoundedBody.BodyTooLargeException e) {
            return EnosResponses.withStatus(EnosResponses.error(caller.requestId(), String.valueOf(action),
                    new EnosRequestException("invalid argument: " + e.getMessage())), 413);
        } catch (IOException e) {
            return EnosResponses.error(caller.requestId(), String.valueOf(action),
                    new EnosRequestException("invalid argument: the request body cannot be read"));
        }
        String act = action == null ? "" : action;
        return EnosResponses.call(caller.requestId(), act, () -> {
            EnosRequest request = EnosRequest.of(uriInfo.getQueryParameters(), text);
            Caller who = caller.caller();
            who.scope(request.orgId()); // another organization's orgId answers as an unknown one
            return dispatch(act, request, who);
        });
    }

    protected static EnosRequestException unknownAction(String action, String expected) {
        return new EnosRequestException("invalid argument: unknown action '" + printable(action) + "'; expected "
                + expected);
    }

    static String printable(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9_.-]", "?");
        return clean.length() > 32 ? clean.substring(0, 32) + "..." : clean;
    }
}
