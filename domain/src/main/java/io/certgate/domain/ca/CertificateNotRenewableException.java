package io.certgate.domain.ca;

import io.certgate.domain.CertgateException;

/** A certificate that is revoked or expired cannot be renewed (nor reissued). */
public class CertificateNotRenewableException extends CertgateException {

    private static final long serialVersionUID = 1L;

    private final CertificateStatus status;

    public CertificateNotRenewableException(CertificateStatus status) {
        super("the original certificate is " + status.name().toLowerCase(java.util.Locale.ROOT)
                + " and cannot be renewed");
        this.status = status;
    }

    /** REVOKED or EXPIRED: each facade words them its own way. */
    public CertificateStatus status() {
        return status;
    }
}
