package io.certgate.ejb.ca;

/**
 * The files an operator downloads of a certificate: the certificate alone in PEM or DER, the chain in PEM (the
 * certificate, its issuing CA, the root: what a TLS server configures) and a certs-only PKCS#7 of the same chain.
 */
public enum CertificateFormat {
    PEM, DER, CHAIN, PKCS7
}
