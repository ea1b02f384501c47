package io.certgate.ejb.ca;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Real CSRs for tests, made with BouncyCastle. */
public final class TestCsrs {

    private TestCsrs() {
    }

    public static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    public static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    public static PKCS10CertificationRequest csr(KeyPair kp, String sigAlg, String subject) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), kp.getPublic())
                .build(new JcaContentSignerBuilder(sigAlg).setProvider(CryptoProviders.BC).build(kp.getPrivate()));
    }

    public static String pem(PKCS10CertificationRequest csr) throws Exception {
        return Pem.encode("CERTIFICATE REQUEST", csr.getEncoded());
    }

    public static String pem(KeyPair kp, String sigAlg) throws Exception {
        return pem(csr(kp, sigAlg, "CN=device-1,O=certgate test,C=CN"));
    }
}
