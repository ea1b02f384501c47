package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** The credential or operator is disabled: it cannot be disabled again, nor rotated. */
public class CredentialDisabledException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public CredentialDisabledException(String what) {
        super(what + " is disabled");
    }
}
