package io.certgate.ejb.binding;

import io.certgate.domain.CertgateException;

/** The public key is already bound to another device: one key, one device. */
public class KeyAlreadyBoundException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public KeyAlreadyBoundException() {
        super("Certificate is already bound to another device.");
    }
}
