package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * What a business module asks the ledger to issue: which CA, for which subject and key, how long, for what
 * usage (with DNS names and e-mail addresses as subject alternative names); the device it is bound to (binding)
 * and the certificate it renews, if any; how the audit trail names the action and its context (e.g.
 * {@code certificate.apply}, {@code assetId=...}); the signature scheme; the key policy; and IP addresses as
 * subject alternative names (only the server's own HTTPS certificate has them).
 */
public record Issuance(IssueAuthority authority, X500Name subject, SubjectPublicKeyInfo publicKey,
                       ValidityRequest validity, CertificateProfile.Usage usage, List<String> dnsNames,
                       Long deviceId, Long renews, String auditAction, String auditContext,
                       SignatureScheme signature, List<String> emails, KeyPolicy keyPolicy, List<String> ipAddresses) {

    public Issuance {
        keyPolicy = keyPolicy == null ? KeyPolicy.DEVICE : keyPolicy;
        dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
        emails = emails == null ? List.of() : List.copyOf(emails);
        signature = signature == null ? SignatureScheme.DEFAULT : signature;
        ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
    }

    /** An issuance without IP addresses. */
    public Issuance(IssueAuthority authority, X500Name subject, SubjectPublicKeyInfo publicKey,
                    ValidityRequest validity, CertificateProfile.Usage usage, List<String> dnsNames, Long deviceId,
                    Long renews, String auditAction, String auditContext, SignatureScheme signature, List<String> emails,
                    KeyPolicy keyPolicy) {
        this(authority, subject, publicKey, validity, usage, dnsNames, deviceId, renews, auditAction, auditContext,
                signature, emails, keyPolicy, List.of());
    }

    /** An issuance signed the default way (SHA-256), with no e-mail addresses, for the device key policy. */
    public Issuance(IssueAuthority authority, X500Name subject, SubjectPublicKeyInfo publicKey,
                    ValidityRequest validity, CertificateProfile.Usage usage, List<String> dnsNames, Long deviceId,
                    Long renews, String auditAction, String auditContext) {
        this(authority, subject, publicKey, validity, usage, dnsNames, deviceId, renews, auditAction, auditContext,
                SignatureScheme.DEFAULT, List.of(), KeyPolicy.DEVICE, List.of());
    }
}
