package io.certgate.ejb.device;

import io.certgate.ejb.common.InvalidArgumentException;

/** Neither an assetId nor a productKey + deviceKey pair was given. */
public class InvalidDeviceIdentifierException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidDeviceIdentifierException() {
        super("invalid argument: The device identifier is invalid");
    }
}
