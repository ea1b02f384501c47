package io.certgate.ejb.enrollment;

import io.certgate.domain.CertgateException;

/** A renewal names an original transaction that has no certificate yet (it awaits approval). */
public class OriginalNotIssuedException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public OriginalNotIssuedException() {
        super("The original transaction has no certificate yet (pending approval).");
    }
}
