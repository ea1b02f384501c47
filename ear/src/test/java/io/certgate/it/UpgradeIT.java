package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database made by the previous release (its leaves signed by the roots; {@code make-release-database.sh} made
 * it with that release's own build and API) upgraded in place by this one: Liquibase adds schema 10 at the start of
 * a second instance ({@code certgate-upgrade}, ports 9083/9446), the old leaves stay valid, listed and revocable, on
 * their root's CRL and answered by OCSP with the root's key, and new leaves come from the organization's issuing CA.
 */
class UpgradeIT {

    static final String SERVER = "certgate-upgrade";
    static final String BASE = "http://localhost:9083";

    static Path serverDir;
    static Properties release;
    static boolean started;

    @BeforeAll
    static void startTheNewReleaseOnTheOldDatabase() throws Exception {
        serverDir = ServerDirs.copyOfTestServer(SERVER, List.of("logs", "workarea", "certgate-data", "tranlog",
                "expanded", "derby.log", "configDropins"));
        try (InputStream in = UpgradeIT.class.getResourceAsStream("/upgrade/release-database.zip");
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = serverDir.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(serverDir), e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        release = new Properties();
        try (InputStream in = Files.newInputStream(serverDir.resolve("certgate-data/release.properties"))) {
            release.load(in);
        }
        Files.writeString(serverDir.resolve("server.env"), Files.readString(serverDir.resolve("server.env"))
                + "\nCERTGATE_DB=derby\nCERTGATE_BOOTSTRAP_ORG=acme\nHTTP_PORT=9083\nHTTPS_PORT=9446\n");
        ServerDirs.server("start", SERVER);
        started = true;
        ServerDirs.awaitReady(BASE, serverDir, "the upgraded instance");
    }

    @AfterAll
    static void stop() {
        if (started) {
            ServerDirs.server("stop", SERVER);
        }
    }

    @Test
    void theOldLeavesStayValidListedRevocableOnTheRootsCrlAndInOcspWhileNewLeavesComeFromTheIssuingCa()
            throws Exception {
        String token = ServerDirs.enosToken(BASE, serverDir);
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        String dev = "orgId=" + release.getProperty("orgId") + "&productKey=" + release.getProperty("productKey")
                + "&deviceKey=" + release.getProperty("deviceKey");
        X509Certificate rsaRoot = Pki.cert(send(HttpRequest.newBuilder(URI.create(BASE + "/enos/CA/cacert/RSA")))
                .body());
        X509Certificate eccRoot = Pki.cert(send(HttpRequest.newBuilder(URI.create(BASE + "/enos/CA/cacert/ECC")))
                .body());

        // listed as the old release left them
        JsonArray list = post("/connect-service/v2.0/certificates?action=list&" + dev, "{}", auth).getJsonArray("data");
        X509Certificate kept = cert(list, release.getProperty("kept"), 0);
        X509Certificate ecc = cert(list, release.getProperty("ecc"), 0);
        X509Certificate revoked = cert(list, release.getProperty("revoked"), 1);
        assertEquals(rsaRoot.getSubjectX500Principal(), kept.getIssuerX500Principal(), "signed by the root itself");
        kept.verify(rsaRoot.getPublicKey());
        ecc.verify(eccRoot.getPublicKey());

        // the root's CRL lists the old revoked leaf; OCSP answers for the old leaves with the root's key
        X509CRL rootCrl = Pki.crl(Pki.fetchPublic(BASE + "/enos/CA/crl/RSA"));
        rootCrl.verify(rsaRoot.getPublicKey());
        assertNotNull(rootCrl.getRevokedCertificate(revoked.getSerialNumber()));
        assertNull(Pki.ocspStatus(BASE, rsaRoot, kept), "good");
        assertTrue(Pki.ocspStatus(BASE, rsaRoot, revoked) instanceof RevokedStatus);

        // still revocable and renewable: the revocation lands on the root's CRL, the renewal on the issuing CA
        JsonObject renewed = post("/connect-service/v2.0/certificates?action=renew&" + dev, "{\"certSn\":"
                + release.getProperty("ecc") + "}", auth).getJsonObject("data");
        X509Certificate renewedCert = Pki.cert(renewed.getString("cert"));
        Pki.verifyChain(renewedCert, eccRoot);
        post("/connect-service/v2.0/certificates?action=revoke&" + dev, "{\"certSn\":" + release.getProperty("kept")
                + ",\"reason\":4}", auth);
        X509CRL after = Pki.crl(Pki.fetchPublic(BASE + "/enos/CA/crl/RSA"));
        after.verify(rsaRoot.getPublicKey());
        assertNotNull(after.getRevokedCertificate(kept.getSerialNumber()), "revoked after the upgrade: on the root's CRL");
        assertTrue(Pki.ocspStatus(BASE, rsaRoot, kept) instanceof RevokedStatus);

        // a new leaf: leaf <- the organization's issuing CA <- the same root
        JsonObject fresh = post("/connect-service/v2.0/certificates?action=apply&" + dev, Json.createObjectBuilder()
                .add("csr", Pki.rsaCsr("after-upgrade")).build().toString(), auth).getJsonObject("data");
        Pki.verifyChain(Pki.cert(fresh.getString("cert")), rsaRoot);
        assertTrue(Files.readString(serverDir.resolve("logs/messages.log")).contains("Issuing CA"),
                "the log names the issuing CA made on the first new certificate");
    }

    static X509Certificate cert(JsonArray list, String certSn, int status) {
        for (JsonValue v : list) {
            JsonObject o = v.asJsonObject();
            if (o.getString("certSN").equals(certSn)) {
                assertEquals(status, o.getInt("certStatus"), o.toString());
                return Pki.cert(o.getString("cert"));
            }
        }
        throw new AssertionError("certSN " + certSn + " is not listed: " + list);
    }

    static JsonObject post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        JsonObject o = OfflineRootIT.json(send(b).body());
        assertEquals(0, o.getInt("code"), o.toString());
        return o;
    }

    static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HttpClient.newHttpClient().send(b.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

}
