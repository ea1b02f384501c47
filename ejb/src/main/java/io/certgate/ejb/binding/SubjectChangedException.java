package io.certgate.ejb.binding;

import io.certgate.domain.CertgateException;

/** A re-enrollment must keep the subject of the certificate it replaces (RFC 7030 4.2.2). */
public class SubjectChangedException extends CertgateException {

    private static final long serialVersionUID = 1L;

    public SubjectChangedException() {
        super("the CSR's subject differs from the subject of the current certificate");
    }
}
