package io.certgate.ejb.ca;

import io.certgate.domain.CertgateException;

/** An operator's request about issuing CAs that cannot be carried out as asked. */
public class InvalidIssuingCaRequestException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public InvalidIssuingCaRequestException(String message) {
        super(message);
    }
}
