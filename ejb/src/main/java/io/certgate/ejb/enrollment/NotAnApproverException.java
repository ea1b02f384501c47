package io.certgate.ejb.enrollment;

import io.certgate.domain.CertgateException;

/** Only an approver (an RA account with the approver role, or an operator) approves or rejects requests. */
public class NotAnApproverException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public NotAnApproverException() {
        super("this account is not an approver: approval is done by an approver account or an operator");
    }
}
