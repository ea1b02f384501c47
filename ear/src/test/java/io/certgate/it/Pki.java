package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Keys, CSRs and certificate checks for the integration tests. */
final class Pki {

    private Pki() {
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ec(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String csr(KeyPair kp, String sigAlg, String subject) {
        try {
            byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), kp.getPublic())
                    .build(new JcaContentSignerBuilder(sigAlg).build(kp.getPrivate())).getEncoded();
            return pem("CERTIFICATE REQUEST", der);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String rsaCsr(String cn) {
        return csr(rsa(2048), "SHA256withRSA", "CN=" + cn + ",O=certgate it,C=CN");
    }

    static String ecCsr(String cn) {
        return csr(ec("secp256r1"), "SHA256withECDSA", "CN=" + cn + ",O=certgate it,C=CN");
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static X509Certificate cert(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new AssertionError("not a certificate: " + pem, e);
        }
    }

    static X509CRL crl(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new AssertionError("not a CRL", e);
        }
    }

    /** The root as the public endpoint serves it. */
    static X509Certificate root(String authority) {
        Http.Answer a = Http.get("/enos/CA/cacert/" + authority);
        assertEquals(200, a.status());
        return cert(a.body());
    }

    /** Checks the certificate's signature, dates and issuer against the root, in Java and with openssl. */
    static void verifyChain(X509Certificate cert, X509Certificate root) {
        try {
            cert.verify(root.getPublicKey());
            cert.checkValidity();
            assertEquals(root.getSubjectX500Principal(), cert.getIssuerX500Principal());
            assertEquals(-1, cert.getBasicConstraints(), "end-entity certificate");
            Path dir = Files.createTempDirectory("certgate-it");
            Path rootFile = dir.resolve("root.pem");
            Path certFile = dir.resolve("cert.pem");
            Files.writeString(rootFile, pem("CERTIFICATE", root.getEncoded()));
            Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
            Process p = new ProcessBuilder("openssl", "verify", "-CAfile", rootFile.toString(), certFile.toString())
                    .redirectErrorStream(true).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), "openssl verify: " + out);
            assertTrue(out.contains(": OK"), out);
        } catch (Exception e) {
            throw new AssertionError("chain does not verify: " + e, e);
        }
    }

    /** The OCSP status from the responder at {@code base} (null is good), the response verified with the root's key. */
    static Object ocspStatus(String base, X509Certificate root, X509Certificate cert) {
        try {
            org.bouncycastle.cert.ocsp.CertificateID id = new org.bouncycastle.cert.ocsp.CertificateID(
                    new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build()
                            .get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1),
                    new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(root), cert.getSerialNumber());
            byte[] request = new org.bouncycastle.cert.ocsp.OCSPReqBuilder().addRequest(id).build().getEncoded();
            java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/enos/CA/ocsp"))
                            .timeout(java.time.Duration.ofSeconds(30)).header("Content-Type", "application/ocsp-request")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), "OCSP at " + base);
            org.bouncycastle.cert.ocsp.OCSPResp resp = new org.bouncycastle.cert.ocsp.OCSPResp(r.body());
            assertEquals(org.bouncycastle.cert.ocsp.OCSPResp.SUCCESSFUL, resp.getStatus());
            org.bouncycastle.cert.ocsp.BasicOCSPResp basic = (org.bouncycastle.cert.ocsp.BasicOCSPResp) resp
                    .getResponseObject();
            assertTrue(basic.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                    .build(root.getPublicKey())), "OCSP response signed by the root");
            return basic.getResponses()[0].getCertStatus();
        } catch (Exception e) {
            throw new AssertionError("OCSP at " + base + ": " + e, e);
        }
    }
}
