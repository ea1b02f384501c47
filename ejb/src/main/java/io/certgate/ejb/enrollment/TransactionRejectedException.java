package io.certgate.ejb.enrollment;

import io.certgate.ejb.common.CertgateException;

/** The transaction was rejected by an approver */
public class TransactionRejectedException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public TransactionRejectedException() {
        super(" there is no certificate.:the request was rejected");
    }
}
