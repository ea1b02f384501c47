package io.certgate.ejb.binding;

import io.certgate.ejb.common.CertgateException;

/** The certificate to renew is revoked or expired. */
public class CertificateNotRenewableException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public static final String REVOKED = "The original certificate has been revoked and cannot be updated.";
    public static final String EXPIRED = "The original certificate has expired and cannot be updated.";

    public CertificateNotRenewableException(String message) {
        super(message);
    }
}
