package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** A signed request that was already received. */
public class ReplayedRequestException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public ReplayedRequestException() {
        super("the request was already received (replayed signature)");
    }
}
