package io.certgate.ejb.binding;

import io.certgate.domain.CertgateException;

/** An operator decided a self-enrollment request that is no longer pending. */
public class SelfEnrollmentDecidedException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public SelfEnrollmentDecidedException(String status) {
        super("the self-enrollment request is already " + status.toLowerCase(java.util.Locale.ROOT));
    }
}
