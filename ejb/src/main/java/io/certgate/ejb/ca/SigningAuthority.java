package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A root CA ready to sign: its certificate, its private key (never leaves this module) and its PEM. */
public record SigningAuthority(IssueAuthority authority, X509Certificate certificate, PrivateKey privateKey,
                               String certificatePem) {

    @Override
    public String toString() { // never print the key
        return "SigningAuthority[" + authority + ", " + certificate.getSubjectX500Principal() + "]";
    }
}
