package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EST (RFC 7030) the way a device does it: the curl and openssl command-line tools, step by step as the RFC's
 * examples go (cacerts, simpleenroll with HTTP Basic, simplereenroll with the TLS client certificate), every
 * certificate checked for real and found in the EnOS list of its device; then the refusals.
 *
 * <p>The label of the EST path (RFC 7030 3.2.2) is the EnOS productKey, and the Basic credentials are the
 * device's deviceKey and deviceSecret; without a label the user name is the device's assetId.
 */
class EstIT {

    /** Certificates issued by certgate's roots are accepted as TLS client certificates only once Liberty has reloaded its trust store. */
    @BeforeAll
    static void clientCertificatesAreTrusted() {
        RaAccount.awaitClientCertificateTrust();
    }

    /** The working directory of the commands: keys, CSRs and answers as files, as on a device. */
    @TempDir
    Path dir;

    // ------------------------------------------------------------------------------------------------ the walk

    @Test
    void cacertsHoldsBothRootsWithAndWithoutLabel() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        Set<X509Certificate> roots = Set.of(Pki.root("RSA"), Pki.root("ECC"));

        // RFC 7030 4.1: GET /.well-known/est/<label>/cacerts, a base64 certs-only PKCS#7
        for (String label : new String[] {device.getString("productKey"), null}) {
            Reply r = curl("cacerts.b64", est(label, "cacerts"));
            assertEquals(200, r.status(), r.text());
            assertTrue(r.mediaType().startsWith("application/pkcs7-mime"), r.headers().toString());
            assertEquals("base64", r.header("content-transfer-encoding").toLowerCase(Locale.ROOT).trim(),
                    "RFC 7030 4.1.3: Content-Transfer-Encoding: base64");
            Set<X509Certificate> served = new HashSet<>(certsOnly("cacerts.b64"));
            if (label == null) {
                assertEquals(roots, served, "without a label: exactly certgate's RSA and ECC roots");
            } else { // the product's organization's RSA and ECC issuing CAs, then the roots (4.1.3: the chains)
                assertEquals(4, served.size(), served.toString());
                assertTrue(served.containsAll(roots));
                for (X509Certificate ca : served) {
                    assertTrue(ca.getBasicConstraints() >= 0, "CA certificates only");
                    if (!roots.contains(ca)) {
                        assertTrue(ca.getSubjectX500Principal().getName().contains("OU=" + org), ca.toString());
                    }
                }
            }
        }
    }

    @Test
    void enrollWithBasicThenReenrollWithTheCertificateThenRevoke() throws Exception {
        EnrollingDevice d = EnrollingDevice.create();
        String id = d.id();
        String label = d.label();
        String deviceKey = d.deviceKey();
        String secret = d.secret();
        String subject = "/CN=" + deviceKey + "/O=Example Devices";
        X509Certificate rsaRoot = Pki.root("RSA");

        // 1. the CA certificates (RFC 7030 4.1)
        Reply cacerts = curl("cacerts.b64", est(label, "cacerts"));
        assertEquals(200, cacerts.status(), cacerts.text());
        assertTrue(certsOnly("cacerts.b64").contains(rsaRoot));

        // 2. simpleenroll (RFC 7030 4.2.1): openssl makes the key and the DER CSR, curl posts its base64
        rsaRequest("csr", 2048, "sha256", subject);
        X509Certificate first = issued(simpleenroll(label, deviceKey, secret, "csr"), "cert.pem");
        Pki.verifyChain(first, rsaRoot);
        assertEquals("SHA256withRSA", first.getSigAlgName());
        assertSubject("CN=" + deviceKey + ",O=Example Devices", first);
        assertKeyOf("csr.key", first);
        JsonObject listed = listed(id, first);
        assertEquals(0, listed.getInt("certStatus"), "valid in the EnOS list of the device");
        assertNull(Pki.ocspStatus(Http.BASE, rsaRoot, first), "OCSP: good");

        // 3. simplereenroll (RFC 7030 4.2.2): TLS client certificate, a new key, the same subject
        Reply basicOnly = curl("refused.b64", "--user", deviceKey + ":" + secret, "-H", "Content-Type: application/pkcs10",
                "--data-binary", "@csr.b64", est(label, "simplereenroll"));
        assertRefused(basicOnly, "re-enroll without the current certificate");

        rsaRequest("csr2", 2048, "sha256", subject);
        X509Certificate second = issued(simplereenroll(label, "cert.pem", "csr.key", "csr2"), "cert2.pem");
        Pki.verifyChain(second, rsaRoot);
        assertEquals(first.getSubjectX500Principal(), second.getSubjectX500Principal(), "same subject");
        assertNotEquals(first.getSerialNumber(), second.getSerialNumber());
        assertKeyOf("csr2.key", second);
        assertEquals(0, listed(id, second).getInt("certStatus"), "bound to the same device");
        int count = list(id).size();
        assertEquals(2, count);

        // a re-enroll CSR with another subject is a bad request (RFC 7030 4.2.2)
        rsaRequest("other", 2048, "sha256", "/CN=" + deviceKey + "/O=Someone Else");
        Reply otherSubject = simplereenroll(label, "cert2.pem", "csr2.key", "other");
        assertEquals(400, otherSubject.status(), otherSubject.text());
        assertEquals(count, list(id).size(), "nothing issued");
        // ... also the same RDNs in the other order, which X500Name.equals took for the same (issue 18, interop)
        rsaRequest("reversed", 2048, "sha256", "/O=Example Devices/CN=" + deviceKey);
        Reply reversed = simplereenroll(label, "cert2.pem", "csr2.key", "reversed");
        assertEquals(400, reversed.status(), reversed.text());
        assertEquals(count, list(id).size(), "nothing issued");

        // 4. revoked through EnOS: listed as revoked, on the CRL, revoked for OCSP, and no longer re-enrolls
        Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", listed(id, second).getString("certSN"))
                .add("reason", 1).build()));
        assertEquals(1, listed(id, second).getInt("certStatus"));
        X509CRL crl = Pki.crlOf(second);
        assertTrue(crl.isRevoked(second), "on its issuing CA's CRL");
        assertTrue(Pki.ocspStatus(Http.BASE, rsaRoot, second) instanceof RevokedStatus, "OCSP: revoked");

        rsaRequest("csr3", 2048, "sha256", subject);
        assertRefused(simplereenroll(label, "cert2.pem", "csr2.key", "csr3"), "re-enroll with a revoked certificate");
        assertEquals(count, list(id).size(), "nothing issued");
    }

    @Test
    void simpleenrollWithTheDevicesCertificateAsTlsClientCertificate() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        String label = device.getString("productKey");
        String deviceKey = device.getString("deviceKey");
        rsaRequest("csr", 2048, "sha256", "/CN=" + deviceKey);
        X509Certificate first = issued(simpleenroll(label, deviceKey, device.getString("deviceSecret"), "csr"),
                "cert.pem");

        // RFC 7030 3.3.2: an existing certificate of the device authenticates a new enrollment (another key)
        rsaRequest("gateway", 2048, "sha256", "/CN=" + deviceKey + "-gateway");
        X509Certificate second = issued(curl("gateway.p7.b64", "--cert", "cert.pem", "--key", "csr.key",
                "-H", "Content-Type: application/pkcs10", "--data-binary", "@gateway.b64", est(label, "simpleenroll")),
                "gateway.pem");
        Pki.verifyChain(second, Pki.root("RSA"));
        assertKeyOf("gateway.key", second);
        assertSubject("CN=" + deviceKey + "-gateway", second);
        assertEquals(0, listed(id, second).getInt("certStatus"), "bound to the same device");
        assertEquals(0, listed(id, first).getInt("certStatus"), "the first one stays valid");
    }

    @Test
    void aProductThatAsksForApprovalAnswers202WithRetryAfterUntilAnOperatorApproves() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        String label = device.getString("productKey");
        String deviceKey = device.getString("deviceKey");
        assertEquals(200, Admin.putJson("/admin/api/orgs/" + org + "/products/" + label + "/enrollment-approval",
                "{\"required\": true}").status());
        Http.Answer made = Admin.postJson("/admin/api/orgs/" + org + "/devices/" + device.getString("assetId")
                + "/enrollment-secrets", "{}");
        assertEquals(201, made.status(), made.body());
        String oneTime = made.json().getString("secret");

        // RFC 7030 4.2.3: 202 with Retry-After while the request waits; the device repeats the same request
        rsaRequest("csr", 2048, "sha256", "/CN=" + deviceKey);
        Reply waiting = simpleenroll(label, deviceKey, oneTime, "csr");
        assertEquals(202, waiting.status(), waiting.text());
        assertTrue(Integer.parseInt(waiting.header("retry-after")) > 0, waiting.text());
        Reply stillWaiting = simpleenroll(label, deviceKey, oneTime, "csr");
        assertEquals(202, stillWaiting.status(), "the spent one-time secret still opens its own request: "
                + stillWaiting.text());
        assertEquals(0, list(id).size(), "nothing issued while pending");

        JsonArray pending = Admin.get("/admin/api/orgs/" + org + "/self-enrollments").json().getJsonArray("pending");
        assertEquals(1, pending.size(), "one request, however often repeated: " + pending);
        assertEquals("est", pending.getJsonObject(0).getString("protocol"));
        Http.Answer approved = Admin.post("/admin/api/orgs/" + org + "/self-enrollments/"
                + pending.getJsonObject(0).getInt("requestId") + "/approve");
        assertEquals(200, approved.status(), approved.body());

        X509Certificate cert = issued(simpleenroll(label, deviceKey, oneTime, "csr"), "cert.pem");
        Pki.verifyChain(cert, Pki.root("RSA"));
        assertKeyOf("csr.key", cert);
        assertEquals(0, listed(id, cert).getInt("certStatus"));

        // the secret was for one enrollment: a new key with it is refused
        rsaRequest("csr2", 2048, "sha256", "/CN=" + deviceKey);
        assertUnauthorized(simpleenroll(label, deviceKey, oneTime, "csr2"), "a spent one-time secret");
        assertEquals(1, list(id).size());
    }

    @Test
    void eccEnrollAndReenrollWithoutLabelByAssetId() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        String subject = "/CN=" + device.getString("deviceKey") + "/O=Example Devices";
        X509Certificate eccRoot = Pki.root("ECC");

        // simpleenroll without a label: the Basic user name is the assetId
        ecRequest("ec", "prime256v1", subject);
        X509Certificate first = issued(simpleenroll(null, device.getString("assetId"), device.getString("deviceSecret"),
                "ec"), "ec-cert.pem");
        Pki.verifyChain(first, eccRoot);
        assertEquals("SHA256withECDSA", first.getSigAlgName());
        assertSubject("CN=" + device.getString("deviceKey") + ",O=Example Devices", first);
        assertKeyOf("ec.key", first);
        assertEquals(0, listed(id, first).getInt("certStatus"));

        // simplereenroll without a label: the certificate names the device
        ecRequest("ec2", "prime256v1", subject);
        X509Certificate second = issued(simplereenroll(null, "ec-cert.pem", "ec.key", "ec2"), "ec-cert2.pem");
        Pki.verifyChain(second, eccRoot);
        assertEquals(first.getSubjectX500Principal(), second.getSubjectX500Principal());
        assertKeyOf("ec2.key", second);
        assertEquals(0, listed(id, second).getInt("certStatus"));
        assertEquals(2, list(id).size());
    }

    @Test
    void eccEnrollWithLabelVerifiesAgainstTheEccRoot() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        String label = device.getString("productKey");
        String subject = "/CN=" + device.getString("deviceKey") + "/O=Example Devices";

        ecRequest("ec", "prime256v1", subject);
        X509Certificate ecc = issued(simpleenroll(label, device.getString("deviceKey"), device.getString("deviceSecret"),
                "ec"), "ec-cert.pem");
        Pki.verifyChain(ecc, Pki.root("ECC"));
        assertKeyOf("ec.key", ecc);
        assertEquals(0, listed(id, ecc).getInt("certStatus"));
    }

    // ------------------------------------------------------------------------------------------------ refusals

    @Test
    void missingOrWrongCredentialsAre401WithBasicChallenge() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String label = device.getString("productKey");
        String deviceKey = device.getString("deviceKey");
        rsaRequest("csr", 2048, "sha256", "/CN=" + deviceKey + "/O=Example Devices");

        assertUnauthorized(curl("none.b64", "-H", "Content-Type: application/pkcs10", "--data-binary", "@csr.b64",
                est(label, "simpleenroll")), "no credentials");
        assertUnauthorized(simpleenroll(label, deviceKey, "wrong-" + device.getString("deviceSecret"), "csr"),
                "wrong secret", device.getString("deviceSecret"));
        assertUnauthorized(simpleenroll(label, deviceKey, "", "csr"), "empty secret");
        assertUnauthorized(simpleenroll(null, device.getString("assetId"), "wrong", "csr"), "wrong secret, no label");
        assertEquals(0, list(Enos.byKeys(org, device)).size(), "nothing issued");
    }

    @Test
    void anotherOrganizationsDeviceOrAnUnknownOneIs401() throws Exception {
        String orgA = Enos.newOrg();
        JsonObject a = Enos.newDevice(orgA);
        String orgB = Enos.newOrg();
        JsonObject b = Enos.newDevice(orgB);
        rsaRequest("csr", 2048, "sha256", "/CN=" + b.getString("deviceKey") + "/O=Example Devices");

        // what a wrong secret gets: every refusal below must look exactly like it (nothing revealed)
        Reply wrongSecret = simpleenroll(a.getString("productKey"), a.getString("deviceKey"), "wrong", "csr");
        assertUnauthorized(wrongSecret, "wrong secret", orgA, orgB);
        Reply wrongSecretNoLabel = simpleenroll(null, a.getString("assetId"), "wrong", "csr");
        assertUnauthorized(wrongSecretNoLabel, "wrong secret, no label", orgA, orgB);

        // B's own, correct credentials under A's product, and A's under B's product
        assertSameRefusal(wrongSecret, simpleenroll(a.getString("productKey"), b.getString("deviceKey"),
                b.getString("deviceSecret"), "csr"), "B's device under A's product", orgA, orgB);
        assertSameRefusal(wrongSecret, simpleenroll(b.getString("productKey"), a.getString("deviceKey"),
                a.getString("deviceSecret"), "csr"), "A's device under B's product", orgA, orgB);
        // B's device with A's secret, under its own label and without label
        assertSameRefusal(wrongSecret, simpleenroll(b.getString("productKey"), b.getString("deviceKey"),
                a.getString("deviceSecret"), "csr"), "B's device with A's secret", orgA, orgB);
        assertSameRefusal(wrongSecretNoLabel, simpleenroll(null, b.getString("assetId"), a.getString("deviceSecret"),
                "csr"), "B's asset with A's secret", orgA, orgB);
        // unknown product, unknown device, unknown asset
        assertSameRefusal(wrongSecret, simpleenroll("noSuchProduct", a.getString("deviceKey"),
                a.getString("deviceSecret"), "csr"), "unknown product", orgA, orgB);
        assertSameRefusal(wrongSecret, simpleenroll(a.getString("productKey"), "noSuchDevice",
                a.getString("deviceSecret"), "csr"), "unknown device", orgA, orgB);
        assertSameRefusal(wrongSecretNoLabel, simpleenroll(null, "noSuchAsset", a.getString("deviceSecret"), "csr"),
                "unknown asset", orgA, orgB);

        assertEquals(0, list(Enos.byKeys(orgA, a)).size(), "nothing issued to A");
        assertEquals(0, list(Enos.byKeys(orgB, b)).size(), "nothing issued to B");
    }

    @Test
    void csrBreakingTheKeyPolicyIs400() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        String label = device.getString("productKey");
        String subject = "/CN=" + device.getString("deviceKey") + "/O=Example Devices";

        rsaRequest("rsa1024", 1024, "sha256", subject);
        rsaRequest("sha1", 2048, "sha1", subject);
        rsaRequest("rsa4096", 4096, "sha256", subject);
        ecRequest("p384", "secp384r1", subject);
        for (String csr : List.of("rsa1024", "sha1", "rsa4096", "p384")) {
            Reply r = simpleenroll(label, device.getString("deviceKey"), device.getString("deviceSecret"), csr);
            assertEquals(400, r.status(), csr + ": " + r.text());
        }
        assertEquals(0, list(id).size(), "nothing issued");

        // the same device and credentials enroll a CSR within the policy: the refusals were the policy's
        rsaRequest("good", 2048, "sha256", subject);
        Pki.verifyChain(issued(simpleenroll(label, device.getString("deviceKey"), device.getString("deviceSecret"),
                "good"), "good.pem"), Pki.root("RSA"));
        assertEquals(1, list(id).size());
    }

    @Test
    void aBodyThatIsNotBase64Pkcs10Is400() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String label = device.getString("productKey");
        Files.writeString(dir.resolve("garbage.b64"), "this is not base64 at all!\n");
        Files.writeString(dir.resolve("notcsr.b64"), Base64.getMimeEncoder().encodeToString(
                "a perfectly fine base64 body that is no PKCS#10".getBytes(StandardCharsets.US_ASCII)) + "\n");
        Files.writeString(dir.resolve("empty.b64"), "");
        for (String body : List.of("garbage", "notcsr", "empty")) {
            Reply r = simpleenroll(label, device.getString("deviceKey"), device.getString("deviceSecret"), body);
            assertEquals(400, r.status(), body + ": " + r.text());
            assertFalse(r.text().contains("Exception"), "no stack traces: " + r.text());
        }
        assertEquals(0, list(Enos.byKeys(org, device)).size(), "nothing issued");
    }

    @Test
    void csrattrsIs204AndServerkeygenIs501() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String label = device.getString("productKey");

        // RFC 7030 4.5.2: 204 when no attributes are required
        for (String l : new String[] {label, null}) {
            Reply attrs = curl("csrattrs.b64", est(l, "csrattrs"));
            assertEquals(204, attrs.status(), attrs.text());
            assertEquals(0, attrs.body().length);
        }

        // RFC 7030 4.4 is optional: certgate never makes or exports device keys, so it answers 501 by design
        rsaRequest("csr", 2048, "sha256", "/CN=" + device.getString("deviceKey") + "/O=Example Devices");
        Reply keygen = curl("keygen.out", "--user", device.getString("deviceKey") + ":" + device.getString("deviceSecret"),
                "-H", "Content-Type: application/pkcs10", "--data-binary", "@csr.b64", est(label, "serverkeygen"));
        assertEquals(501, keygen.status(), keygen.text());
        assertFalse(keygen.text().contains("PRIVATE KEY"));
        assertEquals(0, list(Enos.byKeys(org, device)).size(), "nothing issued");
    }

    // ------------------------------------------------------------------------------------------------ EST calls

    private static String est(String label, String operation) {
        return RaAccount.HTTPS + "/.well-known/est/" + (label == null ? "" : label + "/") + operation;
    }

    /** RFC 7030 4.2.1: Basic credentials, application/pkcs10, the base64 of the DER CSR in {@code <csr>.b64}. */
    private Reply simpleenroll(String label, String user, String secret, String csr) throws Exception {
        return curl(csr + ".p7.b64", "--user", user + ":" + secret, "-H", "Content-Type: application/pkcs10",
                "--data-binary", "@" + csr + ".b64", est(label, "simpleenroll"));
    }

    /** RFC 7030 4.2.2: the current certificate and its key as the TLS client certificate. */
    private Reply simplereenroll(String label, String certFile, String keyFile, String csr) throws Exception {
        return curl(csr + ".p7.b64", "--cert", certFile, "--key", keyFile, "-H", "Content-Type: application/pkcs10",
                "--data-binary", "@" + csr + ".b64", est(label, "simplereenroll"));
    }

    /** The enroll answer as RFC 7030 4.2.3 says; its one end-entity certificate is written to {@code certFile}. */
    private X509Certificate issued(Reply r, String certFile) throws Exception {
        assertEquals(200, r.status(), r.text());
        String type = r.mediaType();
        assertTrue(type.startsWith("application/pkcs7-mime") && type.contains("smime-type=certs-only"),
                "Content-Type: " + r.header("content-type"));
        List<X509Certificate> endEntities = certsOnly(r.file()).stream().filter(c -> c.getBasicConstraints() == -1)
                .toList();
        assertEquals(1, endEntities.size(), "one issued certificate in the PKCS#7");
        X509Certificate cert = endEntities.get(0);
        // kept as a device keeps it: the certificate, then the issuing CA above it from the same answer, so that
        // the device presents its chain in TLS (curl --cert sends what the file holds)
        StringBuilder chain = new StringBuilder(Pki.pem("CERTIFICATE", cert.getEncoded()));
        for (X509Certificate ca : certsOnly(r.file())) {
            if (ca.getBasicConstraints() >= 0 && !ca.getSubjectX500Principal().equals(ca.getIssuerX500Principal())) {
                chain.append(Pki.pem("CERTIFICATE", ca.getEncoded()));
            }
        }
        Files.writeString(dir.resolve(certFile), chain.toString());
        return cert;
    }

    // ------------------------------------------------------------------------------------------------ openssl

    /** {@code openssl req} makes an RSA key ({@code <name>.key}) and a DER CSR; {@code <name>.b64} is its base64. */
    private void rsaRequest(String name, int bits, String digest, String subject) throws Exception {
        run("openssl", "req", "-new", "-newkey", "rsa:" + bits, "-nodes", "-keyout", name + ".key", "-" + digest,
                "-subj", subject, "-outform", "DER", "-out", name + ".der");
        run("openssl", "base64", "-in", name + ".der", "-out", name + ".b64");
    }

    /** {@code openssl ecparam} makes an EC key on the curve, {@code openssl req} the DER CSR signed with SHA-256. */
    private void ecRequest(String name, String curve, String subject) throws Exception {
        run("openssl", "ecparam", "-name", curve, "-genkey", "-noout", "-out", name + ".key");
        run("openssl", "req", "-new", "-key", name + ".key", "-sha256", "-subj", subject, "-outform", "DER",
                "-out", name + ".der");
        run("openssl", "base64", "-in", name + ".der", "-out", name + ".b64");
    }

    private static final Pattern PEM_CERT = Pattern.compile(
            "-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+-----END CERTIFICATE-----");

    /**
     * A base64 certs-only PKCS#7 answer: decoded, printed by {@code openssl pkcs7 -print_certs}, and checked to be
     * certs-only (no signers) with BouncyCastle, which must see the same certificates.
     */
    private List<X509Certificate> certsOnly(String base64File) throws Exception {
        String text = Files.readString(dir.resolve(base64File), StandardCharsets.US_ASCII);
        assertTrue(text.matches("[A-Za-z0-9+/=\\r\\n]+"), "a base64 body: " + text);
        // Java decodes: openssl base64 -d silently outputs nothing for one long line, which RFC 7030 allows
        byte[] der = Base64.getMimeDecoder().decode(text);
        Files.write(dir.resolve(base64File + ".p7b"), der);
        run("openssl", "pkcs7", "-inform", "DER", "-in", base64File + ".p7b", "-print_certs", "-out",
                base64File + ".pem");
        List<X509Certificate> certs = new ArrayList<>();
        Matcher m = PEM_CERT.matcher(Files.readString(dir.resolve(base64File + ".pem")));
        while (m.find()) {
            certs.add(Pki.cert(m.group()));
        }
        assertFalse(certs.isEmpty(), "openssl finds certificates in the PKCS#7");

        CMSSignedData cms = new CMSSignedData(der);
        assertEquals(0, cms.getSignerInfos().size(), "certs-only: no signers");
        Set<X509Certificate> bc = new HashSet<>();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
            bc.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(h.getEncoded())));
        }
        assertEquals(bc, new HashSet<>(certs));
        return certs;
    }

    /** The certificate's key is the one openssl made ({@code openssl pkey -pubout}). */
    private void assertKeyOf(String keyFile, X509Certificate cert) throws Exception {
        run("openssl", "pkey", "-in", keyFile, "-pubout", "-outform", "DER", "-out", keyFile + ".pub");
        assertArrayEquals(Files.readAllBytes(dir.resolve(keyFile + ".pub")), cert.getPublicKey().getEncoded(),
                "the certificate holds the key of " + keyFile);
    }

    private static void assertSubject(String expected, X509Certificate cert) {
        assertEquals(new X500Name(expected), X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()),
                "subject as in the CSR");
    }

    /** Runs a command in the working directory with a timeout; output goes to a file (no pipe to fill). */
    private String run(String... command) throws Exception {
        Path log = Files.createTempFile(dir, "run-", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + ": timed out");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ curl

    /** An HTTP answer as curl saved it: the final status line and headers ({@code -D}), and the body ({@code -o}). */
    record Reply(int status, Map<String, String> headers, String file, byte[] body) {
        String header(String name) {
            String v = headers.get(name);
            assertNotNull(v, "no " + name + " header in " + headers);
            return v;
        }

        /** The Content-Type, lower-case, without spaces or quotes. */
        String mediaType() {
            return header("content-type").toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
        }

        String text() {
            return "HTTP " + status + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** {@code curl -sS -k --max-time 60 -D <output>.headers -o <output> <args>} (-k: the server's TLS certificate is self-signed). */
    private Reply curl(String output, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-k", "--max-time", "60", "-D",
                output + ".headers", "-o", output));
        command.addAll(List.of(args));
        Files.deleteIfExists(dir.resolve(output));
        run(command.toArray(String[]::new));
        // the last header block is the final answer (an earlier one may be "100 Continue")
        String[] blocks = Files.readString(dir.resolve(output + ".headers"), StandardCharsets.ISO_8859_1).trim()
                .split("\r?\n\r?\n");
        String[] lines = blocks[blocks.length - 1].split("\r?\n");
        assertTrue(lines[0].startsWith("HTTP/"), lines[0]);
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        Path body = dir.resolve(output);
        return new Reply(status, headers, output, Files.exists(body) ? Files.readAllBytes(body) : new byte[0]);
    }

    /** 401 with a Basic challenge (RFC 7030 3.2.3), nothing issued and nothing revealed in the body. */
    private static void assertUnauthorized(Reply r, String what, String... hidden) {
        assertEquals(401, r.status(), what + ": " + r.text());
        assertTrue(r.header("www-authenticate").toLowerCase(Locale.ROOT).startsWith("basic"),
                what + ": WWW-Authenticate: " + r.header("www-authenticate"));
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertFalse(body.contains("BEGIN") || body.contains("Exception"), what + ": " + body);
        for (String h : hidden) {
            assertFalse(body.contains(h), what + ": the answer reveals " + h + ": " + body);
        }
    }

    /** 401 like the wrong-secret answer: same challenge, same body, so that nothing tells the cases apart. */
    private static void assertSameRefusal(Reply wrongSecret, Reply r, String what, String... hidden) {
        assertUnauthorized(r, what, hidden);
        assertEquals(wrongSecret.header("www-authenticate"), r.header("www-authenticate"), what);
        assertEquals(new String(wrongSecret.body(), StandardCharsets.UTF_8), new String(r.body(), StandardCharsets.UTF_8),
                what + ": the same answer as a wrong secret");
    }

    /** 401 or 403: the request is authenticated by a certificate that no longer (or never) entitles it. */
    private static void assertRefused(Reply r, String what) {
        assertTrue(r.status() == 401 || r.status() == 403, what + ": " + r.text());
        assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("BEGIN"), what);
    }

    // ------------------------------------------------------------------------------------------------ EnOS

    private static JsonArray list(String id) {
        return Enos.ok(Enos.cert("list", id, Json.createObjectBuilder().build())).getJsonArray("data");
    }

    /** The EnOS list entry of the certificate for the device. */
    private static JsonObject listed(String id, X509Certificate cert) {
        JsonArray data = list(id);
        for (JsonValue v : data) {
            if (Pki.cert(v.asJsonObject().getString("cert")).equals(cert)) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("certificate " + cert.getSerialNumber().toString(16) + " is not in the EnOS list of "
                + id + ": " + data);
    }

    /** A device of a new organization's product, as EST enrolls it: its EnOS id, label (productKey), key and secret. */
    record EnrollingDevice(String org, String id, String label, String deviceKey, String secret) {
        static EnrollingDevice create() {
            String org = Enos.newOrg();
            JsonObject device = Enos.newDevice(org);
            return new EnrollingDevice(org, Enos.byKeys(org, device), device.getString("productKey"),
                    device.getString("deviceKey"), device.getString("deviceSecret"));
        }
    }
}
