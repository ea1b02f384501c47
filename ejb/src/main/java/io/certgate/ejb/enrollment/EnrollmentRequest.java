package io.certgate.ejb.enrollment;

/**
 * An enroll or renew request exactly as the caller sent it (every field a string, null when absent); the
 * rules in {@link EnrollmentRules} decide what is valid. The original_* fields are used by renew only.
 */
public record EnrollmentRequest(String firstName, String lastName, String email, String csr,
                                String certProductType, String serverType, String validityPeriod,
                                String specificEndDate, String challenge, String subjectAltNames,
                                String signatureAlgorithm, String ctLogOption, String originalCertificate,
                                String originalTransactionId, String originalChallenge) {
}
