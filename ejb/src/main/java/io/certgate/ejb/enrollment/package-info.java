/**
 * Enrollment transactions of the enterprise facades (Symantec CertManager today): enroll, renew, pickup,
 * revoke, approve, reject. The request rules of spec 002 live in {@link io.certgate.ejb.enrollment.EnrollmentRules}.
 */
package io.certgate.ejb.enrollment;
