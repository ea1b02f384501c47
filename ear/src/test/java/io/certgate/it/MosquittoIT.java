package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device that enrolled itself over EST connects to an MQTT broker (Debian's mosquitto, unmodified) with mutual
 * TLS: the broker of organization A trusts certgate's RSA root with A's issuing CA pinned beside it (devices present
 * their certificate alone) and checks that CA's CRL. A's device connects; a device of organization B, from B's
 * issuing CA under the same root, is refused; after A's certificate is revoked and the broker has the new CRL, A's
 * device is refused too. {@code .ci/run} installs mosquitto and its clients.
 */
class MosquittoIT {

    private static final int PORT = 18883;

    @TempDir
    Path dir;

    private Process broker;

    @BeforeAll
    static void mosquittoIsInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/mosquitto"))
                && Files.isExecutable(Path.of("/usr/bin/mosquitto_pub")),
                "Debian's mosquitto and mosquitto-clients are not installed; .ci/run installs them");
    }

    @AfterEach
    void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEstEnrolledDeviceConnectsWithMutualTlsAndIsRefusedOnceRevoked() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        String deviceKey = device.getString("deviceKey");

        // the device enrolls itself over EST (simpleenroll, HTTP Basic with its secret)
        KeyPair key = Pki.rsa(2048);
        X509Certificate cert = estEnroll(device.getString("productKey"), deviceKey, device.getString("deviceSecret"),
                Pki.csr(key, "SHA256withRSA", "CN=" + deviceKey));
        Files.writeString(dir.resolve("device.pem"), Pki.pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(dir.resolve("device.key"), Pki.pem("PRIVATE KEY", key.getPrivate().getEncoded()));
        // the broker's trust: the root and organization A's issuing CA, nothing else
        Files.writeString(dir.resolve("root.pem"), Pki.pem("CERTIFICATE", Pki.root("RSA").getEncoded())
                + Pki.pem("CERTIFICATE", Pki.issuerOf(cert).getEncoded()));
        // a device of organization B, enrolled the same way
        String otherOrg = Enos.newOrg();
        JsonObject other = Enos.newDevice(otherOrg);
        KeyPair otherKey = Pki.rsa(2048);
        X509Certificate otherCert = estEnroll(other.getString("productKey"), other.getString("deviceKey"),
                other.getString("deviceSecret"), Pki.csr(otherKey, "SHA256withRSA", "CN=" + other.getString("deviceKey")));
        assertNotEquals(cert.getIssuerX500Principal(), otherCert.getIssuerX500Principal(), "each organization's CA");
        Pki.verifyChain(otherCert, Pki.root("RSA"));
        Files.writeString(dir.resolve("other.pem"), Pki.pem("CERTIFICATE", otherCert.getEncoded()));
        Files.writeString(dir.resolve("other.key"), Pki.pem("PRIVATE KEY", otherKey.getPrivate().getEncoded()));

        // the broker: its own TLS certificate (openssl), certgate's root for clients, certgate's CRL
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "broker.key", "-out", "broker.pem",
                "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        writeCrl(cert);
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "user root",
                "listener " + PORT + " 127.0.0.1",
                "cafile " + dir.resolve("root.pem"),
                "certfile " + dir.resolve("broker.pem"),
                "keyfile " + dir.resolve("broker.key"),
                "crlfile " + dir.resolve("crl.pem"),
                "require_certificate true",
                "use_identity_as_username true",
                "allow_anonymous false",
                "") );
        startBroker();
        Publish ok = publish();
        assertEquals(0, ok.exit(), "a valid device connects and publishes: " + ok.output());

        // another organization's device, from its own issuing CA under the same root, is refused
        Publish otherOrganization = publish("other.pem", "other.key");
        assertNotEquals(0, otherOrganization.exit(), "organization B's device: " + otherOrganization.output());

        // a certificate the broker does not trust is refused the same way a revoked one will be
        Publish stranger = publish("broker.pem", "broker.key");
        assertNotEquals(0, stranger.exit(), "a client certificate not issued by certgate: " + stranger.output());

        // revoked through EnOS; the broker gets the new CRL (restarted, as an operator's reload would)
        String certSn = null;
        for (JsonValue v : Enos.ok(Enos.cert("list", id, Json.createObjectBuilder().build())).getJsonArray("data")) {
            if (Pki.cert(v.asJsonObject().getString("cert")).equals(cert)) {
                certSn = v.asJsonObject().getString("certSN");
            }
        }
        Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", certSn).add("reason", 1).build()));
        X509CRL crl = writeCrl(cert);
        assertTrue(crl.isRevoked(cert), "the new CRL lists the device");
        stopBroker();
        startBroker();
        Publish refused = publish();
        assertNotEquals(0, refused.exit(), "a revoked device is refused: " + refused.output());
    }

    /** EST simpleenroll over HTTPS: base64 DER PKCS#10 in, base64 certs-only PKCS#7 out. */
    private static X509Certificate estEnroll(String label, String user, String secret, String csrPem) throws Exception {
        String b64 = csrPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        HttpClient client = HttpClient.newBuilder().sslContext(RaAccount.tls(null)).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(RaAccount.HTTPS
                        + "/.well-known/est/" + label + "/simpleenroll"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/pkcs10").POST(HttpRequest.BodyPublishers.ofString(b64)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        CMSSignedData p7 = new CMSSignedData(Base64.getMimeDecoder().decode(r.body()));
        for (var h : p7.getCertificates().getMatches(null)) {
            X509Certificate c = Pki.cert(Pki.pem("CERTIFICATE", h.getEncoded()));
            if (c.getBasicConstraints() == -1) {
                return c;
            }
        }
        throw new AssertionError("no end-entity certificate in the EST answer");
    }

    /** The current CRL of the device's issuing CA as the PEM file the broker reads. */
    private X509CRL writeCrl(X509Certificate device) throws Exception {
        X509CRL crl = Pki.crlOf(device);
        Files.writeString(dir.resolve("crl.pem"), Pki.pem("X509 CRL", crl.getEncoded()));
        return crl;
    }

    private void startBroker() throws Exception {
        broker = new ProcessBuilder("/usr/sbin/mosquitto", "-c", dir.resolve("mosquitto.conf").toString(), "-v")
                .redirectErrorStream(true).redirectOutput(dir.resolve("broker.log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", PORT)) {
                return;
            } catch (java.io.IOException notYet) {
                assertTrue(broker.isAlive(), "mosquitto stopped: " + Files.readString(dir.resolve("broker.log")));
                Thread.sleep(100);
            }
        }
        throw new AssertionError("mosquitto does not listen: " + Files.readString(dir.resolve("broker.log")));
    }

    record Publish(int exit, String output) {
    }

    private Publish publish() throws Exception {
        return publish("device.pem", "device.key");
    }

    private Publish publish(String certFile, String keyFile) throws Exception {
        List<String> c = new ArrayList<>(List.of("mosquitto_pub", "-h", "localhost", "-p", String.valueOf(PORT),
                "--cafile", "broker.pem", "--cert", certFile, "--key", keyFile, "-t", "devices/telemetry", "-m", "21.5",
                "-q", "1", "-d"));
        Path log = dir.resolve("pub.log");
        Process p = new ProcessBuilder(c).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "mosquitto_pub timed out");
        return new Publish(p.exitValue(), Files.readString(log) + "\nbroker: " + Files.readString(dir.resolve("broker.log")));
    }

    private void run(String... command) throws Exception {
        Path log = Files.createTempFile(dir, "run-", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + Files.readString(log));
    }
}
