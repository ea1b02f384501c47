package io.certgate.domain.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a certificate of a DigiCert order says: common name, DNS names and e-mail addresses (comma-separated),
 * signature hash and CA (RSA or ECC). A request holds what it asks; its order, what was issued last.
 */
@Embeddable
public class CertificateContent {

    @Column(name = "COMMON_NAME", length = 255)
    private String commonName;

    @Column(name = "DNS_NAMES", length = 4000)
    private String dnsNames;

    @Column(name = "EMAILS", length = 2000)
    private String emails;

    @Column(name = "SIGNATURE_HASH", nullable = false, length = 16)
    private String signatureHash;

    @Column(name = "CA", nullable = false, length = 8)
    private String ca;

    protected CertificateContent() {
    }

    public CertificateContent(String commonName, String dnsNames, String emails, String signatureHash, String ca) {
        this.commonName = commonName;
        this.dnsNames = dnsNames;
        this.emails = emails;
        this.signatureHash = signatureHash;
        this.ca = ca;
    }

    public String getCommonName() { return commonName; }
    public String getDnsNames() { return dnsNames; }
    public String getEmails() { return emails; }
    public String getSignatureHash() { return signatureHash; }
    public String getCa() { return ca; }
}
