package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The scheduled expiry check against the running server, which the test build configures to look every two
 * seconds and to warn two days and one day ahead: a certificate gets exactly one audit record
 * {@code certificate.expiry-warning} per threshold it has reached, written by the server itself, however many
 * checks run after it; a long-lived or a revoked certificate gets none; the metric counts each warning once.
 */
class ExpiryIT {

    static final String ACTION = "certificate.expiry-warning";
    /** The test server checks every 2 s: this is many checks. */
    static final long PATIENCE_MILLIS = 60_000;

    @Test
    void eachCertificateIsWarnedOncePerThresholdItReached() throws Exception {
        String org = Enos.newOrg();
        String id = Enos.byKeys(org, Enos.newDevice(org));
        Metrics before = Metrics.scrape();
        String oneDay = Enos.apply(id, Pki.rsaCsr("expiry-1d"), 1, "RSA").getString("certSN");
        String twoDays = Enos.apply(id, Pki.rsaCsr("expiry-2d"), 2, "RSA").getString("certSN");
        String yearLong = Enos.apply(id, Pki.rsaCsr("expiry-365d"), 365, "RSA").getString("certSN");
        String revoked = Enos.apply(id, Pki.rsaCsr("expiry-revoked"), 1, "RSA").getString("certSN");
        Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", revoked).build()));

        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (warnings(org, oneDay).isEmpty() || warnings(org, twoDays).isEmpty()) {
            assertTrue(System.currentTimeMillis() < deadline, "no expiry warnings within a minute: " + warnings(org));
            Thread.sleep(500);
        }
        Thread.sleep(3 * 2_000); // three more checks, which must not warn again

        List<JsonObject> one = warnings(org, oneDay);
        assertEquals(1, one.size(), "one warning for the one-day certificate: " + warnings(org));
        assertTrue(one.get(0).getString("outcome").contains("(within 1 days)"), one.toString());
        List<JsonObject> two = warnings(org, twoDays);
        assertEquals(1, two.size(), "one warning for the two-day certificate (its one-day one comes tomorrow): "
                + warnings(org));
        assertTrue(two.get(0).getString("outcome").contains("(within 2 days)"), two.toString());
        assertEquals(List.of(), warnings(org, yearLong), "nothing for a certificate a year away");
        assertEquals(List.of(), warnings(org, revoked), "nothing for a revoked certificate");
        for (JsonObject w : warnings(org)) {
            assertEquals("system", w.getString("actor"), "written by the server itself");
            assertEquals(org, w.getString("orgId"));
            assertTrue(w.getString("requestId").startsWith("expiry-"), w.toString());
        }

        Metrics after = Metrics.scrape();
        assertEquals(2, after.since(before, "certgate_expiry_warnings_total", "authority", "RSA"), after.certgateLines());
    }

    /** The organization's expiry warnings. */
    static List<JsonObject> warnings(String org) {
        Http.Answer a = Admin.get("/admin/api/orgs/" + org + "/audit?max=1000");
        assertEquals(200, a.status(), a.body());
        return Json.createReader(new StringReader(a.body())).readArray().stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("action").equals(ACTION)).toList();
    }

    /** The organization's expiry warnings about one certificate. */
    static List<JsonObject> warnings(String org, String certSn) {
        return warnings(org).stream().filter(r -> r.getString("target").startsWith("certSn=" + certSn + " ")).toList();
    }
}
