package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

/**
 * The one core seen from the facades: CRL numbers that only grow, requests built from the specs' samples that
 * must be refused in the facade's format, one key applied twice at once for one device, and one organization's
 * caller that can neither read, revoke nor approve another's objects through any facade.
 */
class CoreContractIT {

    // ---- CRLs an RFC 5280 client can trust ----------------------------------------------------------------

    @Test
    void crlNumbersOnlyGrowAndAFreshCrlFollowsEachRevocation() throws Exception {
        String org = Enos.newOrg();
        String id = Enos.byKeys(org, Enos.newDevice(org));
        JsonObject cert = Enos.apply(id, Pki.ecCsr("crl-number"), null, "ECC");
        X509Certificate leaf = Pki.cert(cert.getString("cert"));
        // the CRL of the organization's ECC issuing CA, where the leaf's distribution point leads
        String crlUrl = Pki.extensionUri(leaf, Extension.cRLDistributionPoints.getId());
        byte[] before = Pki.fetchPublic(crlUrl);
        BigInteger n1 = crlNumber(before);
        assertTrue(java.util.Arrays.equals(before, Pki.fetchPublic(crlUrl)), "no change: the same CRL, the same number");
        BigInteger rootBefore = crlNumber(Http.get("/enos/CA/crl/ECC").bytes());
        Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", cert.getString("certSN")).build()));
        byte[] after = Pki.fetchPublic(crlUrl);
        BigInteger n2 = crlNumber(after);
        assertTrue(n2.compareTo(n1) > 0, "the number grows: " + n1 + " -> " + n2);
        assertEquals(rootBefore, crlNumber(Http.get("/enos/CA/crl/ECC").bytes()), "a leaf is not on the root's CRL");
        X509CRL crl = Pki.crl(after);
        X509Certificate root = Pki.issuerOf(leaf); // the issuing CA signs its CRL
        crl.verify(root.getPublicKey());
        assertTrue(crl.isRevoked(Pki.cert(cert.getString("cert"))));
        assertTrue(!crl.getThisUpdate().after(new java.util.Date()) && crl.getNextUpdate().after(new java.util.Date()),
                "thisUpdate <= now < nextUpdate");
        // the other authority's number is its own and unaffected
        BigInteger rsa = crlNumber(Http.get("/enos/CA/crl/RSA").bytes());
        assertEquals(rsa, crlNumber(Http.get("/enos/CA/crl/RSA").bytes()));
        // openssl verifies both consecutive CRLs with the issuing CA and reads the numbers
        Path dir = Files.createTempDirectory("crl-it");
        Files.writeString(dir.resolve("root.pem"), Pki.pem("CERTIFICATE", root.getEncoded()));
        Files.write(dir.resolve("1.der"), before);
        Files.write(dir.resolve("2.der"), after);
        for (String f : List.of("1.der", "2.der")) {
            String out = run(dir, "openssl", "crl", "-inform", "DER", "-in", f, "-CAfile", "root.pem", "-noout",
                    "-crlnumber");
            assertTrue(out.contains("verify OK"), out);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("crlNumber=0x([0-9A-Fa-f]+)").matcher(out);
            assertTrue(m.find(), out);
            assertEquals(f.equals("1.der") ? n1 : n2, new BigInteger(m.group(1), 16), out);
        }
    }

    static BigInteger crlNumber(byte[] der) {
        byte[] ext = Pki.crl(der).getExtensionValue(Extension.cRLNumber.getId());
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getValue();
    }

    // ---- contract fidelity (specs 000/001/002 samples) -------------------------------------------------------

    @Test
    void enosCallsWithoutOrgIdAreRefused() {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String noOrg = "assetId=" + device.getString("assetId");
        Enos.error(Enos.certAs(org, "list", noOrg, Json.createObjectBuilder().build()), 99400,
                "Invalid Argument orgId:orgId is missing");
        Enos.error(Enos.certAs(org, "apply", noOrg, Json.createObjectBuilder().add("csr", Pki.rsaCsr("no-org"))
                .build()), 99400, "Invalid Argument orgId:orgId is missing");
        Enos.error(Enos.post(org, "/connect-service/v2.1/products?action=create", "{\"productName\":\"x\"}"), 99400,
                "Invalid Argument orgId:orgId is missing");
        // the SDK's form carries it in the body: that counts
        Enos.ok(Enos.post(org, "/connect-service/v2.0/certificates/get?action=get", Json.createObjectBuilder()
                .add("orgId", org).add("device", Json.createObjectBuilder().add("assetId", device.getString("assetId")))
                .build().toString()));
    }

    @Test
    void anAssetIdWithTheKeysOfAnotherDeviceIsRefused() {
        String org = Enos.newOrg();
        JsonObject one = Enos.newDevice(org);
        JsonObject two = Enos.createDevice(org, one.getString("productKey"), null);
        String mixed = "orgId=" + org + "&assetId=" + one.getString("assetId") + "&productKey="
                + two.getString("productKey") + "&deviceKey=" + two.getString("deviceKey");
        Enos.error(Enos.cert("apply", mixed, Json.createObjectBuilder().add("csr", Pki.rsaCsr("mixed")).build()),
                99400, "invalid argument: assetId and productKey/deviceKey name different devices");
        Enos.error(Enos.cert("list", mixed, Json.createObjectBuilder().build()), 99400, null);
        String same = "orgId=" + org + "&assetId=" + one.getString("assetId") + "&productKey="
                + one.getString("productKey") + "&deviceKey=" + one.getString("deviceKey");
        Enos.ok(Enos.cert("list", same, Json.createObjectBuilder().build()));
    }

    @Test
    void anEmptyIssueAuthorityIsRefused() {
        String org = Enos.newOrg();
        String id = Enos.byKeys(org, Enos.newDevice(org));
        Enos.error(Enos.cert("apply", id, Json.createObjectBuilder().add("csr", Pki.rsaCsr("empty-ia"))
                .add("issueAuthority", "").build()), 99400, "invalid argument: issueAuthority must be RSA or ECC");
        Enos.error(Enos.cert("apply", id, Json.createObjectBuilder().add("csr", Pki.rsaCsr("blank-ia"))
                .add("issueAuthority", " ").build()), 99400, "invalid argument: issueAuthority");
        assertEquals(0, Enos.ok(Enos.cert("list", id, Json.createObjectBuilder().build())).getJsonArray("data").size(),
                "nothing issued");
    }

    @Test
    void concurrentAppliesOfOneKeyForOneDeviceAllSucceed() throws Exception {
        String org = Enos.newOrg();
        String id = Enos.byKeys(org, Enos.newDevice(org));
        String csr = Pki.rsaCsr("same-key-twice");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Http.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit((Callable<Http.Answer>) () -> Enos.cert("apply", id,
                        Json.createObjectBuilder().add("csr", csr).build())));
            }
            Set<String> sns = new HashSet<>();
            for (Future<Http.Answer> f : answers) {
                sns.add(Enos.ok(f.get(60, TimeUnit.SECONDS)).getJsonObject("data").getString("certSN"));
            }
            assertEquals(6, sns.size(), "six certificates, one key, one device");
        } finally {
            pool.shutdownNow();
        }
        // another device still cannot have that key
        String other = Enos.byKeys(org, Enos.newDevice(org));
        Enos.error(Enos.cert("apply", other, Json.createObjectBuilder().add("csr", csr).build()), 11833,
                "Certificate is already bound to another device.");
    }

    @Test
    void certManagerTransactionIdsMatchInAnyLetterCase() {
        SymantecWire w = SymantecWire.form(RaAccount.AUTO);
        SymantecWire.Answer issued = w.call("enroll", SymantecParityIT.server());
        assertEquals("0x00", issued.statusCode(), issued.message());
        SymantecWire.Answer picked = w.call("pickup", Map.of("transaction_id", issued.transactionId().toUpperCase()));
        assertEquals("0x00", picked.statusCode(), picked.message());
        assertEquals(issued.certificate(), picked.certificate());
    }

    // ---- explicit callers: another organization's objects are out of reach ---------------------------------

    @Test
    void anotherOrganizationCannotReadOrRevokeThroughEnos() {
        String a = Enos.newOrg();
        String b = Enos.newOrg();
        JsonObject device = Enos.newDevice(a);
        String idA = Enos.byKeys(a, device);
        JsonObject cert = Enos.apply(idA, Pki.rsaCsr("cross-org"), null, null);
        JsonObject revoke = Json.createObjectBuilder().add("certSn", cert.getString("certSN")).build();
        // naming a's orgId with b's credentials: as if a did not exist
        Enos.error(Enos.certAs(b, "list", idA, Json.createObjectBuilder().build()), 11404, "Organization cannot be found");
        Enos.error(Enos.certAs(b, "revoke", idA, revoke), 11404, "Organization cannot be found");
        // naming b's own orgId with a's device: no such device
        String asB = "orgId=" + b + "&assetId=" + device.getString("assetId");
        Enos.error(Enos.certAs(b, "list", asB, Json.createObjectBuilder().build()), 11404, null);
        Enos.error(Enos.certAs(b, "revoke", asB, revoke), 11404, null);
        JsonArray list = Enos.ok(Enos.cert("list", idA, Json.createObjectBuilder().build())).getJsonArray("data");
        assertEquals(0, list.getJsonObject(0).getInt("certStatus"), "still valid");
    }

    @Test
    void anotherOrganizationsRaAccountAndOperatorCannotReadRevokeOrApprove() {
        SymantecWire requester = SymantecWire.form(RaAccount.APPROVE);
        SymantecWire.Answer pending = requester.call("enroll", SymantecParityIT.server());
        SymantecWire.Answer issued = SymantecWire.form(RaAccount.AUTO).call("enroll", SymantecParityIT.server());
        String serial = SymantecParityIT.serialOf(issued);
        // an approver RA account of another organization, made through the admin API
        String globex = "globex" + System.nanoTime();
        Http.Answer created = Admin.postJson("/admin/api/orgs/" + globex + "/ra-accounts",
                "{\"name\":\"" + globex + "-approver\",\"approver\":true}");
        assertEquals(201, created.status(), created.body());
        JsonObject account = created.json();
        SymantecWire stranger = SymantecWire.formWith(RaAccount.tls(java.util.Base64.getDecoder().decode(
                account.getString("p12")), account.getString("password").toCharArray()));
        assertEquals("0x05", stranger.call("pickup", Map.of("transaction_id", issued.transactionId())).statusCode(),
                "cannot read");
        assertEquals("0x05", stranger.call("approve", Map.of("transaction_id", pending.transactionId())).statusCode(),
                "cannot approve");
        assertEquals("0x0A", stranger.call("revoke", Map.of("certSerial", serial, "challenge", "first-challenge"))
                .statusCode(), "cannot revoke");
        // nor can an operator acting for the other organization
        assertEquals(404, Admin.post("/admin/api/orgs/" + globex + "/transactions/" + pending.transactionId()
                + "/approve").status());
        assertEquals("pending", requester.call("pickup", Map.of("transaction_id", pending.transactionId())).message());
        assertEquals("0x00", SymantecWire.form(RaAccount.AUTO).call("pickup", Map.of("transaction_id",
                issued.transactionId())).statusCode(), "still there for its own organization");
        // its client certificate is an ordinary certificate from the RSA root
        Pki.verifyChain(clientCertificate(account), Pki.root("RSA"));
    }

    private static X509Certificate clientCertificate(JsonObject account) {
        try {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(account.getString("p12"))),
                    account.getString("password").toCharArray());
            return (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }
}
