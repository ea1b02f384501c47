package io.certgate.ejb.ca;

import io.certgate.domain.CertgateException;
import io.certgate.domain.ca.IssueAuthority;

/**
 * No issuing CA can sign for this organization and algorithm: the root is offline and the ceremony has not yet
 * signed the issuing CA that waits for it (an operator imports its certificate), or every generation was revoked.
 */
public class NoIssuingCaException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public NoIssuingCaException(String scope, IssueAuthority authority) {
        super("no " + authority + " issuing CA signs for " + scope + " yet: its certificate awaits the root ceremony");
    }
}
