package io.certgate.ejb.ca;

import io.certgate.domain.CertgateException;

/** The CSR cannot be used: not PEM/PKCS#10, wrong key or algorithm for the authority, or a bad signature. */
public class InvalidCsrException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public InvalidCsrException(String message) {
        super(message);
    }
}
