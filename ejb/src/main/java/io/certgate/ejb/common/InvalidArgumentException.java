package io.certgate.ejb.common;

import io.certgate.domain.CertgateException;

/** A request parameter is missing, malformed or out of range. */
public class InvalidArgumentException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(message);
    }
}
