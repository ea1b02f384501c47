package io.certgate.web.admin;

import io.certgate.domain.CertgateException;
import io.certgate.domain.access.Caller;
import io.certgate.domain.access.UnknownOrganizationException;
import io.certgate.domain.ca.CertificateAlreadyRevokedException;
import io.certgate.ejb.access.UnknownAccountException;
import io.certgate.ejb.ca.UnknownCertificateException;
import io.certgate.ejb.device.UnknownDeviceException;
import io.certgate.ejb.enrollment.DuplicateRaAccountException;
import io.certgate.ejb.enrollment.TransactionNotPendingException;
import io.certgate.ejb.enrollment.TransactionRejectedException;
import io.certgate.ejb.enrollment.UnknownOrderRequestException;
import io.certgate.ejb.enrollment.UnknownTransactionException;
import io.certgate.web.support.CallerContext;
import io.certgate.domain.access.Facade;
import io.certgate.web.support.ExceptionTable;
import io.certgate.web.support.Operators;
import io.certgate.web.support.Refusals;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.function.Supplier;

/**
 * What every admin API resource shares: the operator of the request acting on the organization the path names,
 * and the one table from business errors to answers. An error is {@code {"error": code, "message": text}} with
 * status 400 ({@code invalid_request}), 404 ({@code not_found}: unknown, or another organization's) or 409
 * ({@code conflict}: the state does not allow it).
 */
final class AdminAnswers {

    /** Business error -> HTTP status of the admin API (anything else that is a business error: 400). */
    static final ExceptionTable<Integer> STATUS = new ExceptionTable<Integer>(400)
            .map(UnknownTransactionException.class, 404)
            .map(DuplicateRaAccountException.class, 409)
            .map(UnknownOrderRequestException.class, 404)
            .map(UnknownAccountException.class, 404)
            .map(TransactionNotPendingException.class, 409)
            .map(TransactionRejectedException.class, 409)
            .map(UnknownCertificateException.class, 404)
            .map(UnknownDeviceException.class, 404)
            .map(UnknownOrganizationException.class, 404)
            .map(CertificateAlreadyRevokedException.class, 409)
            .map(io.certgate.ejb.binding.UnknownSelfEnrollmentException.class, 404)
            .map(io.certgate.ejb.binding.SelfEnrollmentDecidedException.class, 409)
            .map(io.certgate.ejb.product.UnknownProductException.class, 404)
            .map(io.certgate.ejb.access.UnknownCredentialException.class, 404)
            .map(io.certgate.ejb.access.UnknownOperatorException.class, 404)
            .map(io.certgate.ejb.access.CredentialDisabledException.class, 409)
            .map(io.certgate.ejb.access.DuplicateOperatorException.class, 409)
            .map(io.certgate.ejb.access.LastAdminException.class, 409)
            .map(io.certgate.ejb.access.OwnOperatorException.class, 409)
            .map(io.certgate.ejb.access.OperatorEnabledException.class, 409)
            .map(io.certgate.ejb.device.DuplicateDeviceKeyException.class, 409)
            .map(io.certgate.ejb.ca.UnknownRootException.class, 404);

    /** A refusal: its status and body. */
    record Refusal(int status, JsonObject body) {
    }

    private AdminAnswers() {
    }

    /** The operator of this request (the actor {@code admin:<user>}, whatever its role), acting on no organization. */
    static Caller operator(SecurityContext security, CallerContext caller) {
        return Operators.acting(security.getUserPrincipal(), caller);
    }

    /** The operator of this request, acting on the organization it names (as the console does: {@link Operators}). */
    static Caller operatorFor(SecurityContext security, CallerContext caller, String orgId) {
        return Operators.actingFor(security.getUserPrincipal(), caller, orgId);
    }

    /** A JSON object body; none is an empty object, anything else a 400. */
    static JsonObject body(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (jakarta.json.JsonReader r = Json.createReader(new java.io.StringReader(body))) {
            JsonValue v = r.readValue();
            if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                return v.asJsonObject();
            }
        } catch (RuntimeException e) { // JsonException, and Parsson's bare one for input nested too deeply
            // below
        }
        throw new io.certgate.ejb.common.InvalidArgumentException("the body must be a JSON object");
    }

    /** A string field of a body; absent is null, another type a 400. */
    static String string(JsonObject body, String name) {
        return io.certgate.web.support.JsonFields.string(body, name,
                io.certgate.ejb.common.InvalidArgumentException::new);
    }

    /** A boolean field of a body; absent is the default, another type a 400. */
    static boolean flag(JsonObject body, String name, boolean absent) {
        Boolean v = io.certgate.web.support.JsonFields.flag(body, name,
                io.certgate.ejb.common.InvalidArgumentException::new);
        return v == null ? absent : v;
    }

    /** A whole-number field of a body; absent is null, another type a 400. */
    static Long wholeNumber(JsonObject body, String name) {
        return io.certgate.web.support.JsonFields.wholeNumber(body, name,
                io.certgate.ejb.common.InvalidArgumentException::new);
    }

    /** A whole-number query parameter; absent or blank is the default, anything else a 400 naming it. */
    static int number(String name, String value, int absent) {
        return CertificateAdminRequests.number(name, value, absent);
    }

    static Response created(Supplier<? extends JsonValue> action) {
        return answer(201, action);
    }

    /** The answer, or the refusal for a business error; anything else is not the caller's doing and propagates. */
    static Response answer(int status, Supplier<? extends JsonValue> action) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(action.get().toString()).build();
        } catch (RuntimeException e) {
            Refusal r = refusal(e);
            if (r == null) {
                throw e;
            }
            Refusals.refused(Facade.ADMIN, r.body().getString("error"));
            return Response.status(r.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(r.body().toString()).build();
        }
    }

    /** The refusal for a business error (also one an EJB call wrapped); null for anything else. */
    static Refusal refusal(Throwable e) {
        Throwable t = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (!(t instanceof CertgateException ce)) {
            return null;
        }
        int status = STATUS.lookup(ce);
        return new Refusal(status, error(status, ce.getMessage()));
    }

    static JsonObject error(int status, String message) {
        String code = switch (status) {
            case 404 -> "not_found";
            case 409 -> "conflict";
            default -> "invalid_request";
        };
        return Json.createObjectBuilder().add("error", code).add("message", message == null ? code : message).build();
    }
}
