package io.certgate.domain.access;

import io.certgate.domain.CertgateException;

/** The request names an organization other than the caller's: it answers as if that organization did not exist. */
public class UnknownOrganizationException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownOrganizationException() {
        super("Organization cannot be found");
    }
}
