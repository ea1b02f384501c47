package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, SCEP with Debian's certmonger (unmodified) against {@code /scep/<productKey>}: {@code getcert
 * add-scep-ca} registers the product's SCEP URL, {@code getcert request -L} enrolls with a one-time enrollment
 * secret (the CSR's CN is the deviceKey) until MONITORING, and {@code getcert resubmit} renews with the same key
 * (certmonger's PKCSReq under the first transactionID, signed by the certificate it got): a new certificate. A wrong
 * secret ends in CA_REJECTED with the server's FAILURE read, not CA_UNREACHABLE.
 *
 * <p>certmonger runs without D-Bus: {@code certmonger -n -L -P <socket>} listens only on a private socket, which
 * {@code getcert} reaches through {@code CERTMONGER_PVT_ADDRESS}; its requests, CAs, lock and temporary files live in
 * the test's directory ({@code CERTMONGER_*_DIR}, {@code CERTMONGER_SYSTEM_LOCK_FILE}), so no system daemon, bus or
 * state is touched. {@code .ci/run} installs the {@code certmonger} package; without it the test is skipped.
 */
class CertmongerScepIT {

    private static final Path DAEMON = Path.of("/usr/sbin/certmonger");
    private static final Path GETCERT = Path.of("/usr/bin/getcert");

    @TempDir
    Path dir;

    private Process daemon;
    private Map<String, String> environment;

    @BeforeAll
    static void certmongerIsInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(DAEMON) && Files.isExecutable(GETCERT),
                "Debian's certmonger is not installed; .ci/run installs it");
    }

    @BeforeEach
    void startCertmonger() throws Exception {
        Path state = dir.resolve("certmonger");
        environment = new LinkedHashMap<>();
        for (String sub : List.of("requests", "cas", "local", "config", "tmp")) {
            Files.createDirectories(state.resolve(sub));
        }
        environment.put("CERTMONGER_REQUESTS_DIR", state.resolve("requests").toString());
        environment.put("CERTMONGER_CAS_DIR", state.resolve("cas").toString());
        environment.put("CERTMONGER_LOCAL_CA_DIR", state.resolve("local").toString());
        environment.put("CERTMONGER_CONFIG_DIR", state.resolve("config").toString());
        environment.put("CERTMONGER_TMPDIR", state.resolve("tmp").toString());
        environment.put("CERTMONGER_SYSTEM_LOCK_FILE", state.resolve("lock").toString());
        Path socket = state.resolve("socket");
        environment.put("CERTMONGER_PVT_ADDRESS", "unix:path=" + socket);

        ProcessBuilder pb = new ProcessBuilder(DAEMON.toString(), "-n", "-L", "-P", socket.toString(), "-d", "2",
                "-p", state.resolve("pid").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("certmonger.log").toFile());
        pb.environment().putAll(environment);
        daemon = pb.start();
        for (int i = 0; i < 100; i++) {
            assertTrue(daemon.isAlive(), "certmonger stopped: " + Files.readString(dir.resolve("certmonger.log")));
            if (Files.exists(socket) && getcert("list-cas").exit() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("certmonger does not answer: " + Files.readString(dir.resolve("certmonger.log")));
    }

    @AfterEach
    void stopCertmonger() throws InterruptedException {
        if (daemon != null) {
            List<ProcessHandle> helpers = daemon.descendants().toList();
            daemon.destroy();
            if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
            helpers.forEach(ProcessHandle::destroy);
        }
    }

    @Test
    void enrollsWithAOneTimeSecretAndRenewsWithTheSameKey() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        String deviceKey = device.getString("deviceKey");
        String secret = oneTimeSecret(org, device);
        addScepCa(device.getString("productKey"));

        Path keyFile = dir.resolve("device.key");
        Path certFile = dir.resolve("device.pem");
        Run requested = getcert("request", "-c", "certgate", "-I", "device", "-k", keyFile.toString(), "-f",
                certFile.toString(), "-N", "CN=" + deviceKey, "-L", secret);
        assertEquals(0, requested.exit(), requested.output());
        Map<String, String> status = await("device", "MONITORING", null);
        X509Certificate first = Pki.cert(Files.readString(certFile));
        assertIssued(first, certFile, keyFile, deviceKey);
        assertTrue(listed(id, first), "bound to the device: in its EnOS list; " + status);

        // renewal with the same key: certmonger signs a PKCSReq under the same transactionID with its certificate
        Run resubmitted = getcert("resubmit", "-i", "device");
        assertEquals(0, resubmitted.exit(), resubmitted.output());
        await("device", "MONITORING", first);
        X509Certificate renewed = Pki.cert(Files.readString(certFile));
        assertNotEquals(first.getSerialNumber(), renewed.getSerialNumber(), "a new certificate, not the old one again");
        assertEquals(first.getPublicKey(), renewed.getPublicKey(), "the same key");
        assertEquals(first.getSubjectX500Principal(), renewed.getSubjectX500Principal());
        assertIssued(renewed, certFile, keyFile, deviceKey);
        assertTrue(listed(id, renewed) && listed(id, first), "both in the EnOS list of the device");
        assertEquals(2, enosList(id).size());
    }

    @Test
    void aWrongSecretIsRejectedWithTheServersFailureNotUnreachable() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        addScepCa(device.getString("productKey"));

        Run requested = getcert("request", "-c", "certgate", "-I", "wrong", "-k", dir.resolve("wrong.key").toString(),
                "-f", dir.resolve("wrong.pem").toString(), "-N", "CN=" + device.getString("deviceKey"), "-L",
                "notTheSecret0");
        assertEquals(0, requested.exit(), requested.output());
        Map<String, String> status = await("wrong", "CA_REJECTED", null);
        String error = status.getOrDefault("ca-error", "");
        // scep-submit's words for failInfo badRequest: the signed FAILURE CertRep was read and verified
        assertTrue(error.contains("Transaction either is not permitted or is not supported by server"),
                "certmonger read the FAILURE: " + status);
        assertFalse(Files.exists(dir.resolve("wrong.pem")), "no certificate");
        assertEquals(0, enosList(Enos.byKeys(org, device)).size(), "nothing issued for a wrong secret");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String oneTimeSecret(String org, JsonObject device) {
        Http.Answer made = Admin.postJson("/admin/api/orgs/" + org + "/devices/" + device.getString("assetId")
                + "/enrollment-secrets", "{\"validHours\": 2}");
        assertEquals(201, made.status(), made.body());
        return made.json().getString("secret");
    }

    /** The product's SCEP URL as certmonger's CA "certgate"; certmonger fetches GetCACaps and GetCACert itself. */
    private void addScepCa(String productKey) throws Exception {
        Run added = getcert("add-scep-ca", "-c", "certgate", "-u", Http.BASE + "/scep/" + productKey);
        assertEquals(0, added.exit(), added.output());
    }

    /**
     * Waits until the request reaches {@code wanted} (and, if {@code previous} is given, its certificate file holds
     * another certificate); fails at once in CA_UNREACHABLE or CA_REJECTED when that is not what is wanted.
     */
    private Map<String, String> await(String request, String wanted, X509Certificate previous) throws Exception {
        Path certFile = dir.resolve(request + ".pem");
        Map<String, String> status = Map.of();
        for (int i = 0; i < 240; i++) {
            status = tracked(request);
            String state = status.get("status");
            if (wanted.equals(state) && (previous == null || !previous.equals(certificateIn(certFile)))) {
                return status;
            }
            if (!wanted.equals(state) && ("CA_UNREACHABLE".equals(state) || "CA_REJECTED".equals(state))) {
                break;
            }
            Thread.sleep(500);
        }
        String still = previous == null ? ""
                : " with a new certificate (still serial " + previous.getSerialNumber().toString(16) + ")";
        throw new AssertionError("request " + request + " not " + wanted + still + ": " + status
                + "\ncertmonger log:\n" + tail(dir.resolve("certmonger.log")));
    }

    private static X509Certificate certificateIn(Path file) throws Exception {
        return Files.exists(file) && !Files.readString(file).isBlank() ? Pki.cert(Files.readString(file)) : null;
    }

    /** {@code getcert list -i}: its "name: value" lines. */
    private Map<String, String> tracked(String request) throws Exception {
        Run listed = getcert("list", "-i", request);
        assertEquals(0, listed.exit(), listed.output());
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : listed.output().lines().toList()) {
            int colon = line.indexOf(':');
            if (line.startsWith("\t") && colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    /** Checked with openssl as certmonger stored it, and in Java: chains to the RSA root; CN, key certmonger made. */
    private void assertIssued(X509Certificate cert, Path certFile, Path keyFile, String deviceKey) throws Exception {
        Pki.verifyChain(cert, Pki.root("RSA"));
        Files.writeString(dir.resolve("root.pem"), Pki.pem("CERTIFICATE", Pki.root("RSA").getEncoded()));
        Files.writeString(dir.resolve("issuing.pem"), Pki.pem("CERTIFICATE", Pki.issuerOf(cert).getEncoded()));
        Run verify = run("openssl", "verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", certFile.toString());
        assertEquals(0, verify.exit(), verify.output());
        assertTrue(verify.output().contains(certFile + ": OK"), verify.output());
        assertTrue(cert.getSubjectX500Principal().getName().contains("CN=" + deviceKey),
                cert.getSubjectX500Principal().getName());
        Run certKey = run("openssl", "x509", "-noout", "-pubkey", "-in", certFile.toString());
        Run privateKey = run("openssl", "pkey", "-pubout", "-in", keyFile.toString());
        assertEquals(0, privateKey.exit(), privateKey.output());
        assertEquals(certKey.output(), privateKey.output(), "the key certmonger made");
    }

    /** The device's certificates in its EnOS list. */
    private static JsonArray enosList(String id) {
        return Enos.ok(Enos.cert("list", id, Json.createObjectBuilder().build())).getJsonArray("data");
    }

    private static boolean listed(String id, X509Certificate cert) {
        for (JsonValue v : enosList(id)) {
            if (Pki.cert(v.asJsonObject().getString("cert")).equals(cert)) {
                return true;
            }
        }
        return false;
    }

    record Run(int exit, String output) {
    }

    private Run getcert(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(GETCERT.toString()));
        command.addAll(List.of(arguments));
        return run(command.toArray(String[]::new));
    }

    private Run run(String... command) throws Exception {
        Path log = Files.createTempFile(dir, "run-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " timed out: " + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    private static String tail(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
