package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** The token request's encryption is not sha256(appKey + timestamp + appSecret). */
public class InvalidEncryptionException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public InvalidEncryptionException() {
        super("encryption is invalid");
    }
}
