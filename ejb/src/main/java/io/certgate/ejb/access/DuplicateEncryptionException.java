package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** A token request whose encryption was already used (a replay). */
public class DuplicateEncryptionException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public DuplicateEncryptionException() {
        super("duplicate encryption: this token request was already used");
    }
}
