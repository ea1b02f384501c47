package io.certgate.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.ca.IssueAuthority;
import io.certgate.ejb.ca.IssuingCaCertificates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootCeremonyTest {

    static final String SECRET = "ceremony-secret";

    @TempDir
    Path dir;

    int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RootCeremony.run(args, SECRET, new PrintStream(out), new PrintStream(err));
        assertEquals(0, status, out + " / " + err);
        return status;
    }

    @Test
    void makesRootsSignsAnIssuingCaAndTheRootsCrlWithTheKeyKeptInItsFile() throws Exception {
        Path keystore = dir.resolve("roots.p12");
        run("init", "--keystore", keystore.toString(), "--out", dir.resolve("roots.pem").toString());
        List<X509Certificate> roots = certificates(dir.resolve("roots.pem"));
        assertEquals(2, roots.size(), "RSA and ECC roots");
        run("init", "--keystore", keystore.toString(), "--out", dir.resolve("again.pem").toString());
        assertEquals(roots, certificates(dir.resolve("again.pem")), "a second init keeps the roots");

        // an issuing CA's CSR as the server makes it (IssuingCaCertificates.csr), signed by the ECC root
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = g.generateKeyPair();
        String csr = IssuingCaCertificates.csr(IssuingCaCertificates.subject("acme", IssueAuthority.ECC, 1),
                key.getPublic(), new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
        Files.writeString(dir.resolve("ca.csr"), csr);
        run("sign-ca", "--keystore", keystore.toString(), "--csr", dir.resolve("ca.csr").toString(), "--base-url",
                "https://ca.example.net/", "--out", dir.resolve("ca.pem").toString());
        X509Certificate ca = certificates(dir.resolve("ca.pem")).get(0);
        X509Certificate eccRoot = roots.get(1);
        ca.verify(eccRoot.getPublicKey());
        assertEquals(0, ca.getBasicConstraints());
        assertEquals(key.getPublic(), ca.getPublicKey());
        assertTrue(new String(ca.getExtensionValue("2.5.29.31"), StandardCharsets.ISO_8859_1)
                .contains("https://ca.example.net/enos/CA/crl/ECC"), "the server's root CRL URL");

        // the root's CRL: the issuing CA revoked, then carried over into the next number
        run("sign-crl", "--keystore", keystore.toString(), "--authority", "ECC", "--number", "1", "--revoke",
                ca.getSerialNumber().toString(16) + ":keyCompromise", "--out", dir.resolve("1.crl").toString());
        X509CRL first = crl(dir.resolve("1.crl"));
        first.verify(eccRoot.getPublicKey());
        assertNotNull(first.getRevokedCertificate(ca.getSerialNumber()));
        run("sign-crl", "--keystore", keystore.toString(), "--authority", "ECC", "--number", "2", "--previous",
                dir.resolve("1.crl").toString(), "--out", dir.resolve("2.crl").toString());
        X509CRL second = crl(dir.resolve("2.crl"));
        second.verify(eccRoot.getPublicKey());
        assertEquals(java.security.cert.CRLReason.KEY_COMPROMISE,
                second.getRevokedCertificate(ca.getSerialNumber()).getRevocationReason());
    }

    @Test
    void refusesWithoutTheSecretAndForAWrongCommand() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, RootCeremony.run(new String[] {"init", "--keystore", "x.p12", "--out", "y.pem"}, null,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
        assertTrue(err.toString().contains("CERTGATE_CEREMONY_SECRET"));
        assertEquals(2, RootCeremony.run(new String[] {"sign-all"}, SECRET,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
    }

    static List<X509Certificate> certificates(Path pem) throws Exception {
        return CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(Files.readAllBytes(pem))).stream().map(c -> (X509Certificate) c).toList();
    }

    static X509CRL crl(Path der) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
                new ByteArrayInputStream(Files.readAllBytes(der)));
    }
}
