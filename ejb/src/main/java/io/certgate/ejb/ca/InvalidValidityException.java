package io.certgate.ejb.ca;

import io.certgate.domain.CertgateException;

/** A validity that cannot be: no days, or an end that is not in the future. */
public class InvalidValidityException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public InvalidValidityException(String message) {
        super(message);
    }
}
