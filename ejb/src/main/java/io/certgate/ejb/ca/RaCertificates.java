package io.certgate.ejb.ca;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;

/**
 * The SCEP RA certificate (RFC 8894 2.1): issued by the RSA root, for signing answers and for the key that
 * clients encrypt their requests to (digitalSignature and keyEncipherment), valid as long as the root.
 */
public final class RaCertificates {

    public static final String SCEP_RA_NAME = "certgate SCEP RA";

    private RaCertificates() {
    }

    public static X509Certificate scepRa(Instant now, PublicKey publicKey, X509Certificate issuer,
                                         ContentSigner issuerSigner) {
        try {
            X500Name subject = new X500Name("CN=" + SCEP_RA_NAME + ",O=certgate");
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
            X509CertificateHolder issuerHolder = new X509CertificateHolder(issuer.getEncoded());
            Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.MINUTES);
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuerHolder.getSubject(), SerialNumbers.next(),
                    Date.from(notBefore), issuer.getNotAfter(), subject, spki);
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuerHolder.getSubjectPublicKeyInfo()));
            return new JcaX509CertificateConverter().getCertificate(b.build(issuerSigner));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue the SCEP RA certificate", e);
        }
    }

    /**
     * The SCEP RA certificate of a server whose RSA root is offline: self-signed, as the root ceremony signs no RA
     * (clients take it from GetCACert to encrypt their requests to and to check answers).
     */
    public static X509Certificate selfSignedScepRa(Instant now, PublicKey publicKey, ContentSigner ownSigner) {
        try {
            X500Name subject = new X500Name("CN=" + SCEP_RA_NAME + ",O=certgate");
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
            Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.MINUTES);
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(subject, SerialNumbers.next(),
                    Date.from(notBefore), Date.from(notBefore.plus(RootCertificates.ROOT_LIFETIME)), subject, spki);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.subjectKeyIdentifier, false, new BcX509ExtensionUtils().createSubjectKeyIdentifier(spki));
            return new JcaX509CertificateConverter().getCertificate(b.build(ownSigner));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the SCEP RA certificate", e);
        }
    }
}
