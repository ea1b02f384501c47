package io.certgate.ejb.enrollment;

import io.certgate.domain.CertgateException;

/** An RA account of that name exists already (names are unique across organizations). */
public class DuplicateRaAccountException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public DuplicateRaAccountException(String name) {
        super("an RA account named " + name + " exists already");
    }
}
