package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** The request signature does not match the access token, parameters, body, timestamp and secret. */
public class InvalidSignatureException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public InvalidSignatureException() {
        super("apim-signature is invalid");
    }
}
