package io.certgate.ejb.binding;

import io.certgate.ejb.common.CertgateException;

/** The certSn is not one of the device's certificates (or belongs to another device or organization). */
public class UnknownCertificateException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownCertificateException() {
        super("The certificate list bound to the device does not have the certificate, or the certificate is "
                + "bound to other devices.");
    }
}
