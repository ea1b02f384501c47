package io.certgate.web.symantec;

import io.certgate.domain.access.Caller;
import io.certgate.domain.access.RaAccount;
import io.certgate.domain.ca.RevocationReason;
import io.certgate.domain.enrollment.TransactionStatus;
import io.certgate.ejb.enrollment.RaAuthentication;
import io.certgate.domain.CertgateException;
import io.certgate.ejb.enrollment.EnrollmentOutcome;
import io.certgate.ejb.enrollment.EnrollmentRequest;
import io.certgate.ejb.enrollment.EnrollmentService;
import io.certgate.ws.symantec.FaultType;
import io.certgate.ws.symantec.ResponseType;
import jakarta.ejb.EJBException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import io.certgate.web.support.CallerContext;
import io.certgate.web.support.Refusals;
import io.certgate.domain.access.Facade;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one CertManager operation from its fields (form parameter names) for the RA account that the TLS
 * client certificate identifies, and translates the outcome or the error into urn:symantec:api types.
 */
final class SymantecOperations {

    private static final Logger LOG = Logger.getLogger(SymantecOperations.class.getName());
    static final int MAX_OLD_STYLE_SANS = 20;

    private final EnrollmentService enrollments;
    private final RaAuthentication authentication;
    private final CallerContext caller;

    SymantecOperations(EnrollmentService enrollments, RaAuthentication authentication, CallerContext caller) {
        this.enrollments = enrollments;
        this.authentication = authentication;
        this.caller = caller;
    }

    /** The answer of a successful call; otherwise it throws, and {@link #error} translates what it threw. */
    ResponseType execute(String operation, X509Certificate clientCertificate, Map<String, String> f) {
        RaAccount account = authentication.authenticate(clientCertificate);
        caller.set("ra:" + account.getName(), account.getOrgId());
        Caller who = caller.caller();
        EnrollmentOutcome outcome = switch (operation) {
            case "enroll" -> enrollments.enroll(who, account, request(f));
            case "renew" -> enrollments.renew(who, account, request(f));
            case "pickup" -> enrollments.pickup(who, f.get("transaction_id"));
            case "approve" -> enrollments.approve(who, account, f.get("transaction_id"));
            case "reject" -> enrollments.reject(who, account, f.get("transaction_id"));
            case "revoke" -> enrollments.revoke(who, f.get("certSerial"), reason(f.get("reason")),
                    f.get("challenge"));
            default -> throw new SymantecRequestException(SymantecStatus.INVALID_PARAMETER,
                    "unknown operation; expected enroll, renew, pickup, revoke, approve or reject");
        };
        return success(operation, outcome);
    }

    static EnrollmentRequest request(Map<String, String> f) {
        return new EnrollmentRequest(f.get("firstName"), f.get("lastName"), f.get("email"), f.get("csr"),
                f.get("certProductType"), f.get("serverType"), f.get("validityPeriod"), f.get("specificEndDate"),
                f.get("challenge"), subjectAltNames(f), f.get("signatureAlgorithm"), f.get("ctLogOption"),
                f.get("original_certificate"), f.get("original_transaction_id"), f.get("original_challenge"));
    }

    /** subject_alt_names, or the older subject_alt_name1..20 fields joined the same way. */
    static String subjectAltNames(Map<String, String> f) {
        if (f.get("subject_alt_names") != null) {
            return f.get("subject_alt_names");
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : f.entrySet()) {
            if (e.getKey().startsWith("subject_alt_name") && e.getKey().length() > "subject_alt_name".length()) {
                String n = e.getKey().substring("subject_alt_name".length());
                int i;
                try {
                    i = Integer.parseInt(n);
                } catch (NumberFormatException ex) {
                    continue;
                }
                if (i < 1 || i > MAX_OLD_STYLE_SANS) {
                    throw new SymantecRequestException(SymantecStatus.INVALID_PARAMETER,
                            "subject_alt_name# goes from 1 to " + MAX_OLD_STYLE_SANS + "; use subject_alt_names");
                }
                if (e.getValue() != null && !e.getValue().isBlank()) {
                    b.append(b.length() == 0 ? "" : ",").append(e.getValue());
                }
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** RFC 5280 reason codes (0,1,3,4,5,6,9) or their names; absent means unspecified. */
    static RevocationReason reason(String value) {
        if (value == null || value.isBlank()) {
            return RevocationReason.UNSPECIFIED;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit) && v.length() <= 2) {
            return RevocationReason.ofCode(Integer.parseInt(v)).orElseThrow(SymantecOperations::badReason);
        }
        String normalized = v.replace("_", "").toLowerCase(Locale.ROOT);
        for (RevocationReason r : RevocationReason.values()) {
            if (r.name().replace("_", "").toLowerCase(Locale.ROOT).equals(normalized)) {
                return r;
            }
        }
        throw badReason();
    }

    private static SymantecRequestException badReason() {
        return new SymantecRequestException(SymantecStatus.INVALID_PARAMETER, "invalid value for reason: expected "
                + "0, 1, 3, 4, 5, 6, 9 or unspecified, keyCompromise, affiliationChanged, superseded, "
                + "cessationOfOperation, certificateHold, privilegeWithdrawn");
    }

    static ResponseType success(String operation, EnrollmentOutcome o) {
        ResponseType r = new ResponseType();
        r.setStatusCode(SymantecStatus.SUCCESS.code());
        r.setTransactionId(o.transactionId());
        if ("revoke".equals(operation)) {
            r.setMessage("revoked");
        } else if (o.status() == TransactionStatus.PENDING) {
            r.setMessage("pending");
        } else if (o.status() == TransactionStatus.REJECTED) {
            r.setMessage("rejected");
        } else {
            r.setMessage("success");
            r.setCertificate(o.certificate());
        }
        return r;
    }

    /** The one translation of what an operation threw (form and SOAP alike), counted as a refusal. */
    static SymantecError error(String operation, Throwable thrown, String requestId) {
        Throwable e = thrown;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof SymantecError se) {
            return se; // counted when it was made
        }
        if (e instanceof SymantecRequestException re) {
            return refusal(re.status(), re.getMessage());
        }
        if (e instanceof CertgateException ce) {
            SymantecStatus status = SymantecStatus.of(ce);
            if (status == SymantecStatus.AUTHENTICATION_REQUIRED) {
                LOG.info(() -> "CertManager " + operation + " refused: no client certificate of an enabled RA "
                        + "account that is valid in the ledger requestId=" + requestId);
                Refusals.authenticationFailed(Facade.CERTMANAGER);
            }
            return refusal(status, SymantecStatus.message(status, ce));
        }
        LOG.log(Level.SEVERE, "CertManager " + operation + " failed unexpectedly requestId=" + requestId, e);
        return refusal(SymantecStatus.INTERNAL_ERROR, "internal error; request id " + requestId);
    }

    /** A refusal with its StatusCode, counted once: every CertManager error answer is made here. */
    static SymantecError refusal(SymantecStatus status, String message) {
        Refusals.refused(Facade.CERTMANAGER, status.code());
        return new SymantecError(status, message);
    }

    /** An error answer: StatusCode and Message. */
    static final class SymantecError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final SymantecStatus status;

        SymantecError(SymantecStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        SymantecStatus status() {
            return status;
        }

        FaultType fault() {
            FaultType f = new FaultType();
            f.setStatusCode(status.code());
            f.setMessage(getMessage());
            return f;
        }

        ResponseType response() {
            ResponseType r = new ResponseType();
            r.setStatusCode(status.code());
            r.setMessage(getMessage());
            return r;
        }
    }
}
