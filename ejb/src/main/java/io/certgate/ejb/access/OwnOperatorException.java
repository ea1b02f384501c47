package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** An operator may not disable itself or change its own role: another admin does that. */
public class OwnOperatorException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public OwnOperatorException(String name) {
        super(name + " cannot disable itself or change its own role: another admin can");
    }
}
