package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** The change would leave no enabled admin, and then nobody could manage operators again. */
public class LastAdminException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public LastAdminException(String name) {
        super(name + " is the last enabled admin: make another operator admin first");
    }
}
