package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import org.bouncycastle.cert.X509CertificateHolder;

/** A freshly signed certificate, not yet persisted. */
public record SignedCertificate(IssueAuthority authority, X509CertificateHolder certificate, String pem,
                                String publicKeySha256) {

    public String serialHex() {
        return certificate.getSerialNumber().toString(16);
    }
}
