package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** No credential of that kind and id in the organization (another organization's answers the same). */
public class UnknownCredentialException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownCredentialException(String what) {
        super("no " + what + " in this organization");
    }
}
