package io.certgate.ejb.access;

import io.certgate.domain.CertgateException;

/** A timestamp outside the allowed window (replays of old requests, or a client clock far off). */
public class StaleTimestampException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public StaleTimestampException(String what) {
        super(what + " is missing, malformed or more than 5 minutes away from the server's clock");
    }
}
