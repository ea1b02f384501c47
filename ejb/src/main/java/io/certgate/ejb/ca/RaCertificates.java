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
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;

/**
 * The self-signed SCEP RA certificate (RFC 8894 2.1) that key custody keeps beside the RA key (digitalSignature and
 * keyEncipherment). Clients are served the one the infrastructure CA issues for that key ({@link ScepRaCertificate});
 * this one only while that CA is pending (an offline RSA root whose ceremony has not signed it yet).
 */
public final class RaCertificates {

    public static final String SCEP_RA_NAME = "certgate SCEP RA";

    private RaCertificates() {
    }

    /** Self-signed, valid as long as a root: made once with the key, never served while the infrastructure CA signs. */
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
