package io.certgate.ejb.device;

import io.certgate.ejb.common.InvalidArgumentException;

/** The assetId and the productKey + deviceKey of one request name two different devices. */
public class ConflictingDeviceIdentifierException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    public ConflictingDeviceIdentifierException() {
        super("invalid argument: assetId and productKey/deviceKey name different devices");
    }
}
