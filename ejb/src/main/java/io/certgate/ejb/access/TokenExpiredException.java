package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** The access token is unknown or past its lifetime. */
public class TokenExpiredException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public TokenExpiredException() {
        super("the access token is invalid or expired");
    }
}
