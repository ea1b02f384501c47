package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EnOS authentication as documented: the token service, signed calls (apim-accesstoken, apim-timestamp,
 * apim-signature), bearer tokens, and what is refused: missing or unknown credentials, bad signatures, stale
 * timestamps, replays. Also the audit trail the calls leave.
 */
class EnosAuthenticationIT {

    static String org;
    static String appKey;
    static String appSecret;
    static String token;

    @BeforeAll
    static void account() {
        org = Enos.newOrg();
        appKey = Enos.account(org).getString("appKey");
        appSecret = Enos.account(org).getString("appSecret");
        token = Enos.token(appKey, appSecret);
    }

    /** A signed call: paramsData = query parameters sorted by name (name + value), then the raw body. */
    static Http.Answer signed(String pathAndQuery, String body, long timestamp, String accessToken, String secret) {
        String sig = Enos.sha256(accessToken + paramsData(pathAndQuery, body) + timestamp + secret);
        return Http.post(pathAndQuery, body, Map.of("apim-accesstoken", accessToken,
                "apim-timestamp", String.valueOf(timestamp), "apim-signature", sig));
    }

    static String paramsData(String pathAndQuery, String body) {
        TreeMap<String, String> params = new TreeMap<>();
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(k).append(v));
        return b.append(body).toString();
    }

    static String tokenRequest(String key, String encryption, Object timestamp) {
        var b = Json.createObjectBuilder();
        if (key != null) {
            b.add("appKey", key);
        }
        if (encryption != null) {
            b.add("encryption", encryption);
        }
        if (timestamp instanceof Long l) {
            b.add("timestamp", l);
        } else if (timestamp != null) {
            b.add("timestamp", timestamp.toString());
        }
        return b.build().toString();
    }

    static JsonObject tokenService(String body) {
        Http.Answer a = Http.post("/apim-token-service/v2.0/token/get", body);
        assertEquals(200, a.status());
        return a.json();
    }

    @Test
    void signedCallsWorkAndCannotBeReplayed() {
        long now = System.currentTimeMillis();
        String path = "/connect-service/v2.1/products?orgId=" + org + "&action=create";
        String body = "{\"productName\":{\"defaultValue\":\"signed\"},\"biDirectionalAuth\":true}";
        Http.Answer ok = signed(path, body, now, token, appSecret);
        assertEquals(200, ok.status(), ok.body());
        assertEquals(0, ok.json().getInt("code"), ok.body());
        // the identical request again: a replay
        Http.Answer replay = signed(path, body, now, token, appSecret);
        assertEquals(401, replay.status());
        assertEquals(1001, replay.json().getInt("code"));
        // the body changed after signing
        String sig = Enos.sha256(token + paramsData(path, body) + now + appSecret);
        Http.Answer tampered = Http.post(path, body.replace("signed", "tampered"), Map.of("apim-accesstoken", token,
                "apim-timestamp", String.valueOf(now), "apim-signature", sig));
        assertEquals(401, tampered.status());
        assertEquals(1003, tampered.json().getInt("code"));
        // another secret
        assertEquals(1003, signed(path, body, now + 1, token, "not-the-secret").json().getInt("code"));
        // outside the 5 minute window
        Http.Answer stale = signed(path, body, now - 6 * 60_000, token, appSecret);
        assertEquals(401, stale.status());
        assertEquals(1004, stale.json().getInt("code"));
        assertEquals(1004, signed(path, body, now + 6 * 60_000, token, appSecret).json().getInt("code"));
        // an unknown token
        assertEquals(1203, signed(path, body, now + 2, "bm90LWEtdG9rZW4", appSecret).json().getInt("code"));
    }

    @Test
    void bearerTokensAndMissingCredentials() {
        String list = "/connect-service/v2.0/certificates?action=list&orgId=" + org + "&assetId=nothing";
        Http.Answer none = Http.get(list);
        assertEquals(401, none.status());
        assertEquals(1202, none.json().getInt("code"));
        assertTrue(none.json().getString("msg").startsWith("authentication required"));
        Http.Answer bogus = Http.get(list, Map.of("Authorization", "Bearer forged"));
        assertEquals(401, bogus.status());
        assertEquals(1203, bogus.json().getInt("code"));
        Http.Answer basic = Http.get(list, Map.of("Authorization", Admin.basic("admin", Admin.password())));
        assertEquals(401, basic.status(), "admin credentials are not EnOS credentials");
        Http.Answer ok = Http.get(list, Map.of("Authorization", "Bearer " + token));
        assertEquals(11404, ok.json().getInt("code"), "authenticated: the device simply does not exist");
        // public PKI endpoints and health need no credentials
        assertEquals(200, Http.get("/enos/CA/cacert/RSA").status());
        assertEquals(200, Http.get("/enos/CA/crl/ECC").status());
        Http.Answer ready = Http.get("/health/ready");
        assertEquals(200, ready.status());
        assertTrue(ready.body().contains("\"certgate-ca\"") && ready.body().contains("UP"), ready.body());
    }

    @Test
    void tokenServiceErrors() {
        long now = System.currentTimeMillis();
        String enc = Enos.sha256(appKey + now + appSecret);
        assertEquals(0, tokenService(tokenRequest(appKey, enc, now)).getInt("status"));
        JsonObject again = tokenService(tokenRequest(appKey, enc, now));
        assertEquals(1001, again.getInt("status"), "duplicate encryption");
        assertEquals(1002, tokenService(tokenRequest("00000000-0000-0000-0000-000000000000",
                Enos.sha256("x"), now)).getInt("status"));
        assertEquals(1003, tokenService(tokenRequest(appKey, Enos.sha256(appKey + now + "wrong"), now))
                .getInt("status"));
        long old = now - 10 * 60_000;
        assertEquals(1004, tokenService(tokenRequest(appKey, Enos.sha256(appKey + old + appSecret), old))
                .getInt("status"));
        assertEquals(1004, tokenService(tokenRequest(appKey, enc, "yesterday")).getInt("status"));
        assertEquals(1004, tokenService("not json").getInt("status"));
        for (String missing : List.of(tokenRequest(null, enc, now), tokenRequest(appKey, null, now),
                tokenRequest(appKey, enc, null))) {
            JsonObject r = tokenService(missing);
            assertEquals(1202, r.getInt("status"), r.toString());
        }
        JsonObject good = tokenService(tokenRequest(appKey, Enos.sha256(appKey + (now + 1) + appSecret), now + 1));
        assertEquals(7200, good.getJsonObject("data").getInt("expire"));
        assertFalse(good.toString().contains(appSecret));
    }

    @Test
    void everyChangeIsAudited() {
        JsonObject device = Enos.newDevice(org);
        String id = Enos.byKeys(org, device);
        Http.Answer applied = Enos.cert("apply", id, Json.createObjectBuilder().add("csr", Pki.rsaCsr("audited"))
                .build());
        JsonObject data = Enos.ok(applied).getJsonObject("data");
        String requestId = applied.json().getString("requestId");
        Enos.ok(Enos.cert("revoke", id, Json.createObjectBuilder().add("certSn", data.getString("certSN")).build()));
        Http.Answer audit = Admin.get("/admin/api/orgs/" + org + "/audit?max=50");
        assertEquals(200, audit.status(), audit.body());
        JsonArray records = Json.createReader(new java.io.StringReader(audit.body())).readArray();
        List<String> actions = records.stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertTrue(actions.containsAll(List.of("credential.create", "product.create", "device.create",
                "certificate.apply", "certificate.revoke")), actions.toString());
        JsonObject apply = records.stream().map(v -> v.asJsonObject())
                .filter(r -> r.getString("action").equals("certificate.apply")).findFirst().orElseThrow();
        assertEquals("enos:" + appKey, apply.getString("actor"));
        assertEquals(org, apply.getString("orgId"));
        assertEquals(requestId, apply.getString("requestId"), "the answer's requestId is the audit record's");
        assertTrue(apply.getString("target").contains("certSn=" + data.getString("certSN")));
        assertFalse(audit.body().contains(appSecret), "no secrets in the audit trail");
    }

    @Test
    void adminApiNeedsAnOperator() {
        assertEquals(401, Admin.getAs(null, "/admin/api/stats").status());
        assertEquals(401, Admin.getAs(Admin.basic("admin", "wrong-password"), "/admin/api/stats").status());
        assertEquals(401, Admin.getAs("Bearer " + token, "/admin/api/stats").status());
        assertEquals(200, Admin.getAs(Admin.basic("admin", Admin.password()), "/admin/api/stats").status());
        Http.Answer plain = Http.get("/admin/api/stats");
        assertTrue(plain.status() == 302 || plain.status() == 301 || plain.status() == 401
                || plain.status() == 403, "never served over plain HTTP: " + plain.status());
        assertFalse(plain.body().contains("products"));
    }
}
