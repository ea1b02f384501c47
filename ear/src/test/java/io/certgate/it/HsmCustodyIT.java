package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * certgate with its roots in an HSM: a second server instance ({@code certgate-hsm}, ports 9081/9444, its own
 * Derby) started against a fresh SoftHSM2 token with {@code certgate.ca.custody=pkcs11}. It issues RSA and ECC
 * certificates through EnOS and CertManager (checked with openssl), answers OCSP and a CRL signed in the token,
 * and the token shows the keys sensitive and never extractable. Needs SoftHSM2 and OpenSC (.ci/run installs
 * them); skipped without them, except under CI where it fails.
 */
class HsmCustodyIT {

    static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    static final String PIN = "4711-it";
    static final String BASE = "http://localhost:9081";
    static final String HTTPS = "https://localhost:9444";
    static final String SERVER = "certgate-hsm";

    static Path wlp;
    static Path serverDir;
    static Path softhsmConf;
    static boolean started;

    @BeforeAll
    static void startAnInstanceOnASoftHsmToken() throws Exception {
        boolean tools = Files.exists(Path.of(LIBRARY)) && onPath("softhsm2-util") && onPath("pkcs11-tool");
        if (!tools && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must install softhsm2 and opensc (see .ci/run)");
        }
        Assumptions.assumeTrue(tools, "SoftHSM2 and OpenSC are not installed");
        wlp = Path.of(System.getProperty("certgate.wlp.dir", "target/liberty/wlp"));
        Path work = wlp.getParent().getParent().resolve("softhsm-it").toAbsolutePath();
        ServerDirs.deleteTree(work);
        Files.createDirectories(work.resolve("tokens"));
        softhsmConf = work.resolve("softhsm2.conf");
        Files.writeString(softhsmConf, "directories.tokendir = " + work.resolve("tokens") + "\n"
                + "objectstore.backend = file\nlog.level = ERROR\n");
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", "certgate-it", "--pin", PIN, "--so-pin",
                "0815-so"), 60);

        // a second Liberty server: the test server's configuration and application, its own data and ports
        // not the build's configDropins: this instance has its own embedded database whatever the suite runs on
        serverDir = ServerDirs.copyOfTestServer(SERVER, List.of("logs", "workarea", "certgate-data", "tranlog",
                "expanded", "derby.log", "configDropins"));
        String env = Files.readString(serverDir.resolve("server.env"))
                + "\nCERTGATE_DB=derby\nCERTGATE_BOOTSTRAP_ORG=acme\nCERTGATE_BOOTSTRAP_SYMANTEC_ACCOUNTS=ra-auto"
                + "\nHTTP_PORT=9081\nHTTPS_PORT=9444\nCERTGATE_CA_CUSTODY=pkcs11\nCERTGATE_CA_PKCS11_LIBRARY=" + LIBRARY
                + "\nCERTGATE_CA_PKCS11_SLOTLISTINDEX=0\nCERTGATE_CA_PKCS11_PIN=" + PIN
                + "\nSOFTHSM2_CONF=" + softhsmConf + "\n"
                // and JSON logs: the one other server the suite starts says what the json format writes
                + "CERTGATE_LOG_FORMAT=json\n";
        Files.writeString(serverDir.resolve("server.env"), env);
        ServerDirs.server("start", SERVER);
        started = true;
        awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (started) {
            ServerDirs.server("stop", SERVER);
        }
    }

    @Test
    void enosIssuesRsaAndEccCertificatesSignedInTheToken() throws Exception {
        String token = enosToken();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        String org = bootstrap("enos-service-account.properties").getProperty("orgId");
        JsonObject product = post("/connect-service/v2.1/products?action=create&orgId=" + org,
                "{\"productName\":{\"defaultValue\":\"hsm meter\"},\"biDirectionalAuth\":true}", auth);
        String pk = product.getString("data");
        post("/connect-service/v2.1/devices?action=create&orgId=" + org, "{\"productKey\":\"" + pk
                + "\",\"deviceKey\":\"hsm-1\",\"deviceName\":{\"defaultValue\":\"HSM 1\"}}", auth);
        String dev = "orgId=" + org + "&productKey=" + pk + "&deviceKey=hsm-1";
        X509Certificate rsaRoot = Pki.cert(get("/enos/CA/cacert/RSA"));
        X509Certificate eccRoot = Pki.cert(get("/enos/CA/cacert/ECC"));
        assertFalse(rsaRoot.equals(Pki.root("RSA")), "the HSM instance has roots of its own");

        JsonObject rsaAnswer = post("/connect-service/v2.0/certificates?action=apply&" + dev, Json.createObjectBuilder()
                .add("csr", Pki.rsaCsr("hsm-rsa")).add("validDay", 30).build().toString(), auth);
        JsonObject rsa = rsaAnswer.getJsonObject("data");
        X509Certificate rsaCert = Pki.cert(rsa.getString("cert"));
        Pki.verifyChain(rsaCert, rsaRoot);
        assertTrue(new String(rsaCert.getExtensionValue("1.3.6.1.5.5.7.1.1"), StandardCharsets.ISO_8859_1)
                .contains(BASE + "/enos/CA/ocsp"), "the certificate names this instance's OCSP responder");
        JsonObject ecc = post("/connect-service/v2.0/certificates?action=apply&" + dev, Json.createObjectBuilder()
                .add("csr", Pki.ecCsr("hsm-ecc")).add("issueAuthority", "ECC").build().toString(), auth)
                .getJsonObject("data");
        X509Certificate eccCert = Pki.cert(ecc.getString("cert"));
        Pki.verifyChain(eccCert, eccRoot);

        // OCSP answers good, then revoked; signed by the token's root key
        assertEquals(null, Pki.ocspStatus(BASE, eccRoot, eccCert));
        post("/connect-service/v2.0/certificates?action=revoke&" + dev, "{\"certSn\":" + ecc.getString("certSN")
                + ",\"reason\":1}", auth);
        Object revoked = Pki.ocspStatus(BASE, eccRoot, eccCert);
        assertTrue(revoked instanceof RevokedStatus, "revoked after revocation: " + revoked);
        assertEquals("revoked", OcspAndMutualTlsIT.opensslOcsp(eccRoot, eccCert, BASE), "openssl ocsp agrees");

        // the CRL is signed in the token and lists the revocation
        X509CRL crl = Pki.crlOf(eccCert); // its issuing CA's, whose key is in the token
        assertTrue(crl.isRevoked(eccCert));
        Pki.crl(bytes("/enos/CA/crl/ECC")).verify(eccRoot.getPublicKey()); // the root's CRL, signed in the token
        assertFalse(Pki.crl(bytes("/enos/CA/crl/RSA")).isRevoked(rsaCert));
    }

    @Test
    void certManagerIssuesThroughTheSameToken() throws Exception {
        X509Certificate rsaRoot = Pki.cert(get("/enos/CA/cacert/RSA"));
        HttpClient ra = raClient("ra-auto");
        String form = "firstName=John&lastName=Doe&email=john%40example.com&certProductType=Server&serverType=Apache"
                + "&validityPeriod=1Y&challenge=hsm-phrase&csr="
                + java.net.URLEncoder.encode(Pki.csr(Pki.rsa(2048), "SHA256withRSA", "CN=hsm.example.com,O=Acme"),
                StandardCharsets.UTF_8);
        String answer = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) { // until Liberty has reloaded the trust store with this root
            try {
                HttpResponse<String> r = ra.send(HttpRequest.newBuilder(URI.create(HTTPS
                                + "/vswebservices/rest/services/enroll"))
                        .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.body().contains("<StatusCode>0x00</StatusCode>")) {
                    answer = r.body();
                    break;
                }
            } catch (IOException handshakeNotYet) {
                // the client certificate is not trusted until the trust store reloads
            }
            Thread.sleep(1000);
        }
        assertTrue(answer != null, "CertManager enroll over mutual TLS succeeded");
        String pem = answer.substring(answer.indexOf("-----BEGIN CERTIFICATE-----"),
                answer.indexOf("-----END CERTIFICATE-----") + "-----END CERTIFICATE-----".length());
        Pki.verifyChain(Pki.cert(pem), rsaRoot);
    }

    /** SCEP's RA key lives in the token too: the client's request is decrypted there, the answer signed there. */
    @Test
    void scepEnrollsThroughTheRaKeyInTheToken(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/scepclient")),
                "Debian's scep package is not installed");
        Map<String, String> auth = Map.of("Authorization", "Bearer " + enosToken());
        String org = bootstrap("enos-service-account.properties").getProperty("orgId");
        String pk = post("/connect-service/v2.1/products?action=create&orgId=" + org,
                "{\"productName\":{\"defaultValue\":\"hsm scep\"},\"biDirectionalAuth\":true}", auth).getString("data");
        JsonObject device = post("/connect-service/v2.1/devices?action=create&orgId=" + org, "{\"productKey\":\"" + pk
                + "\",\"deviceKey\":\"hsm-scep-1\",\"deviceName\":{\"defaultValue\":\"HSM SCEP\"}}", auth)
                .getJsonObject("data");
        run(List.of("scepclient", "-server-url", BASE + "/scep/" + pk, "-private-key", dir.resolve("key.pem").toString(),
                "-cn", "hsm-scep-1", "-challenge", device.getString("deviceSecret")), 60);
        X509Certificate cert = Pki.cert(Files.readString(dir.resolve("client.pem")));
        Pki.verifyChain(cert, Pki.cert(get("/enos/CA/cacert/RSA")));
        assertTrue(cert.getSubjectX500Principal().getName().contains("CN=hsm-scep-1"));
    }

    @Test
    void theRootAndIssuingCaKeysAreSensitiveAndNeverExtractable() throws Exception {
        String out = run(List.of("pkcs11-tool", "--module", LIBRARY, "--slot-index", "0", "--login", "--pin", PIN,
                "--list-objects", "--type", "privkey"), 60);
        for (String label : List.of("certgate-rsa-root", "certgate-ecc-root", "certgate-scep-ra")) {
            String object = Stream.of(out.split("Private Key Object"))
                    .filter(o -> o.matches("(?s).*label:\\s+" + label + "\\s.*")).findFirst()
                    .orElseThrow(() -> new AssertionError("the token holds no private key " + label + ":\n" + out));
            assertTrue(object.contains("sensitive, always sensitive, never extractable"), object);
        }
        // the issuing CAs' keys were generated in the token the same way: the bootstrap organization's RSA CA (its
        // RA accounts' certificates, made at the first start) and every other one there is
        List<String> issuing = Stream.of(out.split("Private Key Object"))
                .filter(o -> o.matches("(?s).*label:\\s+certgate-ca-.*")).toList();
        assertTrue(issuing.stream().anyMatch(o -> o.matches("(?s).*label:\\s+certgate-ca-acme-rsa-g1-.*")), out);
        for (String object : issuing) {
            assertTrue(object.contains("sensitive, always sensitive, never extractable"), object);
        }
        // and certgate did not fall back to a keystore in the database: it says where its keys are
        String log = Files.readString(serverDir.resolve("logs/messages.log"));
        assertTrue(log.contains("CA keys: PKCS#11"), "the log names the custody");
    }

    @Test
    void jsonLogsCarryTheRequestIdOfTheAnswer() throws Exception {
        String token = enosToken();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        String org = bootstrap("enos-service-account.properties").getProperty("orgId");
        String pk = post("/connect-service/v2.1/products?action=create&orgId=" + org,
                "{\"productName\":{\"defaultValue\":\"json log meter\"},\"biDirectionalAuth\":true}", auth)
                .getString("data");
        post("/connect-service/v2.1/devices?action=create&orgId=" + org, "{\"productKey\":\"" + pk
                + "\",\"deviceKey\":\"json-1\",\"deviceName\":{\"defaultValue\":\"JSON 1\"}}", auth);
        JsonObject answer = post("/connect-service/v2.0/certificates?action=apply&orgId=" + org + "&productKey=" + pk
                + "&deviceKey=json-1", Json.createObjectBuilder().add("csr", Pki.rsaCsr("json-log")).build().toString(),
                auth);
        String requestId = answer.getString("requestId");
        String certSn = answer.getJsonObject("data").getString("certSN");
        // after Liberty's header (lines of * and key = value) and the kernel's first lines, written before the
        // server configuration is read, every line of messages.log is one JSON record; the issuance's carries the
        // answer's request id as a field
        java.util.List<JsonObject> records = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        JsonObject issued = null;
        while (issued == null && System.nanoTime() < deadline) {
            records.clear();
            for (String line : Files.readAllLines(serverDir.resolve("logs/messages.log"))) {
                assertFalse(!records.isEmpty() && line.startsWith("["), "a line in the simple format: " + line);
                if (line.startsWith("{")) {
                    try (jakarta.json.JsonReader r = Json.createReader(new java.io.StringReader(line))) {
                        records.add(r.readObject()); // a line that is not JSON fails the test here
                    }
                }
            }
            issued = records.stream().filter(r -> requestId.equals(r.getString("ext_requestId", null)))
                    .filter(r -> r.getString("message", "").contains("certSn " + certSn)).findFirst().orElse(null);
            if (issued == null) {
                Thread.sleep(500);
            }
        }
        assertTrue(issued != null, "a JSON record with ext_requestId " + requestId + " about certSn " + certSn);
        assertEquals("I", issued.getString("loglevel").substring(0, 1), issued.toString());
        assertTrue(records.stream().anyMatch(r -> r.getString("message", "").contains("CA keys: PKCS#11")),
                "start-up lines are JSON records too");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String enosToken() {
        Properties p = bootstrap("enos-service-account.properties");
        long ts = System.currentTimeMillis();
        String enc = Enos.sha256(p.getProperty("appKey") + ts + p.getProperty("appSecret"));
        JsonObject r = json(send(HttpRequest.newBuilder(URI.create(BASE + "/apim-token-service/v2.0/token/get"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"appKey\":\"" + p.getProperty("appKey") + "\",\"encryption\":\"" + enc + "\",\"timestamp\":"
                                + ts + "}"))).body());
        return r.getJsonObject("data").getString("accessToken");
    }

    private static Properties bootstrap(String file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(serverDir.resolve("certgate-data/bootstrap").resolve(file))) {
            p.load(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }

    private static JsonObject post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        JsonObject o = json(send(b).body());
        assertEquals(0, o.getInt("code"), o.toString());
        return o;
    }

    private static String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET()).body();
    }

    private static byte[] bytes(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject json(String s) {
        try (var r = Json.createReader(new java.io.StringReader(s))) {
            return r.readObject();
        }
    }

    private static HttpClient raClient(String account) throws Exception {
        Path dir = serverDir.resolve("certgate-data/bootstrap");
        char[] password = Files.readString(dir.resolve(account + ".p12.password")).trim().toCharArray();
        return HttpClient.newBuilder().sslContext(RaAccount.tlsToAnyServer(
                Files.readAllBytes(dir.resolve(account + ".p12")), password)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the HSM instance is not ready after 180 s: "
                + Files.readString(serverDir.resolve("logs/messages.log")));
    }

    private static String run(List<String> command, int seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
