package io.certgate.ejb.enrollment;

import io.certgate.domain.ca.IssuedCertificate;
import io.certgate.domain.enrollment.CertificateOrder;
import io.certgate.domain.enrollment.OrderRequest;

/**
 * What an order, reissue or duplicate came to: the order, its request, the certificate when it was issued at
 * once (else null), and the DCV token when domains still wait for validation by a token method (else null).
 */
public record OrderOutcome(CertificateOrder order, OrderRequest request, IssuedCertificate certificate,
                           String dcvRandomValue) {
}
