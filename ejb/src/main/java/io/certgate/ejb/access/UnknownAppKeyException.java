package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** No enabled EnOS service account has this appKey. */
public class UnknownAppKeyException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownAppKeyException() {
        super("appKey does not exist");
    }
}
