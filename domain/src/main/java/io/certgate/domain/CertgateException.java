package io.certgate.domain;

import jakarta.ejb.ApplicationException;

/**
 * A business error: something the caller asked for that the rules refuse. Each facade maps the concrete
 * subclass to its own error format; the message is written for the caller and never holds secrets.
 * Thrown from an EJB it rolls the transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class CertgateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected CertgateException(String message) {
        super(message, null, false, false);
    }
}
