package io.certgate.ejb.enrollment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.ejb.ca.InvalidCsrException;
import io.certgate.ejb.ca.KeyPolicy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

/** Issue 17: DigiCert's csr field holds "CSR or public key" (spec 003). */
class PublicKeyPemTest {

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    private static String pem(KeyPair k) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(k.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void aPemPublicKeyWithOrWithoutHeadersIsRead() throws Exception {
        KeyPair k = rsa(2048);
        SubjectPublicKeyInfo spki = PublicKeyPem.parse(pem(k)).orElseThrow();
        assertArrayEquals(k.getPublic().getEncoded(), spki.getEncoded());
        assertArrayEquals(k.getPublic().getEncoded(), PublicKeyPem.parse(Base64.getEncoder()
                .encodeToString(k.getPublic().getEncoded())).orElseThrow().getEncoded());
        assertArrayEquals(k.getPublic().getEncoded(), PublicKeyPem.parse(PublicKeyPem.pem(spki)).orElseThrow()
                .getEncoded());
        PublicKeyPem.validate(spki, KeyPolicy.ENTERPRISE);
    }

    @Test
    void aCsrOrGarbageIsNoPublicKeyAndAWeakKeyIsRefused() throws Exception {
        assertTrue(PublicKeyPem.parse("-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----")
                .isEmpty());
        assertTrue(PublicKeyPem.parse("not base64 at all!").isEmpty());
        assertTrue(PublicKeyPem.parse(null).isEmpty());
        SubjectPublicKeyInfo weak = PublicKeyPem.parse(pem(rsa(1024))).orElseThrow();
        assertThrows(InvalidCsrException.class, () -> PublicKeyPem.validate(weak, KeyPolicy.ENTERPRISE));
    }
}
