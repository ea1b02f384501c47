package io.certgate.ejb.ca;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
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

/** Self-signed root certificates: RSA-2048 signing SHA256withRSA or EC P-256 signing SHA256withECDSA. */
public final class RootCertificates {

    public static final Duration ROOT_LIFETIME = Duration.ofDays(3652); // 10 years

    private RootCertificates() {
    }

    /**
     * The self-signed certificate of a new root: {@code CN=<commonName>,O=certgate}, ten years from now, CA with
     * keyCertSign and cRLSign, signed by {@code signer} (which holds the root's own key, wherever it lives).
     */
    public static X509Certificate selfSigned(String commonName, Instant now, java.security.PublicKey publicKey,
                                             org.bouncycastle.operator.ContentSigner signer) {
        try {
            X500Name name = new X500Name("CN=" + commonName + ",O=certgate");
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
            Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(name, SerialNumbers.next().or(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notBefore.plus(ROOT_LIFETIME)), name, spki);
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki));
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the root certificate " + commonName, e);
        }
    }

    /** Which algorithm's root a key can be: RSA-2048 or EC P-256; empty for anything else. */
    public static java.util.Optional<io.certgate.domain.ca.IssueAuthority> authorityOf(java.security.PublicKey key) {
        if (key instanceof java.security.interfaces.RSAPublicKey rsa && rsa.getModulus().bitLength() == 2048) {
            return java.util.Optional.of(io.certgate.domain.ca.IssueAuthority.RSA);
        }
        if (key instanceof java.security.interfaces.ECPublicKey ec && ec.getParams().getCurve().getField()
                .getFieldSize() == 256 && ec.getParams().getOrder().equals(P256_ORDER)) {
            return java.util.Optional.of(io.certgate.domain.ca.IssueAuthority.ECC);
        }
        return java.util.Optional.empty();
    }

    private static final BigInteger P256_ORDER = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
}
