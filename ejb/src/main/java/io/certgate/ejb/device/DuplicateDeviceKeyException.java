package io.certgate.ejb.device;

import io.certgate.domain.CertgateException;

/** The product already has a device with that deviceKey. */
public class DuplicateDeviceKeyException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public DuplicateDeviceKeyException(String deviceKey) {
        super("The deviceKey already exists in the product: " + deviceKey);
    }
}
