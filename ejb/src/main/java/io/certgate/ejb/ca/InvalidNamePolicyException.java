package io.certgate.ejb.ca;

import io.certgate.domain.CertgateException;

/** A name policy entry that is not a domain or an IP range. */
public class InvalidNamePolicyException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public InvalidNamePolicyException(String message) {
        super(message);
    }
}
