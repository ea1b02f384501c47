package io.certgate.ejb.binding;

import io.certgate.domain.CertgateException;

/** Certificates are only issued to devices of products that use bi-directional (mutual TLS) authentication. */
public class BiDirectionalAuthNotSupportedException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public BiDirectionalAuthNotSupportedException() {
        super("The product to which the device belongs to is not a product that supports bi-directional "
                + "authorization.");
    }
}
