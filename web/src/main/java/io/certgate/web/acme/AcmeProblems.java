package io.certgate.web.acme;

import io.certgate.domain.CertgateException;
import io.certgate.domain.access.Facade;
import io.certgate.domain.ca.CertificateAlreadyRevokedException;
import io.certgate.ejb.acme.AcmeError;
import io.certgate.ejb.acme.AcmeException;
import io.certgate.ejb.ca.CompromisedKeyException;
import io.certgate.ejb.ca.InvalidCsrException;
import io.certgate.ejb.ca.NameNotAllowedException;
import io.certgate.ejb.ca.UnknownCertificateException;
import io.certgate.web.support.ExceptionTable;
import io.certgate.web.support.Refusals;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ACME's error answer (RFC 8555 6.7, RFC 7807): {@code application/problem+json} with the
 * {@code urn:ietf:params:acme:error:*} type, a detail and the status; the one table from the ACME module's error kinds
 * and the other business exceptions to type and status. Unexpected failures are {@code serverInternal} with the request
 * id, and logged; no stack trace reaches a client.
 */
final class AcmeProblems {

    private static final Logger LOG = Logger.getLogger(AcmeProblems.class.getName());
    static final String PROBLEM = "application/problem+json";
    static final String URN = "urn:ietf:params:acme:error:";

    record Problem(int status, String type) {
    }

    private static final Map<AcmeError, Problem> KINDS = new EnumMap<>(AcmeError.class);

    static {
        KINDS.put(AcmeError.BAD_NONCE, new Problem(400, "badNonce"));
        KINDS.put(AcmeError.MALFORMED, new Problem(400, "malformed"));
        KINDS.put(AcmeError.UNAUTHORIZED, new Problem(403, "unauthorized"));
        KINDS.put(AcmeError.ACCOUNT_DOES_NOT_EXIST, new Problem(400, "accountDoesNotExist"));
        KINDS.put(AcmeError.EXTERNAL_ACCOUNT_REQUIRED, new Problem(400, "externalAccountRequired"));
        KINDS.put(AcmeError.REJECTED_IDENTIFIER, new Problem(400, "rejectedIdentifier"));
        KINDS.put(AcmeError.UNSUPPORTED_IDENTIFIER, new Problem(400, "unsupportedIdentifier"));
        KINDS.put(AcmeError.BAD_SIGNATURE_ALGORITHM, new Problem(400, "badSignatureAlgorithm"));
        KINDS.put(AcmeError.BAD_PUBLIC_KEY, new Problem(400, "badPublicKey"));
        KINDS.put(AcmeError.ORDER_NOT_READY, new Problem(403, "orderNotReady"));
        KINDS.put(AcmeError.BAD_CSR, new Problem(400, "badCSR"));
        KINDS.put(AcmeError.ALREADY_REVOKED, new Problem(400, "alreadyRevoked"));
        KINDS.put(AcmeError.BAD_REVOCATION_REASON, new Problem(400, "badRevocationReason"));
        KINDS.put(AcmeError.INCORRECT_RESPONSE, new Problem(400, "incorrectResponse"));
        KINDS.put(AcmeError.CONNECTION, new Problem(400, "connection"));
        KINDS.put(AcmeError.DNS, new Problem(400, "dns"));
        KINDS.put(AcmeError.INVALID_CONTACT, new Problem(400, "invalidContact"));
        KINDS.put(AcmeError.UNSUPPORTED_CONTACT, new Problem(400, "unsupportedContact"));
        KINDS.put(AcmeError.NOT_FOUND, new Problem(404, "malformed"));
        KINDS.put(AcmeError.CONFLICT, new Problem(409, "malformed"));
        KINDS.put(AcmeError.ALREADY_REPLACED, new Problem(409, "alreadyReplaced")); // RFC 9773 5
        KINDS.put(AcmeError.RATE_LIMITED, new Problem(429, "rateLimited"));
        for (AcmeError e : AcmeError.values()) {
            if (!KINDS.containsKey(e)) {
                throw new IllegalStateException("no problem type for " + e);
            }
        }
    }

    private static final ExceptionTable<Problem> TABLE = new ExceptionTable<>(new Problem(400, "malformed"))
            .map(NameNotAllowedException.class, new Problem(400, "rejectedIdentifier"))
            .map(InvalidCsrException.class, new Problem(400, "badCSR"))
            .map(CompromisedKeyException.class, new Problem(400, "badCSR"))
            .map(CertificateAlreadyRevokedException.class, new Problem(400, "alreadyRevoked"))
            .map(UnknownCertificateException.class, new Problem(404, "malformed"));

    private AcmeProblems() {
    }

    /** The problem of a failure: an {@link AcmeException}'s kind, a business exception's row, else serverInternal. */
    static Response of(Throwable thrown, String requestId) {
        Throwable e = thrown;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof AcmeException a) {
            Problem p = KINDS.get(a.error());
            Response r = problem(p.status(), p.type(), a.getMessage());
            return a.retryAfter() == null ? r : Response.fromResponse(r).header("Retry-After",
                    a.retryAfter().toSeconds()).build();
        }
        if (e instanceof CertgateException ce) {
            Problem p = TABLE.lookup(ce);
            return problem(p.status(), p.type(), ce.getMessage());
        }
        LOG.log(Level.SEVERE, "ACME call failed unexpectedly requestId=" + requestId, e);
        return problem(500, "serverInternal", "internal error; request id " + requestId);
    }

    /** The wire type of an error kind (challenge and order errors in answers). */
    static String type(AcmeError error) {
        return URN + KINDS.get(error).type();
    }

    /** A problem document for the body of an order or a challenge. */
    static JsonObject document(String type, String detail) {
        return Json.createObjectBuilder().add("type", type).add("detail", detail == null ? "" : detail).build();
    }

    /** Every ACME error answer is made here, and counted as a refusal by its type. */
    static Response problem(int status, String type, String detail) {
        Refusals.refused(Facade.ACME, type);
        if ("unauthorized".equals(type) || "accountDoesNotExist".equals(type) || "externalAccountRequired".equals(type)) {
            Refusals.authenticationFailed(Facade.ACME);
        }
        String body = Json.createObjectBuilder().add("type", URN + type).add("detail", detail == null ? "" : detail)
                .add("status", status).build().toString();
        return Response.status(status).header("Content-Type", PROBLEM).entity(body).build();
    }
}
