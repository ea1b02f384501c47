package io.certgate.ejb.enrollment;

import io.certgate.domain.CertgateException;

/** Separation of duties: a requester never approves or rejects its own request. */
public class SelfApprovalException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public SelfApprovalException() {
        super("a request cannot be approved or rejected by the account that submitted it");
    }
}
