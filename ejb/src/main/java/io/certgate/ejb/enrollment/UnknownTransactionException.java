package io.certgate.ejb.enrollment;

import io.certgate.domain.CertgateException;

/** No such transaction in the caller's organization. */
public class UnknownTransactionException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownTransactionException() {
        super("transaction not found");
    }
}
