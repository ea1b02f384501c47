package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    /** What a public URL a certificate names serves (the instance whose public base URL it is). */
    static byte[] fetchPublic(String url) {
        try {
            java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                            .timeout(java.time.Duration.ofSeconds(30)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), url);
            return r.body();
        } catch (java.io.IOException e) {
            throw new AssertionError(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The URI of an access description (AIA) or distribution point (CDP) of a certificate. */
    static String extensionUri(X509Certificate cert, String oid) {
        try {
            byte[] ext = cert.getExtensionValue(oid);
            assertNotNull(ext, "extension " + oid);
            org.bouncycastle.asn1.ASN1Primitive value = org.bouncycastle.asn1.ASN1Primitive.fromByteArray(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
            if (oid.equals(org.bouncycastle.asn1.x509.Extension.cRLDistributionPoints.getId())) {
                org.bouncycastle.asn1.x509.DistributionPoint dp = org.bouncycastle.asn1.x509.CRLDistPoint
                        .getInstance(value).getDistributionPoints()[0];
                return org.bouncycastle.asn1.x509.GeneralNames.getInstance(dp.getDistributionPoint().getName())
                        .getNames()[0].getName().toString();
            }
            for (org.bouncycastle.asn1.x509.AccessDescription d : org.bouncycastle.asn1.x509.AuthorityInformationAccess
                    .getInstance(value).getAccessDescriptions()) {
                if (d.getAccessMethod().equals(org.bouncycastle.asn1.x509.AccessDescription.id_ad_caIssuers)) {
                    return d.getAccessLocation().getName().toString();
                }
            }
            throw new AssertionError("no caIssuers in " + cert.getSubjectX500Principal());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The certificate's issuer as its AIA caIssuers URL serves it (an issuing CA, DER; or a root, PEM). */
    static X509Certificate issuerOf(X509Certificate cert) {
        byte[] body = fetchPublic(extensionUri(cert, org.bouncycastle.asn1.x509.Extension.authorityInfoAccess.getId()));
        try {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(body));
        } catch (java.security.cert.CertificateException e) {
            throw new AssertionError(e);
        }
    }

    /** The CRL the certificate's distribution point serves, its signature checked with the issuer's key. */
    static X509CRL crlOf(X509Certificate cert) {
        X509CRL crl = crl(fetchPublic(extensionUri(cert,
                org.bouncycastle.asn1.x509.Extension.cRLDistributionPoints.getId())));
        try {
            crl.verify(issuerOf(cert).getPublicKey());
        } catch (Exception e) {
            throw new AssertionError("the CRL of " + cert.getSubjectX500Principal() + " is not signed by its issuer", e);
        }
        return crl;
    }

    /**
     * Checks a leaf's path to the root: leaf <- issuing CA (from the leaf's AIA; pathLen 0) <- root, signatures,
     * dates and names, in Java and with {@code openssl verify -CAfile root -untrusted issuing}.
     */
    static void verifyChain(X509Certificate cert, X509Certificate root) {
        try {
            X509Certificate issuing = issuerOf(cert);
            assertNotEquals(root.getSubjectX500Principal(), cert.getIssuerX500Principal(),
                    "a leaf is signed by an issuing CA, not by the root");
            assertEquals(issuing.getSubjectX500Principal(), cert.getIssuerX500Principal());
            cert.verify(issuing.getPublicKey());
            issuing.verify(root.getPublicKey());
            assertEquals(root.getSubjectX500Principal(), issuing.getIssuerX500Principal());
            assertEquals(0, issuing.getBasicConstraints(), "issuing CA: pathLenConstraint 0");
            cert.checkValidity();
            assertEquals(-1, cert.getBasicConstraints(), "end-entity certificate");
            Path dir = Files.createTempDirectory("certgate-it");
            Path rootFile = dir.resolve("root.pem");
            Path issuingFile = dir.resolve("issuing.pem");
            Path certFile = dir.resolve("cert.pem");
            Files.writeString(rootFile, pem("CERTIFICATE", root.getEncoded()));
            Files.writeString(issuingFile, pem("CERTIFICATE", issuing.getEncoded()));
            Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
            Process p = new ProcessBuilder("openssl", "verify", "-CAfile", rootFile.toString(), "-untrusted",
                    issuingFile.toString(), certFile.toString()).redirectErrorStream(true).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), "openssl verify: " + out);
            assertTrue(out.contains(": OK"), out);
        } catch (Exception e) {
            throw new AssertionError("chain does not verify: " + e, e);
        }
    }

    /**
     * The OCSP status from the responder at {@code base} (null is good), the response verified with the key of the
     * certificate's issuer (its issuing CA; the root for issuing CAs and for leaves a root signed).
     */
    static Object ocspStatus(String base, X509Certificate root, X509Certificate cert) {
        try {
            if (!cert.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
                root = issuerOf(cert);
            }
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
                    .build(root.getPublicKey())), "OCSP response signed by the certificate's issuer");
            return basic.getResponses()[0].getCertStatus();
        } catch (Exception e) {
            throw new AssertionError("OCSP at " + base + ": " + e, e);
        }
    }

    /** openssl's way of writing a serial (and the console's): upper-case hex in whole bytes. */
    static String opensslSerial(java.math.BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(java.util.Locale.ROOT);
        return hex.length() % 2 == 1 ? "0" + hex : hex;
    }
}
