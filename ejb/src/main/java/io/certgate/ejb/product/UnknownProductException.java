package io.certgate.ejb.product;

import io.certgate.domain.CertgateException;

/** No product with that key in the caller's organization (another organization's product looks the same). */
public class UnknownProductException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownProductException() {
        super("Product cannot be found");
    }
}
