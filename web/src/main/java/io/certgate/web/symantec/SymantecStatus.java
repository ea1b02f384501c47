package io.certgate.web.symantec;

import io.certgate.ejb.access.UnknownAccountException;
import io.certgate.domain.ca.CertificateAlreadyRevokedException;
import io.certgate.domain.ca.CertificateNotRenewableException;
import io.certgate.domain.access.CallerRequiredException;
import io.certgate.domain.ca.CertificateStatus;
import io.certgate.ejb.ca.UnknownCertificateException;
import io.certgate.ejb.enrollment.NotAnApproverException;
import io.certgate.ejb.enrollment.OriginalNotIssuedException;
import io.certgate.ejb.enrollment.SelfApprovalException;
import io.certgate.ejb.ca.InvalidCsrException;
import io.certgate.domain.CertgateException;
import io.certgate.ejb.common.MissingParameterException;
import io.certgate.ejb.common.ParameterTooLongException;
import io.certgate.ejb.enrollment.ChallengePhraseMismatchException;
import io.certgate.ejb.enrollment.TransactionNotPendingException;
import io.certgate.ejb.enrollment.TransactionRejectedException;
import io.certgate.ejb.enrollment.UnknownTransactionException;
import io.certgate.web.support.ExceptionTable;

/**
 * The StatusCode values of certgate's CertManager facade (the contract documents only 0x00; the README
 * publishes this table). One mapping from business exceptions, used by the form and the SOAP wire.
 */
enum SymantecStatus {
    SUCCESS("0x00"),
    MISSING_PARAMETER("0x01"),
    PARAMETER_TOO_LONG("0x02"),
    INVALID_PARAMETER("0x03"),
    INVALID_CSR("0x04"),
    UNKNOWN_TRANSACTION("0x05"),
    CHALLENGE_MISMATCH("0x06"),
    NOT_RENEWABLE("0x07"),
    NOT_PENDING("0x08"),
    REJECTED("0x09"),
    UNKNOWN_CERTIFICATE("0x0A"),
    ALREADY_REVOKED("0x0B"),
    AUTHENTICATION_REQUIRED("0x10"),
    NOT_PERMITTED("0x12"),
    REQUEST_TOO_LARGE("0x11"),
    INTERNAL_ERROR("0x99");

    private final String code;

    SymantecStatus(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** Business exception -> StatusCode; any other CertgateException is an invalid parameter (0x03). */
    private static final ExceptionTable<SymantecStatus> TABLE = new ExceptionTable<>(INVALID_PARAMETER)
            .map(MissingParameterException.class, MISSING_PARAMETER)
            .map(ParameterTooLongException.class, PARAMETER_TOO_LONG)
            .map(InvalidCsrException.class, INVALID_CSR)
            .map(UnknownTransactionException.class, UNKNOWN_TRANSACTION)
            .map(ChallengePhraseMismatchException.class, CHALLENGE_MISMATCH)
            .map(CertificateNotRenewableException.class, NOT_RENEWABLE)
            .map(OriginalNotIssuedException.class, NOT_RENEWABLE)
            .map(SelfApprovalException.class, NOT_PERMITTED)
            .map(NotAnApproverException.class, NOT_PERMITTED)
            .map(CallerRequiredException.class, AUTHENTICATION_REQUIRED)
            .map(TransactionNotPendingException.class, NOT_PENDING)
            .map(TransactionRejectedException.class, REJECTED)
            .map(UnknownCertificateException.class, UNKNOWN_CERTIFICATE)
            .map(CertificateAlreadyRevokedException.class, ALREADY_REVOKED)
            .map(UnknownAccountException.class, AUTHENTICATION_REQUIRED);

    static SymantecStatus of(CertgateException e) {
        return TABLE.lookup(e);
    }

    /** The Message for an exception of this status (EnOS-worded messages get CertManager wording). */
    static String message(SymantecStatus status, CertgateException e) {
        return switch (status) {
            case UNKNOWN_CERTIFICATE -> "no certificate with that serial number in this account's organization";
            case NOT_RENEWABLE -> e instanceof CertificateNotRenewableException n
                    ? "The original certificate has been " + (n.status() == CertificateStatus.REVOKED ? "revoked"
                            : "expired") + " and cannot be renewed." : e.getMessage();
            case INVALID_CSR -> "invalid CSR: " + e.getMessage();
            default -> e.getMessage();
        };
    }
}
