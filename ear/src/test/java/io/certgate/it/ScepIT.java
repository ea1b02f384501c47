package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCEP (RFC 8894) with a real client: Debian's {@code scepclient} (micromdm/scep 2.1), unmodified, against
 * {@code /scep/<productKey>} on the HTTP port. It enrolls with the device secret as challenge password (the CSR's
 * CN is the deviceKey), renews with its certificate (RenewalReq), enrolls with a one-time enrollment secret that
 * then no longer works, and waits (PENDING, polling) until an operator approves; every certificate is verified
 * with openssl and found in the EnOS list of its device. {@code .ci/run} installs the {@code scep} package.
 */
class ScepIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void scepclientIsInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/scepclient")),
                "Debian's scep package (scepclient) is not installed; .ci/run installs it");
    }

    @Test
    void capabilitiesAndCaCertificates() throws Exception {
        String org = Enos.newOrg();
        String productKey = Enos.newDevice(org).getString("productKey");
        Http.Answer caps = Http.get("/scep/" + productKey + "?operation=GetCACaps");
        assertEquals(200, caps.status(), caps.body());
        List<String> lines = caps.body().lines().map(String::trim).toList();
        for (String cap : List.of("POSTPKIOperation", "SHA-256", "AES", "Renewal")) {
            assertTrue(lines.contains(cap), "GetCACaps advertises " + cap + ": " + lines);
        }
        Http.Answer ca = Http.get("/scep/" + productKey + "/pkiclient.exe?operation=GetCACert");
        assertEquals(200, ca.status());
        CMSSignedData certs = new CMSSignedData(ca.bytes());
        List<X509Certificate> list = new ArrayList<>();
        for (var h : certs.getCertificates().getMatches(null)) {
            list.add(Pki.cert(Pki.pem("CERTIFICATE", h.getEncoded())));
        }
        X509Certificate rsaRoot = Pki.root("RSA");
        assertEquals(4, list.size(), "the RA certificate, the organization's RSA issuing CA, the RSA root and the "
                + "infrastructure CA that issued the RA: " + list);
        X509Certificate ra = list.get(0);
        assertEquals(-1, ra.getBasicConstraints(), "the RA first");
        assertEquals(rsaRoot, list.get(2), "the root third, as before");
        X509Certificate infrastructure = list.get(3);
        assertTrue(infrastructure.getSubjectX500Principal().getName().contains("OU=_server"),
                "the infrastructure (_server) RSA issuing CA last: " + infrastructure.getSubjectX500Principal());
        // the RA is a leaf of the infrastructure CA, which the root signs; the root signs nothing but issuing CAs
        ra.verify(infrastructure.getPublicKey());
        infrastructure.verify(rsaRoot.getPublicKey());
        for (X509Certificate c : list) {
            if (!c.equals(rsaRoot) && c.getIssuerX500Principal().equals(rsaRoot.getSubjectX500Principal())) {
                c.verify(rsaRoot.getPublicKey());
                assertTrue(c.getBasicConstraints() >= 0, "the root signs only issuing CAs: " + c.getSubjectX500Principal());
            }
        }
        assertFalse(ra.getIssuerX500Principal().equals(rsaRoot.getSubjectX500Principal()), "no root signs the RA");
        assertTrue(list.get(1).getSubjectX500Principal().getName().contains("OU=" + org),
                "the organization's own RSA issuing CA second: " + list.get(1).getSubjectX500Principal());
        ra.checkValidity();
        // issued through the ledger in the server's organization: listed, and good in OCSP of the infrastructure CA
        Http.Answer listed = Admin.get("/admin/api/orgs/_server/certificates?serial=" + ra.getSerialNumber().toString(16));
        assertEquals(200, listed.status(), listed.body());
        assertEquals(1, listed.json().getInt("total"), listed.body());
        assertEquals("valid", listed.json().getJsonArray("certificates").getJsonObject(0).getString("status"));
        assertEquals(null, Pki.ocspStatus(Http.BASE, infrastructure, ra), "OCSP: good");
        assertTrue(ra.getKeyUsage()[0] && ra.getKeyUsage()[2], "RA: digitalSignature and keyEncipherment");
        assertEquals(-1, ra.getBasicConstraints(), "the RA is no CA");
        assertEquals(400, Http.get("/scep/" + productKey + "?operation=Nonsense").status());
    }

    @Test
    void enrollWithTheDeviceSecretThenRenewWithTheCertificate() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        String deviceKey = device.getString("deviceKey");
        X509Certificate rsaRoot = Pki.root("RSA");

        // PKCSReq: scepclient makes the key, the CSR (CN = deviceKey, challengePassword) and a self-signed signer
        Result enroll = scepclient(device.getString("productKey"), deviceKey, device.getString("deviceSecret"), false);
        assertEquals(0, enroll.exit(), enroll.output());
        X509Certificate first = Pki.cert(Files.readString(dir.resolve("client.pem")));
        assertIssuedFor(first, deviceKey, rsaRoot);
        assertTrue(listed(id, first), "bound to the device: in its EnOS list");

        // RenewalReq: signed with the current certificate; same subject, a new certificate bound to the device
        Result renew = scepclient(device.getString("productKey"), deviceKey, null, true);
        assertEquals(0, renew.exit(), renew.output());
        X509Certificate second = Pki.cert(Files.readString(dir.resolve("client.pem")));
        assertNotEquals(first.getSerialNumber(), second.getSerialNumber(), "a new certificate");
        assertEquals(first.getSubjectX500Principal(), second.getSubjectX500Principal());
        assertIssuedFor(second, deviceKey, rsaRoot);
        assertTrue(listed(id, second) && listed(id, first), "both in the EnOS list of the device");
        assertEquals(2, list(id).size());

        // renewal with a revoked certificate is refused, nothing issued
        String certSn = entry(id, second).getString("certSN");
        Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", certSn).add("reason", 1).build()));
        Result refused = scepclient(device.getString("productKey"), deviceKey, null, true);
        assertNotEquals(0, refused.exit(), refused.output());
        assertTrue(refused.output().contains("failInfo"), "a CertRep FAILURE: " + refused.output());
        assertEquals(2, list(id).size(), "nothing issued");
    }

    @Test
    void aOneTimeEnrollmentSecretWorksOnceAndAWrongSecretNever() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        String productKey = device.getString("productKey");
        String deviceKey = device.getString("deviceKey");

        Result wrong = scepclient(productKey, deviceKey, "not-the-secret", false);
        assertNotEquals(0, wrong.exit(), wrong.output());
        assertTrue(wrong.output().contains("failInfo"), wrong.output());
        assertEquals(0, list(id).size(), "nothing issued for a wrong secret");

        Http.Answer made = Admin.postJson("/admin/api/orgs/" + org + "/devices/" + device.getString("assetId")
                + "/enrollment-secrets", "{\"validHours\": 2}");
        assertEquals(201, made.status(), made.body());
        String oneTime = made.json().getString("secret");
        assertFalse(oneTime.equals(device.getString("deviceSecret")));

        clean();
        Result enroll = scepclient(productKey, deviceKey, oneTime, false);
        assertEquals(0, enroll.exit(), enroll.output());
        X509Certificate cert = Pki.cert(Files.readString(dir.resolve("client.pem")));
        assertIssuedFor(cert, deviceKey, Pki.root("RSA"));
        assertTrue(listed(id, cert));

        clean(); // a new key, the same secret: spent
        Result again = scepclient(productKey, deviceKey, oneTime, false);
        assertNotEquals(0, again.exit(), again.output());
        assertEquals(1, list(id).size(), "a spent secret issues nothing");

        // another organization's operator cannot make secrets for this device
        Http.Answer foreign = Admin.postJson("/admin/api/orgs/" + Enos.newOrg() + "/devices/"
                + device.getString("assetId") + "/enrollment-secrets", "{}");
        assertEquals(404, foreign.status(), foreign.body());
    }

    @Test
    void aProductThatAsksForApprovalKeepsTheClientPendingUntilAnOperatorApproves() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        String productKey = device.getString("productKey");
        Http.Answer set = Admin.putJson("/admin/api/orgs/" + org + "/products/" + productKey + "/enrollment-approval",
                "{\"required\": true}");
        assertEquals(200, set.status(), set.body());

        Process client = start(scepCommand(productKey, device.getString("deviceKey"), device.getString("deviceSecret"),
                false));
        JsonObject pending = awaitPending(org);
        assertEquals("scep", pending.getString("protocol"));
        assertEquals(0, list(id).size(), "nothing issued while pending");
        assertTrue(client.isAlive(), "the client polls while pending");

        Http.Answer approved = Admin.post("/admin/api/orgs/" + org + "/self-enrollments/" + pending.getInt("requestId")
                + "/approve");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("issued", approved.json().getString("status"));
        assertEquals(409, Admin.post("/admin/api/orgs/" + org + "/self-enrollments/" + pending.getInt("requestId")
                + "/reject").status(), "decided once");

        // scepclient repeats its request every 30 s: the next one gets the approved certificate
        assertTrue(client.waitFor(120, TimeUnit.SECONDS), "the client finished after approval");
        String output = Files.readString(dir.resolve("client.log"));
        assertEquals(0, client.exitValue(), output);
        assertTrue(output.contains("PENDING"), "the client saw PENDING first: " + output);
        X509Certificate cert = Pki.cert(Files.readString(dir.resolve("client.pem")));
        assertIssuedFor(cert, device.getString("deviceKey"), Pki.root("RSA"));
        assertTrue(listed(id, cert));
        assertEquals(approved.json().getJsonNumber("certSn").longValue(),
                Long.parseLong(entry(id, cert).getString("certSN")), "the approved request's certificate");
    }

    /**
     * CertPoll (GetCertInitial, RFC 8894 3.3.3) as clients other than scepclient poll: the pending PKCSReq, then
     * polls signed with the request's key name it by transactionID and IssuerAndSubject; a poll signed with
     * another key is refused. The messages are built with BouncyCastle as a client builds them.
     */
    @Test
    void certPollAnswersPendingThenTheApprovedCertificate() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String productKey = device.getString("productKey");
        String deviceKey = device.getString("deviceKey");
        assertEquals(200, Admin.putJson("/admin/api/orgs/" + org + "/products/" + productKey + "/enrollment-approval",
                "{\"required\": true}").status());
        ScepClient client = new ScepClient(Http.BASE + "/scep/" + productKey, Pki.rsa(2048));
        org.bouncycastle.asn1.x500.X500Name subject = new org.bouncycastle.asn1.x500.X500Name("CN=" + deviceKey
                + ",O=Example Devices");
        String transactionId = "poll-" + deviceKey;

        ScepClient.Reply first = client.pkcsReq(transactionId, subject, device.getString("deviceSecret"));
        assertEquals("3", first.status(), "PENDING");
        ScepClient.Reply poll = client.certPoll(transactionId, subject, client.key());
        assertEquals("3", poll.status(), "still PENDING");

        ScepClient.Reply stranger = client.certPoll(transactionId, subject, Pki.rsa(2048));
        assertEquals("2", stranger.status(), "a poll signed with another key is refused");
        assertEquals("2", stranger.failInfo(), "badRequest");

        JsonObject pending = awaitPending(org);
        assertEquals(200, Admin.post("/admin/api/orgs/" + org + "/self-enrollments/" + pending.getInt("requestId")
                + "/approve").status());
        ScepClient.Reply issued = client.certPoll(transactionId, subject, client.key());
        assertEquals("0", issued.status(), "SUCCESS");
        X509Certificate cert = issued.certificate();
        Pki.verifyChain(cert, Pki.root("RSA"));
        assertArrayEquals(client.key().getPublic().getEncoded(), cert.getPublicKey().getEncoded());
        assertTrue(listed(Enos.byKeys(org, device), cert), "bound to the device");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private JsonObject awaitPending(String org) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Http.Answer a = Admin.get("/admin/api/orgs/" + org + "/self-enrollments");
            assertEquals(200, a.status(), a.body());
            JsonArray pending = a.json().getJsonArray("pending");
            if (!pending.isEmpty()) {
                return pending.getJsonObject(0);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no pending self-enrollment appeared");
    }

    /** Checks with openssl and Java: chains to the RSA root, CN = deviceKey, the key scepclient made. */
    private void assertIssuedFor(X509Certificate cert, String deviceKey, X509Certificate root) throws Exception {
        Pki.verifyChain(cert, root);
        Files.writeString(dir.resolve("root.pem"), Pki.pem("CERTIFICATE", root.getEncoded()));
        Files.writeString(dir.resolve("issuing.pem"), Pki.pem("CERTIFICATE", Pki.issuerOf(cert).getEncoded()));
        Files.writeString(dir.resolve("check.pem"), Pki.pem("CERTIFICATE", cert.getEncoded()));
        String verify = run("openssl", "verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "check.pem");
        assertTrue(verify.contains("check.pem: OK"), verify);
        assertTrue(cert.getSubjectX500Principal().getName().contains("CN=" + deviceKey), cert.getSubjectX500Principal().getName());
        try (PEMParser p = new PEMParser(Files.newBufferedReader(dir.resolve("key.pem")))) {
            Object o = p.readObject();
            java.security.PrivateKey key = o instanceof PEMKeyPair kp ? new JcaPEMKeyConverter().getKeyPair(kp).getPrivate()
                    : new JcaPEMKeyConverter().getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) o);
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            assertArrayEquals(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(),
                    rsa.getPublicExponent())).getEncoded(), cert.getPublicKey().getEncoded(), "the client's key");
        }
    }

    private static JsonArray list(String id) {
        return Enos.ok(Enos.cert("list", id, Json.createObjectBuilder().build())).getJsonArray("data");
    }

    private static boolean listed(String id, X509Certificate cert) {
        for (JsonValue v : list(id)) {
            if (Pki.cert(v.asJsonObject().getString("cert")).equals(cert)) {
                return true;
            }
        }
        return false;
    }

    private static JsonObject entry(String id, X509Certificate cert) {
        for (JsonValue v : list(id)) {
            if (Pki.cert(v.asJsonObject().getString("cert")).equals(cert)) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("not listed");
    }

    /** Removes the key, CSR and certificate, so that the next run makes a new key. */
    private void clean() throws Exception {
        for (String f : List.of("key.pem", "csr.pem", "client.pem", "self.pem")) {
            Files.deleteIfExists(dir.resolve(f));
        }
    }

    record Result(int exit, String output) {
    }

    private List<String> scepCommand(String productKey, String deviceKey, String challenge, boolean renew) {
        List<String> c = new ArrayList<>(List.of("scepclient", "-server-url", Http.BASE + "/scep/" + productKey,
                "-private-key", dir.resolve("key.pem").toString(), "-cn", deviceKey));
        if (challenge != null) {
            c.addAll(List.of("-challenge", challenge));
        }
        if (renew) {
            c.addAll(List.of("-certificate", dir.resolve("client.pem").toString()));
        }
        return c;
    }

    private Result scepclient(String productKey, String deviceKey, String challenge, boolean renew) throws Exception {
        Process p = start(scepCommand(productKey, deviceKey, challenge, renew));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("scepclient timed out: " + Files.readString(dir.resolve("client.log")));
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("client.log"), StandardCharsets.UTF_8));
    }

    private Process start(List<String> command) throws Exception {
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("client.log").toFile()).start();
    }

    private String run(String... command) throws Exception {
        Path log = Files.createTempFile(dir, "run-", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }
}
