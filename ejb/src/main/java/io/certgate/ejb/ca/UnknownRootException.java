package io.certgate.ejb.ca;

import io.certgate.domain.CertgateException;
import io.certgate.domain.ca.RootId;

/** No root of that generation is known to this server (the root ceremony's certificate was not added). */
public class UnknownRootException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownRootException(RootId root) {
        super("no " + root + " root on this server");
    }
}
