package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** No operator of that name. */
public class UnknownOperatorException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownOperatorException(String name) {
        super("no operator named " + name);
    }
}
