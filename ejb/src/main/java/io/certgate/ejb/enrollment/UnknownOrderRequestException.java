package io.certgate.ejb.enrollment;

import io.certgate.domain.CertgateException;

/** Not an object of the caller's organization (another organization's looks the same). */
public class UnknownOrderRequestException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownOrderRequestException() {
        super("no such request");
    }
}
