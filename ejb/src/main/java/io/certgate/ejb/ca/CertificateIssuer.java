package io.certgate.ejb.ca;

import io.certgate.domain.ca.IssueAuthority;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The one place certificates are signed. It validates CSRs and signs; it persists nothing: the caller signs
 * inside its own transaction and persists the result there, so a certificate exists only if it is stored.
 * No lock: concurrent requests sign in parallel.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CertificateIssuer {

    private final CsrValidator csrValidator = new CsrValidator();
    private final CertificateSigner signer = new CertificateSigner();

    @EJB
    private CertificateAuthorities authorities;

    public ValidatedCsr validate(String csrPem, IssueAuthority authority) {
        return csrValidator.validate(csrPem, authority);
    }

    public void checkKey(SubjectPublicKeyInfo key, IssueAuthority authority) {
        csrValidator.checkKey(key, authority);
    }

    public Instant rootNotAfter(IssueAuthority authority) {
        return authorities.rootNotAfter(authority);
    }

    /** Signs a device certificate (clientAuth). */
    public SignedCertificate sign(IssueAuthority authority, X500Name subject, SubjectPublicKeyInfo key,
                                  Instant notBefore, Instant notAfter) {
        return sign(authority, subject, key, notBefore, notAfter, CertificateProfile.Usage.DEVICE, null);
    }

    /** Signs a certificate for a usage, with DNS subject alternative names for TLS servers. */
    public SignedCertificate sign(IssueAuthority authority, X500Name subject, SubjectPublicKeyInfo key,
                                  Instant notBefore, Instant notAfter, CertificateProfile.Usage usage,
                                  java.util.List<String> dnsNames) {
        SigningAuthority ca = authorities.authority(authority);
        X509CertificateHolder cert = signer.sign(ca, subject, key, SerialNumbers.next(), notBefore, notAfter,
                authorities.deviceProfile(authority).withUsage(usage, dnsNames));
        try {
            return new SignedCertificate(authority, cert, Pem.certificate(cert.getEncoded()), publicKeySha256(key));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    /** The certificate and its issuing root as a certs-only PKCS#7 (.p7b), DER. */
    public byte[] pkcs7(X509CertificateHolder cert, IssueAuthority authority) {
        try {
            org.bouncycastle.cms.CMSSignedDataGenerator g = new org.bouncycastle.cms.CMSSignedDataGenerator();
            g.addCertificate(cert);
            g.addCertificate(new X509CertificateHolder(authorities.authority(authority).certificate().getEncoded()));
            return g.generate(new org.bouncycastle.cms.CMSAbsentContent()).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build PKCS#7", e);
        }
    }

    public static String publicKeySha256(SubjectPublicKeyInfo key) {
        try {
            return io.certgate.ejb.common.Digests.sha256Hex(key.getEncoded());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
