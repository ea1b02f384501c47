package io.certgate.web.enos;

import io.certgate.web.support.Jsons;
import io.certgate.domain.ca.CertificateNotRenewableException;
import io.certgate.domain.ca.CertificateStatus;
import io.certgate.ejb.ca.InvalidCsrException;
import io.certgate.ejb.ca.InvalidValidityException;
import io.certgate.ejb.ca.UnknownCertificateException;
import io.certgate.ejb.ca.ValidityExceedsMaximumException;
import io.certgate.ejb.common.MissingParameterException;
import io.certgate.domain.CertgateException;
import io.certgate.ejb.device.DuplicateDeviceKeyException;
import io.certgate.ejb.device.UnknownDeviceException;
import io.certgate.ejb.product.UnknownProductException;
import io.certgate.ejb.access.InvalidSignatureException;
import io.certgate.ejb.access.MissingCredentialException;
import io.certgate.ejb.access.ReplayedRequestException;
import io.certgate.ejb.access.StaleTimestampException;
import io.certgate.ejb.access.TokenExpiredException;
import io.certgate.domain.access.CallerRequiredException;
import io.certgate.domain.access.UnknownOrganizationException;
import io.certgate.ejb.binding.KeyAlreadyBoundException;
import io.certgate.domain.access.Facade;
import io.certgate.web.support.ExceptionTable;
import io.certgate.web.support.Refusals;
import jakarta.ejb.EJBException;
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

    /** The one error path of the EnOS facade (also its authentication's): the code, counted as a refusal. */
    static Response error(String requestId, String action, Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof EnosRequestException) {
            return refusal(requestId, INVALID, e.getMessage());
        }
        if (e instanceof CertgateException ce) {
            return refusal(requestId, code(ce), message(action, ce));
        }
        LOG.log(Level.SEVERE, "EnOS " + action + " failed unexpectedly requestId=" + requestId, e);
        return refusal(requestId, INTERNAL, "Internal error of certificate service.");
    }

    private static Response refusal(String requestId, int code, String msg) {
        Refusals.refused(Facade.ENOS, code);
        return envelope(requestId, code, msg, null);
    }

    /** Business exception -> EnOS code; everything else a CertgateException says is 99400 (invalid argument). */
    private static final ExceptionTable<Integer> CODES = new ExceptionTable<>(INVALID)
            .map(UnknownDeviceException.class, NOT_FOUND)
            .map(UnknownProductException.class, NOT_FOUND)
            .map(UnknownOrganizationException.class, NOT_FOUND)
            .map(DuplicateDeviceKeyException.class, DUPLICATE)
            .map(KeyAlreadyBoundException.class, KEY_ALREADY_BOUND)
            .map(MissingCredentialException.class, 1202)
            .map(CallerRequiredException.class, 1202)
            .map(TokenExpiredException.class, 1203)
            .map(InvalidSignatureException.class, 1003)
            .map(ReplayedRequestException.class, 1001)
            .map(StaleTimestampException.class, 1004);

    static int code(CertgateException e) {
        return CODES.lookup(e);
    }

    /** EnOS's own wording of business errors (specs 000 and 001); other errors keep the business message. */
    static String message(String action, CertgateException e) {
        if (e instanceof InvalidCsrException) {
            return "Invalid cert request!message: " + e.getMessage() + ", detail message: " + action + " refused";
        }
        if (e instanceof MissingParameterException m) {
            return "Invalid Argument " + m.parameter() + ":" + m.parameter() + " is missing";
        }
        if (e instanceof CertificateNotRenewableException n) {
            return n.status() == CertificateStatus.REVOKED
                    ? "The original certificate has been revoked and cannot be updated."
                    : "The original certificate has expired and cannot be updated.";
        }
        if (e instanceof ValidityExceedsMaximumException) {
            return "The specified validity period exceeds the maximum certificate validity period of the product to "
                    + "which this device belongs.";
        }
        if (e instanceof InvalidValidityException) {
            return "invalid argument: validDay must be a positive number of days";
        }
        if (e instanceof UnknownCertificateException) {
            return "The certificate list bound to the device does not have the certificate, or the certificate is "
                    + "bound to other devices.";
        }
        return e.getMessage();
    }

    static Response withStatus(Response r, int status) {
        return Response.fromResponse(r).status(status).build();
    }

    static Response envelope(String requestId, int code, String msg, JsonValue data) {
        JsonObjectBuilder b = Jsons.PROVIDER.createObjectBuilder().add("code", code).add("msg", msg).add("requestId", requestId);
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
