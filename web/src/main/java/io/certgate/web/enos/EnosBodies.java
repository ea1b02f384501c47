package io.certgate.web.enos;

import io.certgate.web.support.BoundedBody;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.function.Function;

/** Reads an EnOS request body within the size bound and answers the envelope of what a handler returns. */
final class EnosBodies {

    private EnosBodies() {
    }

    static Response handle(String action, InputStream body, Function<String, Response> handler) {
        String text;
        try {
            text = BoundedBody.read(body, BoundedBody.DEFAULT_LIMIT);
        } catch (BoundedBody.BodyTooLargeException e) {
            Response r = EnosResponses.error(UUID.randomUUID().toString(), String.valueOf(action),
                    new EnosRequestException("invalid argument: " + e.getMessage()));
            return Response.fromResponse(r).status(Response.Status.REQUEST_ENTITY_TOO_LARGE).build();
        } catch (IOException e) {
            return EnosResponses.error(UUID.randomUUID().toString(), String.valueOf(action),
                    new EnosRequestException("invalid argument: the request body cannot be read"));
        }
        return handler.apply(text);
    }
}
