package io.certgate.ejb.ca;

import java.util.List;

/**
 * What kind of end-entity certificate to build and where it points: device certificates carry clientAuth,
 * TLS server certificates serverAuth + clientAuth and their DNS names, code signing certificates codeSigning,
 * client certificates of people (DigiCert client_premium) clientAuth + emailProtection and their e-mail addresses,
 * the SCEP RA certificate no extended key usage.
 * IP addresses (the server's own HTTPS certificate) become iPAddress names, never dNSName (RFC 5280 4.2.1.6).
 * The URLs are this server's public PKI endpoints.
 */
public record CertificateProfile(Usage usage, List<String> dnsNames, String crlUrl, String ocspUrl,
                                 String caIssuersUrl, List<String> emails, List<String> ipAddresses) {

    /**
     * The extended key usages a certificate is for; {@code SCEP_RA} (the server's SCEP RA: signs answers, opens
     * requests) names none.
     */
    public enum Usage { DEVICE, TLS_SERVER, CODE_SIGNING, CLIENT_EMAIL, SCEP_RA }

    public CertificateProfile {
        dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
        emails = emails == null ? List.of() : List.copyOf(emails);
        ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
    }

    public CertificateProfile(Usage usage, List<String> dnsNames, String crlUrl, String ocspUrl, String caIssuersUrl,
                              List<String> emails) {
        this(usage, dnsNames, crlUrl, ocspUrl, caIssuersUrl, emails, List.of());
    }

    public CertificateProfile(Usage usage, List<String> dnsNames, String crlUrl, String ocspUrl, String caIssuersUrl) {
        this(usage, dnsNames, crlUrl, ocspUrl, caIssuersUrl, List.of(), List.of());
    }

    public CertificateProfile withUsage(Usage newUsage, List<String> names) {
        return new CertificateProfile(newUsage, names, crlUrl, ocspUrl, caIssuersUrl, emails, ipAddresses);
    }
}
