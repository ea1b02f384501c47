package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** The certificate page's facts come from the certificate's own extensions and encoding. */
class CertificateFactsTest {

    private static X509Certificate cert(KeyPair key, String algorithm, boolean extensions) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=facts"), BigInteger.TEN,
                Date.from(Instant.now()), Date.from(Instant.now().plusSeconds(3600)), new X500Name("CN=facts"),
                key.getPublic());
        if (extensions) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "meter.example.test"),
                    new GeneralName(GeneralName.iPAddress, "192.0.2.7"),
                    new GeneralName(GeneralName.rfc822Name, "ops@example.test")}));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                    KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(
                new JcaContentSignerBuilder(algorithm).build(key.getPrivate())));
    }

    @Test
    void anRsaLeafWithItsNamesAndUsages() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        X509Certificate c = cert(g.generateKeyPair(), "SHA256withRSA", true);
        CertificateFacts f = CertificateFacts.of(c);
        assertEquals(List.of("DNS:meter.example.test", "IP:192.0.2.7", "email:ops@example.test"),
                f.subjectAlternativeNames());
        assertEquals("RSA", f.keyType());
        assertEquals(2048, f.keySize());
        assertEquals("SHA256withRSA", f.signatureAlgorithm());
        assertEquals(List.of("digitalSignature", "keyEncipherment"), f.keyUsage());
        assertEquals(List.of("serverAuth", "clientAuth"), f.extendedKeyUsage());
        String sha256 = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        assertEquals(sha256, f.sha256Fingerprint().replace(":", ""));
        assertEquals(32 * 3 - 1, f.sha256Fingerprint().length(), "colon-separated bytes, as openssl prints them");
        assertEquals(20 * 3 - 1, f.sha1Fingerprint().length());
    }

    @Test
    void aP256KeyIsSizedByItsCurveAndMissingExtensionsAreEmpty() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        CertificateFacts f = CertificateFacts.of(cert(g.generateKeyPair(), "SHA256withECDSA", false));
        assertEquals("EC", f.keyType());
        assertEquals(256, f.keySize());
        assertEquals("SHA256withECDSA", f.signatureAlgorithm());
        assertEquals(List.of(), f.subjectAlternativeNames());
        assertEquals(List.of(), f.keyUsage());
        assertEquals(List.of(), f.extendedKeyUsage());
    }
}
