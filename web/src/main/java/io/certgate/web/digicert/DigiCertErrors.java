package io.certgate.web.digicert;

import io.certgate.domain.CertgateException;
import io.certgate.domain.access.CallerRequiredException;
import io.certgate.domain.ca.CertificateAlreadyRevokedException;
import io.certgate.domain.ca.CertificateNotRenewableException;
import io.certgate.ejb.access.MissingCredentialException;
import io.certgate.ejb.ca.InvalidCsrException;
import io.certgate.ejb.ca.InvalidSignatureSchemeException;
import io.certgate.ejb.ca.InvalidValidityException;
import io.certgate.ejb.ca.UnknownCertificateException;
import io.certgate.ejb.enrollment.InvalidOrderException;
import io.certgate.ejb.enrollment.NotAnApproverException;
import io.certgate.ejb.enrollment.SelfApprovalException;
import io.certgate.ejb.enrollment.UnknownOrderCertificateException;
import io.certgate.ejb.enrollment.UnknownOrderException;
import io.certgate.ejb.enrollment.UnknownOrderRequestException;
import io.certgate.domain.access.Facade;
import io.certgate.web.support.ExceptionTable;
import io.certgate.web.support.Refusals;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * CertCentral's error answer, {@code {"errors":[{"code":"...","message":"..."}]}} with the matching 4xx and a
 * Content-Type of exactly {@code application/json} (some clients compare it literally), and the one table from
 * business exceptions to status and code.
 */
final class DigiCertErrors {

    private static final Logger LOG = Logger.getLogger(DigiCertErrors.class.getName());
    static final String JSON = "application/json";

    private record Error(int status, String code) {
    }

    private static final ExceptionTable<Error> TABLE = new ExceptionTable<>(new Error(400, "invalid_value"))
            .map(MissingCredentialException.class, new Error(401, "access_denied|invalid_api_key"))
            .map(CallerRequiredException.class, new Error(401, "access_denied|invalid_api_key"))
            .map(SelfApprovalException.class, new Error(403, "access_denied|invalid_approver"))
            .map(NotAnApproverException.class, new Error(403, "access_denied|invalid_approver"))
            .map(UnknownOrderException.class, new Error(404, "not_found|order"))
            .map(UnknownOrderRequestException.class, new Error(404, "not_found|request"))
            .map(UnknownOrderCertificateException.class, new Error(404, "not_found|certificate"))
            .map(UnknownCertificateException.class, new Error(404, "not_found|certificate"))
            .map(InvalidSignatureSchemeException.class, new Error(400, "invalid_signature_hash"))
            .map(InvalidValidityException.class, new Error(400, "invalid_value"))
            .map(CertificateAlreadyRevokedException.class, new Error(400, "already_revoked"))
            .map(CertificateNotRenewableException.class, new Error(400, "certificate_not_active"));

    private DigiCertErrors() {
    }

    static Response of(Throwable thrown, String requestId) {
        Throwable e = thrown;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof DigiCertRequestException r) {
            return error(r.status(), r.code(), r.getMessage());
        }
        if (e instanceof InvalidCsrException c) {
            return error(400, csrCode(c.reason()), c.getMessage());
        }
        if (e instanceof InvalidOrderException o) {
            return error(o.code().startsWith("not_found") ? 404 : 400, o.code(), o.getMessage());
        }
        if (e instanceof CertgateException ce) {
            Error err = TABLE.lookup(ce);
            return error(err.status(), err.code(), ce.getMessage());
        }
        LOG.log(Level.SEVERE, "DigiCert call failed unexpectedly requestId=" + requestId, e);
        return error(500, "internal_error", "internal error; request id " + requestId);
    }

    /**
     * CertCentral's codes for a CSR it cannot use: {@code csr_invalid_cannot_parse} (DigiCert's list: not a CSR at
     * all), {@code csr_invalid_key} (a key of another algorithm, size or curve), {@code csr_invalid_signature} (a hash
     * the policy does not allow, or a signature that does not verify), {@code csr_invalid_subject} (refused content).
     */
    static String csrCode(InvalidCsrException.Reason reason) {
        return switch (reason) {
            case CANNOT_PARSE -> "csr_invalid_cannot_parse";
            case KEY -> "csr_invalid_key";
            case SIGNATURE -> "csr_invalid_signature";
            case CONTENT -> "csr_invalid_subject";
        };
    }

    /** Domain control not shown yet: CertCentral's code for the method (400). */
    static Response dcvNotShown(String method, String domains) {
        String code = switch (method == null ? "" : method) {
            case "http-token" -> "file_random_value_not_found";
            case "dns-txt-token" -> "invalid_dns_txt";
            default -> "dcv_method_not_checkable";
        };
        return error(400, code, "domain control not shown yet for " + domains + " (dcv_method " + method + ")");
    }

    /** Every CertCentral error answer is made here, and counted as a refusal by its code. */
    static Response error(int status, String code, String message) {
        Refusals.refused(Facade.DIGICERT, code);
        String body = Json.createObjectBuilder().add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("code", code).add("message", message == null ? "" : message))).build().toString();
        return Response.status(status).header("Content-Type", JSON).entity(body).build();
    }
}
