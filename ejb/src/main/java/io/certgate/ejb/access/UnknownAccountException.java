package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** The caller presented no credential, or one that belongs to no account. */
public class UnknownAccountException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownAccountException() {
        super("authentication required: present the client certificate of an RA account");
    }
}
