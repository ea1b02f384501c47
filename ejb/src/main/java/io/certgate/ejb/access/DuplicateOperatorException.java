package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** An operator of that name exists already (disabled ones too: names are never reused). */
public class DuplicateOperatorException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public DuplicateOperatorException(String name) {
        super("an operator named " + name + " exists already");
    }
}
