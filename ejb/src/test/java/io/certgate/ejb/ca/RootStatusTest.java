package io.certgate.ejb.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certgate.domain.ca.IssueAuthority;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** What operators read of a root: subject CN first, serial in hex without a sign byte, the key's kind and size. */
class RootStatusTest {

    private static X509Certificate root(KeyPair kp, String alg) throws Exception {
        return RootCertificates.selfSigned("certgate test root", Instant.parse("2026-01-01T00:00:00Z"), kp.getPublic(),
                new JcaContentSignerBuilder(alg).build(kp.getPrivate()));
    }

    @Test
    void anRsaRootWithItsCrlAndUrls() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        X509Certificate c = root(g.generateKeyPair(), "SHA256withRSA");
        PublishedCrl crl = new PublishedCrl(IssueAuthority.RSA, 7, Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-03T00:00:00Z"), 2);
        RootStatus s = RootStatus.of(io.certgate.domain.ca.RootId.first(IssueAuthority.RSA), c, crl, "http://h/enos/CA/cacert/RSA", "http://h/enos/CA/crl/RSA");
        assertEquals("CN=certgate test root,O=certgate", s.subject());
        assertEquals(c.getSerialNumber(), new BigInteger(s.serial(), 16));
        assertEquals(s.serial().toUpperCase(), s.serial());
        assertEquals("RSA 2048 bits", s.key());
        assertEquals("SHA256WITHRSA", s.signatureAlgorithm().toUpperCase());
        assertEquals(c.getNotAfter().toInstant(), s.notAfter());
        assertEquals(c.getNotBefore().toInstant(), s.notBefore());
        assertEquals(7, s.crl().number());
    }

    @Test
    void anEcRootAndSerialsWithoutTheSignByte() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        assertEquals("EC 256 bits", RootStatus.key(root(g.generateKeyPair(), "SHA256withECDSA")));
        assertEquals("FF", RootStatus.hex(BigInteger.valueOf(255)));
        assertEquals("7F", RootStatus.hex(BigInteger.valueOf(127)));
    }
}
