package io.certgate.ejb.ca;

import java.io.ByteArrayInputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;

/** Reading CRLs that the root ceremony signed. */
final class RootCrls {

    private RootCrls() {
    }

    static X509CRL parse(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (CertificateException | CRLException e) {
            throw new IllegalArgumentException("not a DER CRL", e);
        }
    }
}
