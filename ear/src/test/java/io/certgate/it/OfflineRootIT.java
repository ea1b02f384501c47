package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.ceremony.RootCeremony;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server with no root private key: the root ceremony ({@code certgate-ceremony}, run here as its command runs)
 * makes the roots in a PKCS#12 file of its own; a second instance ({@code certgate-offline}, ports 9082/9445, its
 * own embedded database) starts with their certificates only. Its organization's issuing CA waits with a CSR until
 * the ceremony signs it and an operator imports the certificate; then it issues, revokes and publishes; the root's
 * CRL is the ceremony's, imported through the admin API.
 */
class OfflineRootIT {

    static final String SERVER = "certgate-offline";
    static final String BASE = "http://localhost:9082";
    static final String HTTPS = "https://localhost:9445";
    static final String SECRET = "offline-root-ceremony";

    static Path serverDir;
    static Path ceremony;
    static boolean started;

    @BeforeAll
    static void startAnInstanceWithoutRootKeys() throws Exception {
        Path wlp = ServerDirs.wlp();
        ceremony = wlp.getParent().getParent().resolve("ceremony-it").toAbsolutePath();
        ServerDirs.deleteTree(ceremony);
        Files.createDirectories(ceremony);
        ceremony("init", "--keystore", ceremony.resolve("roots.p12").toString(), "--out",
                ceremony.resolve("roots.pem").toString());
        serverDir = ServerDirs.copyOfTestServer(SERVER, List.of("logs", "workarea", "certgate-data", "tranlog",
                "expanded", "derby.log", "configDropins"));
        Files.writeString(serverDir.resolve("server.env"), Files.readString(serverDir.resolve("server.env"))
                + "\nCERTGATE_DB=derby\nCERTGATE_BOOTSTRAP_ORG=acme\nHTTP_PORT=9082\nHTTPS_PORT=9445"
                + "\nCERTGATE_CA_ROOT_CERTIFICATES=" + ceremony.resolve("roots.pem") + "\n");
        ServerDirs.server("start", SERVER);
        started = true;
        ServerDirs.awaitReady(BASE, serverDir, "the offline-root instance");
    }

    @AfterAll
    static void stop() {
        if (started) {
            ServerDirs.server("stop", SERVER);
        }
    }

    @Test
    void theCeremonySignsTheIssuingCaAndTheRootsCrlAndTheServerIssuesRevokesAndPublishes() throws Exception {
        List<X509Certificate> roots = DigiCert.pemCertificates(Files.readString(ceremony.resolve("roots.pem")));
        X509Certificate rsaRoot = roots.get(0);
        assertEquals(rsaRoot, Pki.cert(send(get(BASE + "/enos/CA/cacert/RSA")).body()), "the ceremony's root");
        assertEquals(404, send(get(BASE + "/enos/CA/crl/RSA")).statusCode(), "no root CRL before the ceremony's");
        JsonObject authorities = json(send(admin("GET", "/admin/api/authorities", null)).body());
        assertTrue(authorities.getString("keyCustodyDescription").contains("RSA root offline"),
                authorities.toString());

        // EnOS: a device of the bootstrap organization; no certificate while its issuing CA waits for the ceremony
        String token = ServerDirs.enosToken(BASE, serverDir);
        java.util.Map<String, String> auth = java.util.Map.of("Authorization", "Bearer " + token);
        String org = bootstrap("enos-service-account.properties").getProperty("orgId");
        String pk = post("/connect-service/v2.1/products?action=create&orgId=" + org,
                "{\"productName\":{\"defaultValue\":\"offline meter\"},\"biDirectionalAuth\":true}", auth)
                .getString("data");
        post("/connect-service/v2.1/devices?action=create&orgId=" + org, "{\"productKey\":\"" + pk
                + "\",\"deviceKey\":\"off-1\",\"deviceName\":{\"defaultValue\":\"Offline 1\"}}", auth);
        String dev = "orgId=" + org + "&productKey=" + pk + "&deviceKey=off-1";
        String apply = Json.createObjectBuilder().add("csr", Pki.rsaCsr("offline-rsa")).build().toString();
        JsonObject waiting = json(send(HttpRequest.newBuilder(URI.create(BASE + "/connect-service/v2.0/certificates"
                + "?action=apply&" + dev)).header("Content-Type", "application/json").header("Authorization",
                "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(apply))).body());
        assertTrue(waiting.getInt("code") != 0, "refused while the issuing CA awaits the ceremony: " + waiting);
        assertTrue(waiting.getString("msg").contains("root ceremony"), waiting.toString());

        // the operator takes the pending CA's CSR to the ceremony and imports what it signs
        JsonObject pending = issuingCa(org, "RSA");
        assertEquals("PENDING", pending.getString("state"));
        Path csr = ceremony.resolve("ca.csr");
        Files.writeString(csr, pending.getString("csr"));
        ceremony("sign-ca", "--keystore", ceremony.resolve("roots.p12").toString(), "--csr", csr.toString(),
                "--base-url", BASE, "--out", ceremony.resolve("ca.pem").toString());
        long id = pending.getJsonNumber("id").longValue();
        HttpResponse<String> wrong = send(admin("PUT", "/admin/api/issuing-cas/" + id + "/certificate",
                Pki.pem("CERTIFICATE", rsaRoot.getEncoded())));
        assertEquals(400, wrong.statusCode(), "the root's own certificate is no certificate of this CA: " + wrong.body());
        HttpResponse<String> imported = send(admin("PUT", "/admin/api/issuing-cas/" + id + "/certificate",
                Files.readString(ceremony.resolve("ca.pem"))));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals("ACTIVE", json(imported.body()).getString("state"));

        // now it issues: leaf <- the ceremony's issuing CA <- the offline root
        JsonObject issued = post("/connect-service/v2.0/certificates?action=apply&" + dev, apply, auth)
                .getJsonObject("data");
        X509Certificate leaf = Pki.cert(issued.getString("cert"));
        X509Certificate issuing = Pki.cert(Files.readString(ceremony.resolve("ca.pem")));
        Pki.verifyChain(leaf, rsaRoot);
        assertEquals(issuing, Pki.issuerOf(leaf));

        // revokes and publishes: the issuing CA's CRL and OCSP, signed on the server
        post("/connect-service/v2.0/certificates?action=revoke&" + dev, "{\"certSn\":" + issued.getString("certSN")
                + ",\"reason\":1}", auth);
        assertTrue(Pki.crlOf(leaf).isRevoked(leaf));
        assertTrue(Pki.ocspStatus(BASE, rsaRoot, leaf) instanceof org.bouncycastle.cert.ocsp.RevokedStatus);

        // the root's CRL: signed by the ceremony, imported, served as it is; an older number is refused
        ceremony("sign-crl", "--keystore", ceremony.resolve("roots.p12").toString(), "--authority", "RSA",
                "--number", "1", "--out", ceremony.resolve("root-1.crl").toString());
        byte[] crl = Files.readAllBytes(ceremony.resolve("root-1.crl"));
        assertEquals(204, send(admin("PUT", "/admin/api/authorities/RSA/crl", crl)).statusCode());
        assertArrayEquals(crl, Pki.fetchPublic(BASE + "/enos/CA/crl/RSA"));
        X509CRL rootCrl = Pki.crlOf(issuing);
        rootCrl.verify(rsaRoot.getPublicKey());
        assertEquals(400, send(admin("PUT", "/admin/api/authorities/RSA/crl", crl)).statusCode(), "not twice");
        ceremony("sign-crl", "--keystore", ceremony.resolve("roots.p12").toString(), "--authority", "RSA",
                "--number", "2", "--previous", ceremony.resolve("root-1.crl").toString(), "--revoke",
                issuing.getSerialNumber().toString(16) + ":keyCompromise", "--out",
                ceremony.resolve("root-2.crl").toString());
        assertEquals(204, send(admin("PUT", "/admin/api/authorities/RSA/crl",
                Files.readAllBytes(ceremony.resolve("root-2.crl")))).statusCode());
        assertNotNull(Pki.crlOf(issuing).getRevokedCertificate(issuing.getSerialNumber()),
                "the ceremony's revocation of the issuing CA is served");
        assertTrue(Files.readString(serverDir.resolve("logs/messages.log")).contains("offline"),
                "the log says the root is offline");
    }

    /**
     * Root rollover: the ceremony makes the ECC root's second generation in a keystore of its own, the operator adds
     * it, and the organization's ECC issuing CA rolls over under it. Leaves of the first generation keep verifying
     * (with revocation checking through each root's CRL); new leaves chain to the new root; both roots are served.
     */
    @Test
    void aRootRolloverKeepsOldLeavesValidAndNewLeavesChainToTheNewRoot() throws Exception {
        X509Certificate eccRoot = DigiCert.pemCertificates(Files.readString(ceremony.resolve("roots.pem"))).get(1);
        String token = ServerDirs.enosToken(BASE, serverDir);
        java.util.Map<String, String> auth = java.util.Map.of("Authorization", "Bearer " + token);
        String org = bootstrap("enos-service-account.properties").getProperty("orgId");
        String pk = post("/connect-service/v2.1/products?action=create&orgId=" + org,
                "{\"productName\":{\"defaultValue\":\"rollover meter\"},\"biDirectionalAuth\":true}", auth)
                .getString("data");
        post("/connect-service/v2.1/devices?action=create&orgId=" + org, "{\"productKey\":\"" + pk
                + "\",\"deviceKey\":\"roll-1\",\"deviceName\":{\"defaultValue\":\"Roll 1\"}}", auth);
        String dev = "orgId=" + org + "&productKey=" + pk + "&deviceKey=roll-1";
        String apply = Json.createObjectBuilder().add("csr", Pki.ecCsr("roll-ecc")).add("issueAuthority", "ECC")
                .build().toString();
        String roots1 = ceremony.resolve("roots.p12").toString();

        // generation 1: the ECC issuing CA waits for the ceremony (the first apply makes it), is signed, issues
        send(HttpRequest.newBuilder(URI.create(BASE + "/connect-service/v2.0/certificates?action=apply&" + dev))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(apply)));
        JsonObject first = issuingCa(org, "ECC");
        signAndImport(first, roots1, 1, "ecc-g1");
        X509Certificate oldLeaf = Pki.cert(post("/connect-service/v2.0/certificates?action=apply&" + dev, apply, auth)
                .getJsonObject("data").getString("cert"));
        ceremony("sign-crl", "--keystore", roots1, "--authority", "ECC", "--number", "1", "--out",
                ceremony.resolve("ecc-1.crl").toString());
        assertEquals(204, send(admin("PUT", "/admin/api/authorities/ECC/crl",
                Files.readAllBytes(ceremony.resolve("ecc-1.crl")))).statusCode());

        // the ceremony makes the second generation in a keystore of its own; the operator adds it
        String roots2 = ceremony.resolve("roots-g2.p12").toString();
        ceremony("init", "--keystore", roots2, "--generation", "2", "--out", ceremony.resolve("roots-g2.pem").toString());
        X509Certificate eccRoot2 = DigiCert.pemCertificates(Files.readString(ceremony.resolve("roots-g2.pem"))).get(1);
        assertTrue(eccRoot2.getSubjectX500Principal().getName().contains("Root CA G2"), eccRoot2.toString());
        HttpResponse<String> notSelfSigned = send(admin("POST", "/admin/api/roots",
                Pki.pem("CERTIFICATE", Pki.issuerOf(oldLeaf).getEncoded())));
        assertEquals(400, notSelfSigned.statusCode(), "an issuing CA is no root: " + notSelfSigned.body());
        HttpResponse<String> added = send(admin("POST", "/admin/api/roots", Pki.pem("CERTIFICATE",
                eccRoot2.getEncoded())));
        assertEquals(201, added.statusCode(), added.body());
        assertTrue(added.body().contains("\"ECC-G2\""), added.body());
        assertEquals(400, send(admin("POST", "/admin/api/roots", Pki.pem("CERTIFICATE", eccRoot2.getEncoded())))
                .statusCode(), "the same root twice");
        assertEquals(eccRoot2, Pki.cert(send(get(BASE + "/enos/CA/cacert/ECC-G2")).body()));
        assertEquals(eccRoot, Pki.cert(send(get(BASE + "/enos/CA/cacert/ECC")).body()), "the first stays served");

        // rollover: the new generation of the issuing CA waits for the new root's ceremony
        HttpResponse<String> rolled = send(admin("POST", "/admin/api/issuing-cas/rollover",
                "{\"scope\":\"" + org + "\",\"authority\":\"ECC\"}").header("Content-Type", "application/json"));
        assertEquals(201, rolled.statusCode(), rolled.body());
        JsonObject second = json(rolled.body());
        assertEquals("PENDING", second.getString("state"));
        HttpResponse<String> wrongRoot = importCa(second, signCa(second, roots1, 1, "ecc-g2-by-g1"));
        assertEquals(200, wrongRoot.statusCode(), "an older generation may still sign: " + wrongRoot.body());
        assertEquals("ECC", json(wrongRoot.body()).getString("root"));
        HttpResponse<String> rolledAgain = send(admin("POST", "/admin/api/issuing-cas/rollover",
                "{\"scope\":\"" + org + "\",\"authority\":\"ECC\"}").header("Content-Type", "application/json"));
        JsonObject third = json(rolledAgain.body());
        JsonObject certified = json(signAndImport(third, roots2, 2, "ecc-g3").body());
        assertEquals("ECC-G2", certified.getString("root"), certified.toString());
        ceremony("sign-crl", "--keystore", roots2, "--authority", "ECC", "--number", "1", "--out",
                ceremony.resolve("ecc-g2-1.crl").toString());
        assertEquals(204, send(admin("PUT", "/admin/api/authorities/ECC-G2/crl",
                Files.readAllBytes(ceremony.resolve("ecc-g2-1.crl")))).statusCode());

        // new leaves chain to the new root; the old leaf still verifies under the old one, both with their CRLs
        JsonObject issued = post("/connect-service/v2.0/certificates?action=apply&" + dev, apply, auth)
                .getJsonObject("data");
        X509Certificate newLeaf = Pki.cert(issued.getString("cert"));
        Pki.verifyChain(newLeaf, eccRoot2);
        assertTrue(issued.getString("caCert").contains(Pki.pem("CERTIFICATE", eccRoot2.getEncoded()).trim()),
                "the answer's chain ends in the new root");
        Pki.verifyChain(oldLeaf, eccRoot);
        assertTrue(Pki.crlOf(Pki.issuerOf(newLeaf)).getRevokedCertificate(Pki.issuerOf(newLeaf).getSerialNumber())
                == null, "the new issuing CA on the new root's CRL, not revoked");
        assertTrue(Pki.extensionUri(Pki.issuerOf(newLeaf), "2.5.29.31" /* cRLDistributionPoints */)
                .endsWith("/enos/CA/crl/ECC-G2"));
        assertTrue(HierarchyIT.pkix(newLeaf, eccRoot2), "JDK PKIX with both CRLs, new root");
        assertTrue(HierarchyIT.pkix(oldLeaf, eccRoot), "JDK PKIX with both CRLs, old root");
        JsonObject authorities = json(send(admin("GET", "/admin/api/authorities", null)).body());
        assertTrue(authorities.toString().contains("ECC-G2") && authorities.toString().contains("\"ECC\""),
                authorities.toString());
    }

    static HttpResponse<String> signAndImport(JsonObject pending, String keystore, int generation, String name)
            throws IOException {
        HttpResponse<String> imported = importCa(pending, signCa(pending, keystore, generation, name));
        assertEquals(200, imported.statusCode(), imported.body());
        return imported;
    }

    static Path signCa(JsonObject pending, String keystore, int generation, String name) throws IOException {
        assertEquals("PENDING", pending.getString("state"), pending.toString());
        Path csr = ceremony.resolve(name + ".csr");
        Files.writeString(csr, pending.getString("csr"));
        ceremony("sign-ca", "--keystore", keystore, "--generation", String.valueOf(generation), "--csr",
                csr.toString(), "--base-url", BASE, "--out", ceremony.resolve(name + ".pem").toString());
        return ceremony.resolve(name + ".pem");
    }

    static HttpResponse<String> importCa(JsonObject pending, Path certificate) throws IOException {
        return send(admin("PUT", "/admin/api/issuing-cas/" + pending.getJsonNumber("id").longValue()
                + "/certificate", Files.readString(certificate)));
    }

    // ---- the ceremony and the instance -------------------------------------------------------------------

    static void ceremony(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RootCeremony.run(args, SECRET, new PrintStream(out), new PrintStream(err));
        assertEquals(0, status, "certgate-ceremony " + String.join(" ", args) + ": " + out + err);
    }

    static JsonObject issuingCa(String scope, String authority) {
        for (JsonValue v : json(send(admin("GET", "/admin/api/issuing-cas", null)).body()).getJsonArray("issuingCas")) {
            JsonObject ca = v.asJsonObject();
            if (ca.getString("scope").equals(scope) && ca.getString("authority").equals(authority)) {
                return ca;
            }
        }
        throw new AssertionError("no " + authority + " issuing CA for " + scope);
    }

    /** The admin API of the instance; its HTTPS keeps Liberty's own certificate until an infrastructure CA exists. */
    static HttpRequest.Builder admin(String method, String path, Object body) {
        String password;
        try {
            password = Files.readString(serverDir.resolve("certgate-data/bootstrap/admin-password.txt")).trim();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] b ? HttpRequest.BodyPublishers.ofByteArray(b)
                : HttpRequest.BodyPublishers.ofString(body.toString());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(HTTPS + path)).method(method, publisher)
                .header("Authorization", Admin.basic("admin", password));
        if (body instanceof byte[]) {
            b.header("Content-Type", "application/pkix-crl");
        } else if (body != null) {
            b.header("Content-Type", "application/x-pem-file");
        }
        return b;
    }

    static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            SSLContext any = SSLContext.getInstance("TLS");
            any.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return HttpClient.newBuilder().sslContext(any).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build().send(b.timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonObject post(String path, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        JsonObject o = json(send(b).body());
        assertEquals(0, o.getInt("code"), o.toString());
        return o;
    }

    static Properties bootstrap(String file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(serverDir.resolve("certgate-data/bootstrap").resolve(file))) {
            p.load(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }

    static JsonObject json(String s) {
        try (var r = Json.createReader(new java.io.StringReader(s))) {
            return r.readObject();
        }
    }

}
