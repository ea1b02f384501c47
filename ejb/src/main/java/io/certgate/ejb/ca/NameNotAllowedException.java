package io.certgate.ejb.ca;

import io.certgate.domain.CertgateException;

/**
 * A name the certificate would carry is not the organization's to have: a name of the server itself, another
 * organization's, outside its name policy, or a subject naming another organization or its device. Nothing is issued.
 */
public class NameNotAllowedException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public NameNotAllowedException(String message) {
        super(message);
    }
}
