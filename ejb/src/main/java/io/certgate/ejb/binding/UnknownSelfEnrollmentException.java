package io.certgate.ejb.binding;

import io.certgate.domain.CertgateException;

/** No self-enrollment request with that id in the caller's organization. */
public class UnknownSelfEnrollmentException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownSelfEnrollmentException() {
        super("no such self-enrollment request");
    }
}
