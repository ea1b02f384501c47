package io.certgate.ejb.acme;

import io.certgate.domain.CertgateException;

/** An ACME request the rules refuse, with the RFC 8555 error kind its problem document names. Nothing is stored. */
public class AcmeException extends CertgateException {

    private static final long serialVersionUID = 1L;

    private final AcmeError error;
    /** For {@link AcmeError#CONFLICT}: the account URL a key already belongs to (RFC 8555 7.3.5). */
    private final String location;

    public AcmeException(AcmeError error, String message) {
        this(error, message, null);
    }

    public AcmeException(AcmeError error, String message, String location) {
        super(message);
        this.error = error;
        this.location = location;
    }

    public AcmeError error() {
        return error;
    }

    public String location() {
        return location;
    }
}
