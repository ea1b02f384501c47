package io.certgate.ejb.enrollment;

import java.time.LocalDate;
import java.util.List;

/**
 * What a DigiCert order, reissue or duplicate asks of its certificate, as the facade read it from the wire
 * (nulls where the client sent nothing): names, CSR, signature, CA, validity.
 */
public record CertificateSpec(String commonName, List<String> dnsNames, List<String> emails, String csrPem,
                              String signatureHash, Integer serverPlatformId, String caCertId, boolean rsassaPss,
                              String profileOption, List<String> organizationUnits, CertValidity validity) {

    public CertificateSpec {
        dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
        emails = emails == null ? List.of() : List.copyOf(emails);
        organizationUnits = organizationUnits == null ? List.of() : List.copyOf(organizationUnits);
    }

    /** years, days (overrides years) or a custom expiration date (overrides both); all null: not given. */
    public record CertValidity(Integer years, Integer days, LocalDate customExpirationDate) {

        public boolean isEmpty() {
            return years == null && days == null && customExpirationDate == null;
        }
    }
}
