package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** The request carries no credential. */
public class MissingCredentialException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public MissingCredentialException() {
        super("authentication required: send apim-accesstoken, apim-timestamp and apim-signature, or Authorization: Bearer <access token>");
    }
}
