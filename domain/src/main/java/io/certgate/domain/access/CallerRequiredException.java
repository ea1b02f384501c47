package io.certgate.domain.access;

import io.certgate.domain.CertgateException;

/** A business method that touches an organization's data was called without a caller of an organization. */
public class CallerRequiredException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public CallerRequiredException() {
        super("no authenticated caller of an organization");
    }
}
