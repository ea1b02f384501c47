package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** The operator is enabled already. */
public class OperatorEnabledException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public OperatorEnabledException(String name) {
        super("operator " + name + " is enabled already");
    }
}
