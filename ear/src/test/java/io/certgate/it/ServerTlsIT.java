package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * certgate's own HTTPS certificate: a client that trusts only certgate's RSA root (as downloaded from the public
 * endpoint) with the JDK's hostname check, and openssl with only that root, both accept the HTTPS port; the leaf
 * is for localhost and 127.0.0.1, serverAuth, issued through the ledger (organization {@code _server}: listed by
 * the admin API, good in OCSP, audited as the system's), and its key sits in an owner-only keystore.
 */
class ServerTlsIT {

    static final String HOST = java.net.URI.create(RaAccount.HTTPS).getHost();
    static final int PORT = java.net.URI.create(RaAccount.HTTPS).getPort();

    @Test
    void httpsPresentsACertificateOfCertgatesRootForItsHostNames() throws Exception {
        X509Certificate root = Pki.root("RSA");
        SSLContext rootOnly = rootOnly(root);
        RaAccount.awaitServerCertificate(rootOnly);

        // a client with the root alone and hostname verification on: handshake and an answer
        HttpClient client = HttpClient.newBuilder().sslContext(rootOnly).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> ready = client.send(HttpRequest.newBuilder(java.net.URI.create(RaAccount.HTTPS
                + "/enos/CA/cacert/RSA")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode());

        Certificate[] chain = presentedChain(rootOnly);
        X509Certificate leaf = (X509Certificate) chain[0];
        assertEquals(3, chain.length, "leaf, infrastructure CA, root");
        assertEquals(root, chain[2]);
        assertEquals(chain[1], Pki.issuerOf(leaf));
        assertTrue(((X509Certificate) chain[1]).getSubjectX500Principal().getName().contains("Infrastructure CA"),
                ((X509Certificate) chain[1]).getSubjectX500Principal().getName());
        Pki.verifyChain(leaf, root);
        assertTrue(leaf.getSubjectAlternativeNames().contains(List.of(2, "localhost")), "SAN DNS localhost");
        assertTrue(leaf.getSubjectAlternativeNames().contains(List.of(7, "127.0.0.1")), "SAN IP 127.0.0.1");
        assertTrue(leaf.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertEquals(-1, leaf.getBasicConstraints(), "not a CA");
        String crlDp = new String(leaf.getExtensionValue("2.5.29.31"), StandardCharsets.ISO_8859_1);
        assertTrue(crlDp.contains(Http.BASE + "/enos/CA/ca/"), "the public base URL's CRL of the infrastructure CA");
        assertNull(Pki.ocspStatus(Http.BASE, root, leaf), "OCSP: good");

        // in the ledger, as the server's own certificate, and audited as the system's
        String serial = leaf.getSerialNumber().toString(16);
        Http.Answer listed = Admin.get("/admin/api/orgs/_server/certificates?serial=" + serial);
        assertEquals(200, listed.status(), listed.body());
        JsonObject page = listed.json();
        assertEquals(1, page.getInt("total"), listed.body());
        JsonObject c = page.getJsonArray("certificates").getJsonObject(0);
        assertEquals("valid", c.getString("status"));
        assertEquals("RSA", c.getString("authority"));
        assertTrue(c.getString("subject").contains("CN=localhost"), c.getString("subject"));
        Http.Answer audit = Admin.get("/admin/api/orgs/_server/audit?max=1000");
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.body().contains("certSn=" + c.getJsonNumber("certSn").longValue() + " server-tls="),
                "the issuance is in the audit trail: " + audit.body());
        assertTrue(audit.body().contains("\"system\""), "by the system: " + audit.body());

        // no credential can be made in the server's organization
        assertEquals(404, Admin.post("/admin/api/orgs/_server/enos-service-accounts").status());
        assertEquals(404, Admin.post("/admin/api/orgs/_server/digicert-keys").status());

        // openssl with only the root verifies chain and host name
        Path dir = Files.createTempDirectory("server-tls");
        Files.writeString(dir.resolve("root.pem"), Pki.pem("CERTIFICATE", root.getEncoded()));
        Process p = new ProcessBuilder("openssl", "s_client", "-connect", HOST + ":" + PORT, "-servername", HOST,
                "-CAfile", dir.resolve("root.pem").toString(), "-verify_return_error", "-verify_hostname", HOST)
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl s_client timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("Verify return code: 0 (ok)"), out);

        // the key: in the keystore Liberty reads, owner-only
        Path keystore = RaAccount.serverDir().resolve("resources/security/key.p12");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
    }

    /** The certificate HTTPS presents, once it is certgate's (RestartIT: the same one after a restart). */
    static X509Certificate serverCertificate() throws Exception {
        SSLContext rootOnly = rootOnly(Pki.root("RSA"));
        RaAccount.awaitServerCertificate(rootOnly);
        return (X509Certificate) presentedChain(rootOnly)[0];
    }

    /** The chain of a handshake that trusts only the root and checks the host name. */
    static Certificate[] presentedChain(SSLContext rootOnly) throws Exception {
        try (SSLSocket socket = (SSLSocket) rootOnly.getSocketFactory().createSocket(HOST, PORT)) {
            SSLParameters p = socket.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(p);
            socket.startHandshake();
            return socket.getSession().getPeerCertificates();
        }
    }

    /**
     * Issue 18, 9: TLS 1.2 offered suites without forward secrecy and CBC with SHA-1 (AES128-SHA). A client that offers
     * only such suites gets no handshake; ECDHE with AES-GCM does.
     */
    @Test
    void tls12OffersOnlyForwardSecretAeadSuites() throws Exception {
        SSLContext trustAll = RaAccount.tls(null);
        for (String weak : List.of("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")) {
            try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket(HOST, PORT)) {
                socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                socket.setEnabledCipherSuites(new String[] {weak});
                socket.startHandshake();
                throw new AssertionError("the server accepted " + weak);
            } catch (javax.net.ssl.SSLException refused) {
                // no suite in common
            }
        }
        try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket(HOST, PORT)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
            socket.startHandshake();
            assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", socket.getSession().getCipherSuite());
        }
    }

    /** Issue 18, 9: the console's session cookie lacked Secure and SameSite. Issue 19: it is made at the sign-in. */
    @Test
    void theConsoleSessionCookieIsSecureHttpOnlyAndSameSiteStrict() throws Exception {
        HttpResponse<String> signIn = new ConsoleClient().signIn("admin", Admin.password());
        assertEquals(302, signIn.statusCode(), signIn.body());
        List<String> cookies = signIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertTrue(!cookies.isEmpty(), "the sign-in made a session: " + signIn.headers());
        for (String c : cookies) {
            String lower = c.toLowerCase(java.util.Locale.ROOT);
            assertTrue(lower.contains("; secure"), c);
            assertTrue(lower.contains("; httponly"), c);
            assertTrue(lower.contains("samesite=strict"), c);
        }
    }

    static SSLContext rootOnly(X509Certificate root) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("root", root);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }
}
