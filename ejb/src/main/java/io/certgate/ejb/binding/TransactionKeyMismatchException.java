package io.certgate.ejb.binding;

import io.certgate.domain.CertgateException;

/** A repeated self-enrollment request (same transaction) asks for another public key than the first time. */
public class TransactionKeyMismatchException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public TransactionKeyMismatchException() {
        super("this transaction was opened for another public key");
    }
}
