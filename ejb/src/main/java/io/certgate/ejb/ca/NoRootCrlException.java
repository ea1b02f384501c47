package io.certgate.ejb.ca;

import io.certgate.domain.CertgateException;
import io.certgate.domain.ca.RootId;

/** The root is offline and no CRL signed by the root ceremony has been imported yet. */
public class NoRootCrlException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public NoRootCrlException(RootId root) {
        super("the " + root + " root is offline and no CRL from its ceremony has been imported yet");
    }
}
