package io.certgate.web.enos;

import io.certgate.ejb.ca.InvalidCsrException;
import io.certgate.ejb.common.CertgateException;
import io.certgate.ejb.device.DuplicateDeviceKeyException;
import io.certgate.ejb.device.UnknownDeviceException;
import io.certgate.ejb.product.UnknownProductException;
import io.certgate.ejb.access.InvalidSignatureException;
import io.certgate.ejb.access.MissingCredentialException;
import io.certgate.ejb.access.ReplayedRequestException;
import io.certgate.ejb.access.StaleTimestampException;
import io.certgate.ejb.access.TokenExpiredException;
import io.certgate.ejb.access.UnknownOrganizationException;
import io.certgate.ejb.binding.KeyAlreadyBoundException;
import io.certgate.web.support.ExceptionTable;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The EnOS envelope and the one mapping from business exceptions to EnOS codes. Every answer is HTTP 200
 * (the SDK loses code and msg on other statuses); unexpected failures are 99500 with a request id the log
 * carries, never a stack trace.
 */
final class EnosResponses {

    private static final Logger LOG = Logger.getLogger(EnosResponses.class.getName());

    static final int OK = 0;
    static final int NOT_FOUND = 11404;
    static final int DUPLICATE = 11702;
    static final int KEY_ALREADY_BOUND = 11833;
    static final int INVALID = 99400;
    static final int INTERNAL = 99500;

    private EnosResponses() {
    }

    /** Runs a call and answers its data, or the EnOS error it raised. */
    static Response call(String requestId, String action, Supplier<JsonValue> body) {
        try {
            return envelope(requestId, OK, "OK", body.get());
        } catch (RuntimeException e) {
            return error(requestId, action, e);
        }
    }

    static Response error(String requestId, String action, Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof EnosRequestException) {
            return envelope(requestId, INVALID, e.getMessage(), null);
        }
        if (e instanceof CertgateException ce) {
            return envelope(requestId, code(ce), message(action, ce), null);
        }
        LOG.log(Level.SEVERE, "requestId " + requestId + ": EnOS " + action + " failed unexpectedly", e);
        return envelope(requestId, INTERNAL, "Internal error of certificate service.", null);
    }

    /** Business exception -> EnOS code; everything else a CertgateException says is 99400 (invalid argument). */
    private static final ExceptionTable<Integer> CODES = new ExceptionTable<>(INVALID)
            .map(UnknownDeviceException.class, NOT_FOUND)
            .map(UnknownProductException.class, NOT_FOUND)
            .map(UnknownOrganizationException.class, NOT_FOUND)
            .map(DuplicateDeviceKeyException.class, DUPLICATE)
            .map(KeyAlreadyBoundException.class, KEY_ALREADY_BOUND)
            .map(MissingCredentialException.class, 1202)
            .map(TokenExpiredException.class, 1203)
            .map(InvalidSignatureException.class, 1003)
            .map(ReplayedRequestException.class, 1001)
            .map(StaleTimestampException.class, 1004);

    static int code(CertgateException e) {
        return CODES.lookup(e);
    }

    /** EnOS words CSR problems as "Invalid cert request!message: ..., detail message: ...". */
    static String message(String action, CertgateException e) {
        if (e instanceof InvalidCsrException) {
            return "Invalid cert request!message: " + e.getMessage() + ", detail message: " + action + " refused";
        }
        return e.getMessage();
    }

    static Response withStatus(Response r, int status) {
        return Response.fromResponse(r).status(status).build();
    }

    static Response envelope(String requestId, int code, String msg, JsonValue data) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("code", code).add("msg", msg).add("requestId", requestId);
        b.add("data", data == null ? JsonValue.NULL : data);
        return Response.ok(b.build().toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).build();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof EJBException || t.getClass() == RuntimeException.class) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
