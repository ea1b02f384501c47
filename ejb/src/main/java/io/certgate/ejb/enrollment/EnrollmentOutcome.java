package io.certgate.ejb.enrollment;

import io.certgate.domain.enrollment.TransactionStatus;

/**
 * What an enroll, renew, pickup or approve produced: the transaction, its status, and the certificate as the
 * contract returns it (PEM, or base64 PKCS#7 for code signing) when issued.
 */
public record EnrollmentOutcome(String transactionId, TransactionStatus status, String certificate,
                                String serialNumber) {
}
