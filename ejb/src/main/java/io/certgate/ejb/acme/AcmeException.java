package io.certgate.ejb.acme;

import io.certgate.domain.CertgateException;

/** An ACME request the rules refuse, with the RFC 8555 error kind its problem document names. Nothing is stored. */
public class AcmeException extends CertgateException {

    private static final long serialVersionUID = 1L;

    private final AcmeError error;
    /** For {@link AcmeError#CONFLICT}: the account URL a key already belongs to (RFC 8555 7.3.5). */
    private final String location;
    /** For {@link AcmeError#RATE_LIMITED}: when to try again (RFC 8555 6.6, Retry-After). */
    private final java.time.Duration retryAfter;

    public AcmeException(AcmeError error, String message) {
        this(error, message, null);
    }

    public AcmeException(AcmeError error, String message, String location) {
        this(error, message, location, null);
    }

    private AcmeException(AcmeError error, String message, String location, java.time.Duration retryAfter) {
        super(message);
        this.error = error;
        this.location = location;
        this.retryAfter = retryAfter;
    }

    /** A limit is reached: {@link AcmeError#RATE_LIMITED}, try again after this long. */
    public static AcmeException rateLimited(String message, java.time.Duration retryAfter) {
        return new AcmeException(AcmeError.RATE_LIMITED, message, null, retryAfter);
    }

    public AcmeError error() {
        return error;
    }

    public String location() {
        return location;
    }

    public java.time.Duration retryAfter() {
        return retryAfter;
    }
}
