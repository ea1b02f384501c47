package io.certgate.ejb.enrollment;

import io.certgate.domain.CertgateException;

/** The transaction was rejected by an approver */
public class TransactionRejectedException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public TransactionRejectedException() {
        super("there is no certificate: the request was rejected");
    }
}
