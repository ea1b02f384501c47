package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stops and starts the Liberty server the build started, then checks that products, devices, certificates,
 * revocations, the certSn sequence, the CA keys and the HTTPS certificate all survived, and that a restart with
 * another host name replaces the HTTPS certificate and revokes the old one. Runs last (its own failsafe execution).
 */
class RestartIT {

    @Test
    void everythingSurvivesARestart() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        JsonObject kept = Enos.apply(id, Pki.rsaCsr("restart-kept"), 100, null);
        JsonObject gone = Enos.apply(id, Pki.ecCsr("restart-revoked"), null, "ECC");
        Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", gone.getString("certSN"))
                .add("reason", 4).build()));
        java.security.cert.X509Certificate goneCert = Pki.cert(gone.getString("cert"));
        String eccCrl = Pki.extensionUri(goneCert, "2.5.29.31"); // its CRL distribution point
        java.math.BigInteger crlNumberBefore = CoreContractIT.crlNumber(Pki.fetchPublic(eccCrl));
        String rsaRootBefore = Http.get("/enos/CA/cacert/RSA").body();
        String eccRootBefore = Http.get("/enos/CA/cacert/ECC").body();
        java.security.cert.X509Certificate httpsBefore = ServerTlsIT.serverCertificate();

        server("stop");
        server("start");
        waitUntilReady();

        assertEquals(rsaRootBefore, Http.get("/enos/CA/cacert/RSA").body(), "same RSA root after restart");
        assertEquals(eccRootBefore, Http.get("/enos/CA/cacert/ECC").body(), "same ECC root after restart");
        assertEquals(httpsBefore, ServerTlsIT.serverCertificate(), "HTTPS keeps its certificate: none is issued anew");
        JsonArray list = Enos.ok(Enos.get(org, "/connect-service/v2.0/certificates?action=list&" + id)).getJsonArray("data");
        assertEquals(2, list.size());
        assertEquals(kept.getString("cert"), list.getJsonObject(0).getString("cert"));
        assertEquals(0, list.getJsonObject(0).getInt("certStatus"));
        assertEquals(1, list.getJsonObject(1).getInt("certStatus"));
        assertEquals(4, list.getJsonObject(1).getInt("revokeReason"));
        Enos.ok(Enos.get(org, "/connect-service/v2.1/devices?action=get&" + Enos.byAsset(org, device)));
        // the restarted server still signs, renews, and continues the certSn sequence
        JsonObject renewed = Enos.ok(Enos.cert("renew", id, Json.createObjectBuilder()
                .add("certSn", kept.getString("certSN")).build())).getJsonObject("data");
        Pki.verifyChain(Pki.cert(renewed.getString("cert")), Pki.root("RSA"));
        assertTrue(Long.parseLong(renewed.getString("certSN")) > Long.parseLong(gone.getString("certSN")));
        assertTrue(Pki.crlOf(goneCert).isRevoked(goneCert), "revocation survived");
        // the CRL number lives in the database: after the restart it continues, never starts again
        assertTrue(CoreContractIT.crlNumber(Pki.fetchPublic(eccCrl)).compareTo(crlNumberBefore) >= 0);
        JsonObject next = Enos.apply(id, Pki.ecCsr("restart-next"), null, "ECC");
        Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", next.getString("certSN")).build()));
        assertTrue(CoreContractIT.crlNumber(Pki.fetchPublic(eccCrl)).compareTo(crlNumberBefore) > 0,
                "a revocation after the restart gets a higher CRL number");

        // HTTPS follows the configured names: started with one more, the server issues a new certificate for it, and
        // the one it replaces is revoked as superseded once the new one is on disk
        server("stop");
        server("start", java.util.Map.of("CERTGATE_TLS_HOSTNAMES", "localhost,127.0.0.1,restart.certgate.test"));
        waitUntilReady();
        java.security.cert.X509Certificate renamed = awaitAnotherServerCertificate(httpsBefore);
        assertTrue(renamed.getSubjectAlternativeNames().stream().anyMatch(n -> "restart.certgate.test".equals(n.get(1))),
                "the new name is in the new certificate: " + renamed.getSubjectAlternativeNames());
        JsonObject replaced = Admin.get("/admin/api/orgs/_server/certificates?serial="
                + httpsBefore.getSerialNumber().toString(16)).json().getJsonArray("certificates").getJsonObject(0);
        assertEquals("revoked", replaced.getString("status"), replaced.toString());
        assertEquals("superseded", replaced.getString("revocationReason"), replaced.toString());
        assertTrue(Pki.crlOf(httpsBefore).isRevoked(httpsBefore), "on the infrastructure CA's CRL");

        // back to the configured names, so that the server is left as the build started it
        server("stop");
        server("start");
        waitUntilReady();
        awaitAnotherServerCertificate(renamed);
    }

    /** The certificate HTTPS presents once it is no longer {@code before} (Liberty polls its keystore). */
    private static java.security.cert.X509Certificate awaitAnotherServerCertificate(
            java.security.cert.X509Certificate before) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            java.security.cert.X509Certificate now = ServerTlsIT.serverCertificate();
            if (!now.equals(before)) {
                return now;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("HTTPS still presents serial " + before.getSerialNumber().toString(16));
    }

    private static void server(String command) throws Exception {
        server(command, java.util.Map.of());
    }

    private static void server(String command, java.util.Map<String, String> environment) throws Exception {
        Path wlp = Path.of(System.getProperty("certgate.wlp.dir", "ear/target/liberty/wlp"));
        String name = System.getProperty("certgate.server.name", "certgate");
        Path script = wlp.resolve("bin/server");
        assertTrue(Files.isExecutable(script), "Liberty at " + wlp);
        ProcessBuilder b = new ProcessBuilder(script.toString(), command, name).redirectErrorStream(true);
        b.environment().putAll(environment);
        Process p = b.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "server " + command + " timed out");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), "server " + command + ": " + out);
    }

    private static void waitUntilReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Http.get("/health/ready").status() == 200
                        && Http.get("/enos/CA/cacert/RSA").status() == 200) {
                    return;
                }
            } catch (AssertionError notYet) {
                // connection refused while starting
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("server not ready within 180 s after restart");
    }
}
