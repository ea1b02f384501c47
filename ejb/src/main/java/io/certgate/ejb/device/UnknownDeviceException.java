package io.certgate.ejb.device;

import io.certgate.domain.CertgateException;

/** No such device in the caller's organization (another organization's device looks the same). */
public class UnknownDeviceException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public UnknownDeviceException() {
        super("Device cannot be found");
    }
}
