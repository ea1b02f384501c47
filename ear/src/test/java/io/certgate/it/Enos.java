package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;

/** EnOS calls in the documented REST form, and envelope checks. */
final class Enos {

    private Enos() {
    }

    static String newOrg() {
        return "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static String createProduct(String org, boolean biDirectionalAuth, Integer maxValidDay) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("productName", Json.createObjectBuilder().add("defaultValue", "it product"))
                .add("productType", "Device").add("biDirectionalAuth", biDirectionalAuth);
        if (maxValidDay != null) {
            b.add("maxValidDay", maxValidDay);
            b.add("defaultValidDay", Math.min(730, maxValidDay));
        }
        JsonObject r = ok(Http.post("/connect-service/v2.1/products?action=create&orgId=" + org, b.build().toString()));
        return r.getString("data");
    }

    static JsonObject createDevice(String org, String productKey, String deviceKey) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("productKey", productKey)
                .add("deviceName", Json.createObjectBuilder().add("defaultValue", "it device"))
                .add("timezone", "+08:00");
        if (deviceKey != null) {
            b.add("deviceKey", deviceKey);
        }
        return ok(Http.post("/connect-service/v2.1/devices?action=create&orgId=" + org, b.build().toString()))
                .getJsonObject("data");
    }

    /** A fresh org with a bi-directional product and one device; returns the device's create answer. */
    static JsonObject newDevice(String org) {
        return createDevice(org, createProduct(org, true, null), null);
    }

    static String byKeys(String org, JsonObject device) {
        return "orgId=" + org + "&productKey=" + device.getString("productKey") + "&deviceKey="
                + device.getString("deviceKey");
    }

    static String byAsset(String org, JsonObject device) {
        return "orgId=" + org + "&assetId=" + device.getString("assetId");
    }

    static Http.Answer cert(String action, String identity, JsonObject body) {
        return Http.post("/connect-service/v2.0/certificates?action=" + action + "&" + identity, body.toString());
    }

    static JsonObject apply(String identity, String csr, Integer validDay, String authority) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("csr", csr);
        if (validDay != null) {
            b.add("validDay", validDay);
        }
        if (authority != null) {
            b.add("issueAuthority", authority);
        }
        return ok(cert("apply", identity, b.build())).getJsonObject("data");
    }

    static JsonObject ok(Http.Answer a) {
        assertEquals(200, a.status(), a.body());
        JsonObject j = a.json();
        assertEquals(0, j.getInt("code"), a.body());
        assertEquals("OK", j.getString("msg"));
        assertFalse(j.getString("requestId").isBlank());
        return j;
    }

    /** An EnOS error: HTTP 200, the code, and a message that starts with the expected text. */
    static JsonObject error(Http.Answer a, int code, String messageStart) {
        assertEquals(200, a.status(), a.body());
        JsonObject j = a.json();
        assertEquals(code, j.getInt("code"), a.body());
        assertNotNull(j.getString("requestId"));
        if (messageStart != null && !j.getString("msg").startsWith(messageStart)) {
            throw new AssertionError("msg '" + j.getString("msg") + "' does not start with '" + messageStart + "'");
        }
        assertFalse(a.body().contains("Exception"), "no stack traces or exception names: " + a.body());
        return j;
    }
}
