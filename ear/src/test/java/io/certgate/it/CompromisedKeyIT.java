package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, 1: no way around a revocation. A device enrolls over SCEP with a one-time secret; an operator revokes the
 * certificate for keyCompromise; the same PKCSReq sent again (same transactionID, same spent secret) used to get a new
 * valid certificate for the compromised key. Now the spent secret authenticates nothing new, and the key itself is
 * refused by the ledger whichever facade asks: SCEP with the device secret, EST, EnOS apply (also in another
 * organization) and a CertManager enrollment.
 */
class CompromisedKeyIT {

    private static final HttpClient HTTPS = HttpClient.newBuilder().sslContext(RaAccount.tls(null))
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void clientCertificatesAreTrusted() {
        RaAccount.awaitClientCertificateTrust();
    }

    @Test
    void aKeyRevokedAsCompromisedIsNeverCertifiedAgain() throws Exception {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String productKey = device.getString("productKey");
        String deviceKey = device.getString("deviceKey");
        Http.Answer made = Admin.postJson("/admin/api/orgs/" + org + "/devices/" + device.getString("assetId")
                + "/enrollment-secrets", "{\"validHours\": 2}");
        assertEquals(201, made.status(), made.body());
        String oneTime = made.json().getString("secret");
        assertTrue(oneTime.matches("[A-Za-z0-9]{32}"), "PrintableString-safe (SCEP's challengePassword): " + oneTime);

        KeyPair key = Pki.rsa(2048);
        ScepClient client = new ScepClient(Http.BASE + "/scep/" + productKey, key);
        X500Name subject = new X500Name("CN=" + deviceKey + ",O=Example Devices");
        String transactionId = "compromised-" + deviceKey;
        ScepClient.Reply first = client.pkcsReq(transactionId, subject, oneTime);
        assertEquals("0", first.status(), "SUCCESS with the one-time secret");
        X509Certificate cert = first.certificate();

        ScepClient.Reply repeat = client.pkcsReq(transactionId, subject, oneTime);
        assertEquals("0", repeat.status(), "the client's repeat still gets its certificate");
        assertEquals(cert.getSerialNumber(), repeat.certificate().getSerialNumber(), "the same certificate");

        revokeAsCompromised(org, cert);

        ScepClient.Reply replay = client.pkcsReq(transactionId, subject, oneTime);
        assertEquals("2", replay.status(), "the spent secret issues nothing new (it used to: a new certificate)");
        assertEquals("2", replay.failInfo(), "badRequest");

        ScepClient.Reply deviceSecret = client.pkcsReq("other-" + deviceKey, subject, device.getString("deviceSecret"));
        assertEquals("2", deviceSecret.status(), "the device secret is right, the key is compromised");

        String csr = Pki.csr(key, "SHA256withRSA", "CN=" + deviceKey + ",O=Example Devices");
        Http.Answer est = estEnroll(productKey, deviceKey, device.getString("deviceSecret"), csr);
        assertEquals(400, est.status(), "EST: " + est.body());

        Http.Answer enos = Enos.cert("apply", Enos.byKeys(org, device), Json.createObjectBuilder().add("csr", csr).build());
        assertEquals(200, enos.status(), enos.body());
        assertNotEquals(0, enos.json().getInt("code"), "EnOS apply: " + enos.body());

        String otherOrg = Enos.newOrg();
        JsonObject stranger = Enos.newDevice(otherOrg);
        Http.Answer elsewhere = Enos.cert("apply", Enos.byKeys(otherOrg, stranger), Json.createObjectBuilder()
                .add("csr", csr).build());
        assertNotEquals(0, elsewhere.json().getInt("code"), "another organization: " + elsewhere.body());

        SymantecWire.Answer certManager = SymantecWire.form(RaAccount.AUTO).call("enroll", SymantecParityIT.enroll(
                "Server", Pki.csr(key, "SHA256withRSA", "CN=" + SymantecParityIT.host())));
        assertFalse(certManager.ok(), "CertManager: " + certManager);
        assertNotNull(certManager.statusCode());

        // a new key of the same device is fine
        assertEquals("0", new ScepClient(Http.BASE + "/scep/" + productKey, Pki.rsa(2048)).pkcsReq("fresh-" + deviceKey,
                subject, device.getString("deviceSecret")).status(), "a fresh key enrolls");
    }

    private static void revokeAsCompromised(String org, X509Certificate cert) {
        Http.Answer found = Admin.get("/admin/api/orgs/" + org + "/certificates?serial=" + cert.getSerialNumber()
                .toString(16));
        assertEquals(200, found.status(), found.body());
        long certSn = found.json().getJsonArray("certificates").getJsonObject(0).getJsonNumber("certSn").longValue();
        Http.Answer revoked = Admin.postJson("/admin/api/orgs/" + org + "/certificates/" + certSn + "/revoke",
                "{\"reason\": \"keyCompromise\"}");
        assertEquals(200, revoked.status(), revoked.body());
    }

    private static Http.Answer estEnroll(String productKey, String deviceKey, String secret, String csrPem) {
        String b64 = csrPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        String basic = Base64.getEncoder().encodeToString((deviceKey + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return Http.send(HTTPS, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + "/.well-known/est/" + productKey
                + "/simpleenroll")).header("Authorization", "Basic " + basic).header("Content-Type", "application/pkcs10")
                .POST(HttpRequest.BodyPublishers.ofString(b64)));
    }
}
