package io.certgate.ejb.ca;

import io.certgate.domain.CertgateException;

/** No such certificate for this caller: unknown, of another organization, or not bound to the named device. */
public class UnknownCertificateException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownCertificateException() {
        super("no such certificate");
    }
}
