package io.certgate.domain.ca;

import io.certgate.domain.CertgateException;

/** Revoking a certificate that is already revoked. */
public class CertificateAlreadyRevokedException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public CertificateAlreadyRevokedException() {
        super("The certificate has already been revoked.");
    }
}
