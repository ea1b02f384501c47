package io.certgate.ejb.binding;

import io.certgate.domain.CertgateException;

/**
 * A device did not prove who it is: unknown device, wrong secret, or a certificate that is not a valid one
 * bound to a device. One exception for all, so that a refusal reveals nothing.
 */
public class DeviceAuthenticationException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public DeviceAuthenticationException() {
        super("device authentication failed");
    }
}
