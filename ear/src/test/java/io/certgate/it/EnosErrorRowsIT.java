package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.KeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error row of specs 001 (apply) and 000 (renew) this server can produce, plus malformed requests. */
class EnosErrorRowsIT {

    static final String EXCEEDS = "The specified validity period exceeds the maximum certificate validity period of "
            + "the product to which this device belongs.";
    static final String NOT_BIDI = "The product to which the device belongs to is not a product that supports "
            + "bi-directional authorization.";
    static final String NOT_BOUND = "The certificate list bound to the device does not have the certificate, or the "
            + "certificate is bound to other devices.";

    static String org;
    static JsonObject device;
    static String id;
    static String validRsaCsr;

    @BeforeAll
    static void setUp() {
        org = Enos.newOrg();
        String pk = Enos.createProduct(org, true, 365);
        device = Enos.createDevice(org, pk, null);
        id = Enos.byKeys(org, device);
        validRsaCsr = Pki.rsaCsr("errors");
    }

    private static JsonObject body(Object... kv) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v instanceof Integer n) {
                b.add((String) kv[i], n);
            } else if (v instanceof Long n) {
                b.add((String) kv[i], n);
            } else {
                b.add((String) kv[i], (String) v);
            }
        }
        return b.build();
    }

    private static int certificateCount() {
        return Enos.ok(Enos.get(org, "/connect-service/v2.0/certificates?action=list&" + id)).getJsonArray("data").size();
    }

    @Test
    void validDayAboveTheProductMaximum() {
        Enos.error(Enos.cert("apply", id, body("csr", validRsaCsr, "validDay", 366)), 99400, EXCEEDS);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -2147483648})
    void nonPositiveValidDay(int days) {
        Enos.error(Enos.cert("apply", id, body("csr", validRsaCsr, "validDay", days)), 99400, "invalid argument");
    }

    @Test
    void hugeValidDay() {
        Enos.error(Enos.cert("apply", id, body("csr", validRsaCsr, "validDay", 99999999999L)), 99400, "invalid argument");
        Enos.error(Enos.cert("apply", id, body("csr", validRsaCsr, "validDay", 2147483647)), 99400, EXCEEDS);
    }

    @Test
    void deviceIdentifierMissingOrIncomplete() {
        String msg = "invalid argument: The device identifier is invalid";
        Enos.error(Enos.post(org, "/connect-service/v2.0/certificates?action=apply&orgId=" + org,
                body("csr", validRsaCsr).toString()), 99400, msg);
        Enos.error(Enos.post(org, "/connect-service/v2.0/certificates?action=apply&orgId=" + org + "&productKey="
                + device.getString("productKey"), body("csr", validRsaCsr).toString()), 99400, msg);
        Enos.error(Enos.post(org, "/connect-service/v2.0/certificates?action=renew&orgId=" + org,
                body("certSn", 1).toString()), 99400, msg);
    }

    @Test
    void csrMissing() {
        Enos.error(Enos.cert("apply", id, body("validDay", 10)), 99400, "Invalid Argument csr:csr is missing");
        Enos.error(Enos.cert("apply", id, body("csr", "")), 99400, "Invalid Argument csr:csr is missing");
    }

    @Test
    void productWithoutBiDirectionalAuth() {
        String org2 = Enos.newOrg();
        JsonObject d = Enos.createDevice(org2, Enos.createProduct(org2, false, null), null);
        Enos.error(Enos.cert("apply", Enos.byKeys(org2, d), body("csr", validRsaCsr)), 99400, NOT_BIDI);
        Enos.error(Enos.cert("renew", Enos.byKeys(org2, d), body("certSn", 1)), 99400, NOT_BIDI);
    }

    @Test
    void invalidCertRequests() {
        String prefix = "Invalid cert request!message:";
        int before = certificateCount();
        Enos.error(Enos.cert("apply", id, body("csr", Pki.csr(Pki.rsa(1024), "SHA256withRSA", "CN=x"))), 99400, prefix);
        Enos.error(Enos.cert("apply", id, body("csr", Pki.csr(Pki.rsa(4096), "SHA256withRSA", "CN=x"))), 99400, prefix);
        Enos.error(Enos.cert("apply", id, body("csr", Pki.csr(Pki.rsa(2048), "SHA1withRSA", "CN=x"))), 99400, prefix);
        Enos.error(Enos.cert("apply", id, body("csr", Pki.csr(Pki.ec("secp384r1"), "SHA384withECDSA", "CN=x"),
                "issueAuthority", "ECC")), 99400, prefix);
        Enos.error(Enos.cert("apply", id, body("csr", Pki.csr(Pki.ec("secp256r1"), "SHA1withECDSA", "CN=x"),
                "issueAuthority", "ECC")), 99400, prefix);
        Enos.error(Enos.cert("apply", id, body("csr", validRsaCsr, "issueAuthority", "ECC")), 99400, prefix);
        Enos.error(Enos.cert("apply", id, body("csr", Pki.ecCsr("x"))), 99400, prefix);
        Enos.error(Enos.cert("apply", id, body("csr", "not a csr")), 99400, prefix);
        Enos.error(Enos.cert("apply", id, body("csr", validRsaCsr.substring(0, 300))), 99400, prefix);
        String broken = validRsaCsr.substring(0, 200) + (validRsaCsr.charAt(200) == 'A' ? 'B' : 'A')
                + validRsaCsr.substring(201);
        Enos.error(Enos.cert("apply", id, body("csr", broken)), 99400, prefix);
        Enos.error(Enos.cert("apply", id, body("csr", "x".repeat(20000))), 99400, prefix);
        assertEquals(before, certificateCount(), "nothing was issued");
    }

    @Test
    void issueAuthorityOtherThanRsaOrEcc() {
        Enos.error(Enos.cert("apply", id, body("csr", validRsaCsr, "issueAuthority", "DSA")), 99400, "invalid argument");
    }

    @Test
    void deviceNotFoundAndOtherOrganizationsDevice() {
        Enos.error(Enos.cert("apply", "orgId=" + org + "&assetId=doesNotExist", body("csr", validRsaCsr)), 11404,
                "Device cannot be found");
        String otherOrg = Enos.newOrg();
        JsonObject foreign = Enos.newDevice(otherOrg);
        Enos.error(Enos.cert("apply", Enos.byAsset(org, foreign), body("csr", validRsaCsr)), 11404,
                "Device cannot be found");
        Enos.error(Enos.cert("renew", Enos.byKeys(org, foreign), body("certSn", 1)), 11404, "Device cannot be found");
        Enos.error(Enos.get(org, "/connect-service/v2.1/devices?action=get&" + Enos.byAsset(org, foreign)), 11404, null);
        // naming the other organization outright: as if it did not exist
        Enos.error(Enos.certAs(org, "apply", Enos.byAsset(otherOrg, foreign), body("csr", validRsaCsr)), 11404,
                "Organization cannot be found");
        Enos.error(Enos.certAs(org, "list", Enos.byAsset(otherOrg, foreign), body()), 11404, null);
        Enos.error(Enos.get(org, "/connect-service/v2.1/devices?action=get&" + Enos.byAsset(otherOrg, foreign)),
                11404, null);
        Enos.error(Enos.post(org, "/connect-service/v2.1/products?action=create&orgId=" + otherOrg,
                body("productName", "x").toString()), 11404, null);
        Enos.error(Enos.get(org, "/connect-service/v2.1/products?action=get&orgId=" + org + "&productKey="
                + foreign.getString("productKey")), 11404, null);
        Enos.error(Enos.post(org, "/connect-service/v2.1/devices?action=create&orgId=" + org,
                body("productKey", foreign.getString("productKey"), "deviceName", "x").toString()), 11404, null);
    }

    @Test
    void publicKeyBoundToAnotherDevice() {
        KeyPair shared = Pki.rsa(2048);
        String csr = Pki.csr(shared, "SHA256withRSA", "CN=shared");
        Enos.apply(id, csr, null, null);
        JsonObject other = Enos.createDevice(org, device.getString("productKey"), null);
        Enos.error(Enos.cert("apply", Enos.byKeys(org, other), body("csr", csr)), 11833,
                "Certificate is already bound to another device.");
        // the same key on the same device is a re-issue, not a conflict
        Enos.apply(id, Pki.csr(shared, "SHA256withRSA", "CN=shared-again"), null, null);
        // renewing another device's certificate with that key is refused too
        JsonObject otherCert = Enos.apply(Enos.byKeys(org, other), Pki.rsaCsr("other"), null, null);
        Enos.error(Enos.cert("renew", Enos.byKeys(org, other), body("certSn",
                Long.parseLong(otherCert.getString("certSN")), "csr", csr)), 11833, null);
    }

    @Test
    void renewCertSnMissingNegativeOrNotBound() {
        Enos.error(Enos.cert("renew", id, body("validDay", 10)), 99400, "Invalid Argument certSn:certSn is missing");
        Enos.error(Enos.cert("renew", id, body("certSn", -5)), 99400,
                "The serial number of the new certificate is invalid (less than 0).");
        Enos.error(Enos.cert("renew", id, body("certSn", 987654321)), 99400, NOT_BOUND);
        JsonObject other = Enos.createDevice(org, device.getString("productKey"), null);
        JsonObject otherCert = Enos.apply(Enos.byKeys(org, other), Pki.rsaCsr("other2"), null, null);
        Enos.error(Enos.cert("renew", id, body("certSn", otherCert.getString("certSN"))), 99400, NOT_BOUND);
        Enos.error(Enos.cert("revoke", id, body("certSn", otherCert.getString("certSN"))), 99400, NOT_BOUND);
    }

    @Test
    void renewValidDayAboveMaximum() {
        JsonObject c = Enos.apply(id, Pki.rsaCsr("renew-max"), 30, null);
        Enos.error(Enos.cert("renew", id, body("certSn", c.getString("certSN"), "validDay", 400)), 99400, EXCEEDS);
    }

    @Test
    void revokeReasonOutsideTheList() {
        JsonObject c = Enos.apply(id, Pki.rsaCsr("reason"), 30, null);
        for (int bad : new int[] {2, 7, 8, 10, -1}) {
            Enos.error(Enos.cert("revoke", id, body("certSn", c.getString("certSN"), "reason", bad)), 99400,
                    "invalid argument: reason");
        }
    }

    @Test
    void malformedRequests() {
        Enos.error(Enos.cert("explode", id, body()), 99400, "invalid argument: unknown action");
        Enos.error(Enos.post(org, "/connect-service/v2.0/certificates?" + id, "{}"), 99400, "invalid argument: unknown action");
        Enos.error(Enos.post(org, "/connect-service/v2.0/certificates?action=apply&" + id, "{not json"), 99400,
                "invalid argument");
        Enos.error(Enos.post(org, "/connect-service/v2.0/certificates?action=apply&" + id, "[1,2]"), 99400,
                "invalid argument");
        Enos.error(Enos.cert("apply", id, body("csr", validRsaCsr, "validDay", "abc")), 99400,
                "invalid argument: validDay must be an integer");
        Enos.error(Enos.post(org, "/connect-service/v2.0/certificates?action=renew&" + id, "{\"certSn\":{\"a\":1}}"), 99400,
                "invalid argument: certSn");
        Enos.error(Enos.post(org, "/connect-service/v2.0/certificates?action=renew&" + id, "{\"certSn\":1.5}"), 99400,
                "invalid argument: certSn");
        Enos.error(Enos.post(org, "/connect-service/v2.0/certificates/apply?action=apply",
                "{\"orgId\":\"" + org + "\",\"device\":\"x\"}"), 99400, "invalid argument: device");
        Enos.error(Enos.post(org, "/connect-service/v2.0/certificates/apply?action=revoke&" + id, "{}"), 99400,
                "invalid argument");
        Enos.error(Enos.get(org, "/connect-service/v2.0/certificates?action=apply&" + id), 99400, "invalid argument");
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        String big = "{\"csr\":\"" + "A".repeat(70 * 1024) + "\"}";
        Http.Answer a = Enos.post(org, "/connect-service/v2.0/certificates?action=apply&" + id, big);
        assertEquals(413, a.status());
        assertEquals(99400, a.json().getInt("code"));
    }

    @Test
    void sqlMetacharactersInIdentifiers() {
        Enos.error(Enos.cert("apply", "orgId=" + org + "&assetId=x%27%20OR%20%271%27%3D%271",
                body("csr", validRsaCsr)), 11404, null);
        Enos.error(Enos.certAs(org, "list", "orgId=%27%3B%20DROP%20TABLE%20CG_DEVICE%3B%20--&assetId="
                + device.getString("assetId"), body()), 11404, null);
        // another organization's orgId (here SQL) is refused before anything else: it cannot be the caller's
        Enos.error(Enos.post(org, "/connect-service/v2.1/products?action=create&orgId=%27%20OR%201%3D1",
                body("productName", "x").toString()), 11404, "Organization cannot be found");
        certificateCount(); // the tables are still there
    }

    @Test
    void duplicateDeviceKeyAndBadProductInput() {
        Enos.createDevice(org, device.getString("productKey"), "dup-key");
        Enos.error(Enos.post(org, "/connect-service/v2.1/devices?action=create&orgId=" + org,
                body("productKey", device.getString("productKey"), "deviceKey", "dup-key", "deviceName", "x")
                        .toString()), 11702, null);
        Enos.error(Enos.post(org, "/connect-service/v2.1/products?action=create&orgId=" + org,
                body("productName", "p", "maxValidDay", 3651).toString()), 99400, "invalid argument: maxValidDay");
        Enos.error(Enos.post(org, "/connect-service/v2.1/products?action=create&orgId=" + org,
                body("productName", "p", "defaultValidDay", 0).toString()), 99400, "invalid argument: defaultValidDay");
        Enos.error(Enos.post(org, "/connect-service/v2.1/products?action=create&orgId=" + org,
                body("productName", "p", "productType", "Toaster").toString()), 99400, "invalid argument: productType");
        Enos.error(Enos.post(org, "/connect-service/v2.1/products?action=create&orgId=" + org,
                body("productDesc", "no name").toString()), 99400, "invalid argument: productName");
        Enos.error(Enos.post(org, "/connect-service/v2.1/products?action=create&orgId=" + org,
                "{\"productName\":\"p\",\"biDirectionalAuth\":\"yes\"}"), 99400, "invalid argument: biDirectionalAuth");
    }
}
