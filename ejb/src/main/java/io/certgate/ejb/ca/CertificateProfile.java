package io.certgate.ejb.ca;

import java.util.List;

/**
 * What kind of end-entity certificate to build and where it points: device certificates carry clientAuth,
 * TLS server certificates serverAuth + clientAuth and their DNS names, code signing certificates codeSigning.
 * The URLs are this server's public PKI endpoints.
 */
public record CertificateProfile(Usage usage, List<String> dnsNames, String crlUrl, String ocspUrl,
                                 String caIssuersUrl) {

    /** The extended key usages a certificate is for. */
    public enum Usage { DEVICE, TLS_SERVER, CODE_SIGNING }

    public CertificateProfile {
        dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    }

    public CertificateProfile withUsage(Usage newUsage, List<String> names) {
        return new CertificateProfile(newUsage, names, crlUrl, ocspUrl, caIssuersUrl);
    }
}
