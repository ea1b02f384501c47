package io.certgate.ejb.enrollment;

import io.certgate.domain.CertgateException;

/** The transaction is not awaiting approval (already decided, or approval not required). */
public class TransactionNotPendingException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public TransactionNotPendingException() {
        super("the transaction is not awaiting approval");
    }
}
