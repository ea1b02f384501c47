package io.certgate.ejb.binding;

import io.certgate.domain.binding.SelfEnrollment;
import io.certgate.domain.ca.IssuedCertificate;

/**
 * What a device enrolling itself gets: its certificate (ISSUED), a request that waits for an operator
 * (PENDING, with the id operators decide by), or a request an operator refused (REJECTED).
 */
public record SelfEnrollmentOutcome(SelfEnrollment.Status status, IssuedCertificate certificate, Long requestId) {

    static SelfEnrollmentOutcome issued(IssuedCertificate certificate, Long requestId) {
        return new SelfEnrollmentOutcome(SelfEnrollment.Status.ISSUED, certificate, requestId);
    }

    static SelfEnrollmentOutcome of(SelfEnrollment request) {
        return new SelfEnrollmentOutcome(request.getStatus(), null, request.getId());
    }
}
