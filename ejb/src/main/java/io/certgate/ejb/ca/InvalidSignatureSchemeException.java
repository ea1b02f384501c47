package io.certgate.ejb.ca;

import io.certgate.domain.CertgateException;

/** A signature hash or scheme the CA does not sign with, or one its key cannot make. */
public class InvalidSignatureSchemeException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public InvalidSignatureSchemeException(String message) {
        super(message);
    }
}
