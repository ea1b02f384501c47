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

    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, JsonObject> ACCOUNTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A fresh organization with an EnOS service account (made by the admin API) and an access token. */
    static String newOrg() {
        String org = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        JsonObject account = Admin.enosServiceAccount(org);
        ACCOUNTS.put(org, account);
        TOKENS.put(org, token(account.getString("appKey"), account.getString("appSecret")));
        return org;
    }

    /** The bootstrap organization (acme on the test server) with the service account written on first start. */
    static String bootstrapOrg() {
        try {
            java.util.Properties p = new java.util.Properties();
            try (var in = java.nio.file.Files.newInputStream(RaAccount.serverDir()
                    .resolve("certgate-data/bootstrap/enos-service-account.properties"))) {
                p.load(in);
            }
            String org = p.getProperty("orgId");
            ACCOUNTS.put(org, Json.createObjectBuilder().add("orgId", org).add("appKey", p.getProperty("appKey"))
                    .add("appSecret", p.getProperty("appSecret")).build());
            TOKENS.computeIfAbsent(org, o -> token(p.getProperty("appKey"), p.getProperty("appSecret")));
            return org;
        } catch (java.io.IOException e) {
            throw new AssertionError("no bootstrap EnOS service account", e);
        }
    }

    static JsonObject account(String org) {
        return ACCOUNTS.get(org);
    }

    /** The documented token service: encryption = sha256_hex(appKey + timestamp + appSecret). */
    static String token(String appKey, String appSecret) {
        String ts = String.valueOf(System.currentTimeMillis());
        JsonObject r = Http.post("/apim-token-service/v2.0/token/get", Json.createObjectBuilder()
                .add("appKey", appKey).add("encryption", sha256(appKey + ts + appSecret))
                .add("timestamp", Long.parseLong(ts)).build().toString()).json();
        assertEquals(0, r.getInt("status"), r.toString());
        return r.getJsonObject("data").getString("accessToken");
    }

    static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static java.util.Map<String, String> bearer(String org) {
        String token = TOKENS.get(org);
        if (token == null) {
            throw new AssertionError("no credentials for org " + org + " (use Enos.newOrg())");
        }
        return java.util.Map.of("Authorization", "Bearer " + token);
    }

    /** POST as the organization's service account. */
    static Http.Answer post(String org, String pathAndQuery, String body) {
        return Http.post(pathAndQuery, body, bearer(org));
    }

    /** GET as the organization's service account. */
    static Http.Answer get(String org, String pathAndQuery) {
        return Http.get(pathAndQuery, bearer(org));
    }

    /** The orgId of an identity query string ("orgId=..&..."). */
    static String orgOf(String identity) {
        for (String part : identity.split("&")) {
            if (part.startsWith("orgId=")) {
                return part.substring("orgId=".length());
            }
        }
        throw new AssertionError("no orgId in " + identity);
    }

    static String createProduct(String org, boolean biDirectionalAuth, Integer maxValidDay) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("productName", Json.createObjectBuilder().add("defaultValue", "it product"))
                .add("productType", "Device").add("biDirectionalAuth", biDirectionalAuth);
        if (maxValidDay != null) {
            b.add("maxValidDay", maxValidDay);
            b.add("defaultValidDay", Math.min(730, maxValidDay));
        }
        JsonObject r = ok(post(org, "/connect-service/v2.1/products?action=create&orgId=" + org, b.build().toString()));
        return r.getString("data");
    }

    static JsonObject createDevice(String org, String productKey, String deviceKey) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("productKey", productKey)
                .add("deviceName", Json.createObjectBuilder().add("defaultValue", "it device"))
                .add("timezone", "+08:00");
        if (deviceKey != null) {
            b.add("deviceKey", deviceKey);
        }
        return ok(post(org, "/connect-service/v2.1/devices?action=create&orgId=" + org, b.build().toString()))
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

    /** A certificate call in the documented form, as the service account of the identity's orgId. */
    static Http.Answer cert(String action, String identity, JsonObject body) {
        return post(orgOf(identity), "/connect-service/v2.0/certificates?action=" + action + "&" + identity,
                body.toString());
    }

    /** The same as another organization's service account. */
    static Http.Answer certAs(String callerOrg, String action, String identity, JsonObject body) {
        return post(callerOrg, "/connect-service/v2.0/certificates?action=" + action + "&" + identity,
                body.toString());
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
