package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * What relying parties do with the certificates: ask the OCSP responder the certificates point at (BouncyCastle
 * and the openssl CLI), and complete a mutual-TLS handshake between a device certificate and a TLS server
 * certificate, both issued by certgate.
 */
class OcspAndMutualTlsIT {

    static byte[] ocspRequest(X509Certificate root, BigInteger serial) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(root.getEncoded()), serial);
        return new OCSPReqBuilder().addRequest(id).build().getEncoded();
    }

    static SingleResp ask(X509Certificate root, BigInteger serial, boolean useGet) throws Exception {
        byte[] req = ocspRequest(root, serial);
        Http.Answer a = useGet
                ? Http.get("/enos/CA/ocsp/" + URLEncoder.encode(Base64.getEncoder().encodeToString(req), StandardCharsets.US_ASCII))
                : Http.send(HttpRequest.newBuilder(URI.create(Http.BASE + "/enos/CA/ocsp"))
                        .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofByteArray(req)));
        assertEquals(200, a.status());
        OCSPResp resp = new OCSPResp(a.bytes());
        assertEquals(OCSPResp.SUCCESSFUL, resp.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
        assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(root.getPublicKey())),
                "signed by the certificate's issuer");
        return basic.getResponses()[0];
    }

    @Test
    void ocspAnswersGoodRevokedAndUnknown() throws Exception {
        String org = Enos.newOrg();
        String id = Enos.byKeys(org, Enos.newDevice(org));
        for (String authority : List.of("RSA", "ECC")) {
            String csr = authority.equals("RSA") ? Pki.rsaCsr("ocsp-" + authority) : Pki.ecCsr("ocsp-" + authority);
            JsonObject c = Enos.apply(id, csr, null, authority);
            X509Certificate cert = Pki.cert(c.getString("cert"));
            X509Certificate root = Pki.root(authority);
            X509Certificate issuing = Pki.issuerOf(cert); // the organization's issuing CA answers for its leaf
            assertNull(ask(issuing, cert.getSerialNumber(), false).getCertStatus(), "good");
            assertNull(ask(issuing, cert.getSerialNumber(), true).getCertStatus(), "good over GET");
            assertTrue(javaRevocationCheck(cert, root), "the JDK's own OCSP checker (GET, %2F in the path) accepts it");
            assertEquals("good", opensslOcsp(root, cert));
            Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", c.getString("certSN"))
                    .add("reason", 4).build()));
            RevokedStatus revoked = (RevokedStatus) ask(issuing, cert.getSerialNumber(), false).getCertStatus();
            assertEquals(4, revoked.getRevocationReason());
            assertEquals("revoked", opensslOcsp(root, cert));
            assertFalse(javaRevocationCheck(cert, root), "the JDK sees the revocation");
            assertTrue(ask(issuing, BigInteger.valueOf(123456789L), false).getCertStatus() instanceof UnknownStatus);
            // the root answers for issuing CAs: this one is good
            assertNull(ask(root, issuing.getSerialNumber(), false).getCertStatus(), "the issuing CA is good");
        }
        Http.Answer garbage = Http.send(HttpRequest.newBuilder(URI.create(Http.BASE + "/enos/CA/ocsp"))
                .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofString("junk")));
        assertEquals(200, garbage.status());
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(garbage.bytes()).getStatus());
    }

    /** PKIX path validation with the JDK's OCSP checker, which fetches the AIA OCSP URL (by GET when short). */
    static boolean javaRevocationCheck(X509Certificate cert, X509Certificate root) throws Exception {
        java.security.cert.CertPathValidator v = java.security.cert.CertPathValidator.getInstance("PKIX");
        java.security.cert.PKIXRevocationChecker checker = (java.security.cert.PKIXRevocationChecker) v.getRevocationChecker();
        checker.setOptions(java.util.EnumSet.of(java.security.cert.PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                java.security.cert.PKIXRevocationChecker.Option.NO_FALLBACK));
        java.security.cert.PKIXParameters params = new java.security.cert.PKIXParameters(
                java.util.Set.of(new java.security.cert.TrustAnchor(root, null)));
        params.addCertPathChecker(checker);
        params.setRevocationEnabled(false); // the checker above does it, OCSP only
        try {
            List<X509Certificate> path = cert.getIssuerX500Principal().equals(root.getSubjectX500Principal())
                    ? List.of(cert) : List.of(cert, Pki.issuerOf(cert));
            v.validate(java.security.cert.CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return true;
        } catch (java.security.cert.CertPathValidatorException e) {
            if (e.getReason() == java.security.cert.CertPathValidatorException.BasicReason.REVOKED) {
                return false;
            }
            throw new AssertionError("revocation check failed: " + e.getMessage(), e);
        }
    }

    /** {@code openssl ocsp} against the responder the certificate names: "good", "revoked" or "unknown". */
    static String opensslOcsp(X509Certificate root, X509Certificate cert) throws Exception {
        return opensslOcsp(root, cert, Http.BASE);
    }

    /** The same against the responder of the server at {@code base}. */
    static String opensslOcsp(X509Certificate root, X509Certificate cert, String base) throws Exception {
        Path dir = Files.createTempDirectory("ocsp");
        X509Certificate issuer = cert.getIssuerX500Principal().equals(root.getSubjectX500Principal()) ? root
                : Pki.issuerOf(cert);
        Files.writeString(dir.resolve("root.pem"), Pki.pem("CERTIFICATE", root.getEncoded()));
        Files.writeString(dir.resolve("issuer.pem"), Pki.pem("CERTIFICATE", issuer.getEncoded()));
        Files.writeString(dir.resolve("cert.pem"), Pki.pem("CERTIFICATE", cert.getEncoded()));
        // the issuing CA answers for its leaf; openssl checks the answer's signer up to the root
        Process p = new ProcessBuilder("openssl", "ocsp", "-issuer", "issuer.pem", "-cert", "cert.pem", "-CAfile",
                "root.pem", "-verify_other", "issuer.pem", "-url", base + "/enos/CA/ocsp").directory(dir.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.contains("Response verify OK"), out);
        for (String s : List.of("good", "revoked", "unknown")) {
            if (out.contains("cert.pem: " + s)) {
                return s;
            }
        }
        throw new AssertionError(out);
    }

    @Test
    void devicesCompleteAMutualTlsHandshake() throws Exception {
        // a TLS server certificate from the CertManager facade, with a key made here (localhost is the certificate
        // server's own name, which no organization gets: a name of the organization's, reached on loopback)
        KeyPair serverKey = Pki.rsa(2048);
        String serverName = "mtls-peer.certgate.test";
        Map<String, String> fields = SymantecParityIT.with(SymantecParityIT.enroll("PrivateServer",
                Pki.csr(serverKey, "SHA256withRSA", "CN=" + serverName)), "subject_alt_names", serverName);
        SymantecWire.Answer server = SymantecWire.form(RaAccount.AUTO).call("enroll", fields);
        assertEquals("0x00", server.statusCode(), server.message());
        X509Certificate serverCert = Pki.cert(server.certificate());
        X509Certificate rsaRoot = Pki.root("RSA");
        X509Certificate eccRoot = Pki.root("ECC");

        String org = Enos.newOrg();
        String id = Enos.byKeys(org, Enos.newDevice(org));
        for (String authority : List.of("RSA", "ECC")) {
            KeyPair deviceKey = authority.equals("RSA") ? Pki.rsa(2048) : Pki.ec("secp256r1");
            JsonObject issued = Enos.apply(id, Pki.csr(deviceKey, authority.equals("RSA") ? "SHA256withRSA"
                    : "SHA256withECDSA", "CN=device-mtls"), null, authority);
            X509Certificate deviceCert = Pki.cert(issued.getString("cert"));
            X509Certificate deviceRoot = authority.equals("RSA") ? rsaRoot : eccRoot;

            SSLContext serverTls = tls(serverKey, new X509Certificate[] {serverCert, Pki.issuerOf(serverCert), rsaRoot},
                    rsaRoot, eccRoot);
            SSLContext deviceTls = tls(deviceKey, new X509Certificate[] {deviceCert, Pki.issuerOf(deviceCert),
                    deviceRoot}, rsaRoot, eccRoot);
            try (SSLServerSocket listener = (SSLServerSocket) serverTls.getServerSocketFactory()
                    .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                listener.setNeedClientAuth(true);
                CompletableFuture<X509Certificate> peer = CompletableFuture.supplyAsync(() -> {
                    try (SSLSocket s = (SSLSocket) listener.accept()) {
                        s.startHandshake();
                        X509Certificate client = (X509Certificate) s.getSession().getPeerCertificates()[0];
                        new DataOutputStream(s.getOutputStream()).writeUTF("hello " + client.getSubjectX500Principal());
                        return client;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                java.net.Socket plain = new java.net.Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                try (SSLSocket client = (SSLSocket) deviceTls.getSocketFactory().createSocket(plain, serverName,
                        listener.getLocalPort(), true)) {
                    javax.net.ssl.SSLParameters params = client.getSSLParameters();
                    params.setEndpointIdentificationAlgorithm("HTTPS"); // the device checks the server's name
                    client.setSSLParameters(params);
                    client.startHandshake();
                    assertEquals(serverCert, client.getSession().getPeerCertificates()[0]);
                    assertTrue(new DataInputStream(client.getInputStream()).readUTF().contains("device-mtls"));
                }
                assertEquals(deviceCert, peer.get(30, TimeUnit.SECONDS), authority + " device authenticated");
            }
        }
    }

    static SSLContext tls(KeyPair key, X509Certificate[] chain, X509Certificate... trusted) throws Exception {
        char[] pw = "x".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("me", key.getPrivate(), pw, (Certificate[]) chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        for (int i = 0; i < trusted.length; i++) {
            ts.setCertificateEntry("root" + i, trusted[i]);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }
}
