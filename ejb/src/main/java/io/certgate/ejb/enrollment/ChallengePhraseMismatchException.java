package io.certgate.ejb.enrollment;

import io.certgate.domain.CertgateException;

/** The challenge phrase does not match the original's. */
public class ChallengePhraseMismatchException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public ChallengePhraseMismatchException() {
        super("the challenge phrase does not match");
    }
}
