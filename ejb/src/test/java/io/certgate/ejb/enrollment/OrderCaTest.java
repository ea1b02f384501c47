package io.certgate.ejb.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.certgate.domain.ca.IssueAuthority;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** A CA as CertCentral names it: its certificate's short SHA-256 fingerprint and its common name. */
class OrderCaTest {

    private static X509Certificate ca(String subject) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair k = g.generateKeyPair();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(new X500Name(
                "CN=certgate RSA Root CA,O=certgate"), BigInteger.TEN, new Date(), new Date(System.currentTimeMillis()
                + 86_400_000L), new X500Name(subject), k.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(k.getPrivate())));
    }

    @Test
    void idIsTheFirstSixteenHexDigitsOfTheCertificatesSha256AndNameItsCommonName() throws Exception {
        X509Certificate c = ca("CN=certgate RSA Issuing CA G1,OU=acme,O=certgate");
        String sha256 = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(c.getEncoded()));
        OrderCa ca = OrderCa.of(c, IssueAuthority.RSA);
        assertEquals(sha256.substring(0, 16), ca.id());
        assertEquals("certgate RSA Issuing CA G1", ca.name());
        assertEquals(IssueAuthority.RSA, ca.authority());
        assertNotEquals(ca.id(), OrderCa.id(ca("CN=certgate RSA Issuing CA G1,OU=other,O=certgate")),
                "each organization's issuing CA has its own id, though the names are alike");
    }

    @Test
    void aSubjectWithoutCommonNameIsNamedWhole() throws Exception {
        X509Certificate c = ca("OU=acme,O=certgate");
        assertEquals(c.getSubjectX500Principal().getName(), OrderCa.of(c, IssueAuthority.ECC).name());
    }
}
