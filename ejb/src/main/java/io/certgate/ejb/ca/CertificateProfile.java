package io.certgate.ejb.ca;

/**
 * What kind of end-entity certificate to build: device certificates carry clientAuth, TLS server
 * certificates clientAuth and serverAuth. The URLs point at this server's public PKI endpoints.
 */
public record CertificateProfile(boolean serverAuth, String crlUrl, String ocspUrl, String caIssuersUrl) {
}
