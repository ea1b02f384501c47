package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Operators with roles over real HTTPS and HTTP Basic: an auditor reads everything and changes nothing, an
 * approver decides pending requests and creates nothing; operators are created, given a role and a new password,
 * and disabled (then they cannot sign in), never leaving no enabled admin. Credentials of an organization: an
 * EnOS secret rotated (the old secret and its tokens stop working), a DigiCert key rotated, an RA account disabled
 * or its client certificate revoked (then CertManager refuses it).
 */
class OperatorRolesIT {

    /** An operator made through the API: its name and HTTP Basic credential. */
    record Operator(String name, String password) {
        String basic() {
            return Admin.basic(name, password);
        }

        Http.Answer get(String path) {
            return Admin.sendAs(basic(), "GET", path, null);
        }

        Http.Answer post(String path, String json) {
            return Admin.sendAs(basic(), "POST", path, json);
        }

        Http.Answer put(String path, String json) {
            return Admin.sendAs(basic(), "PUT", path, json);
        }
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static Operator createOperator(String role) {
        String name = unique("it-" + role + "-");
        Http.Answer a = Admin.postJson("/admin/api/operators", Json.createObjectBuilder().add("name", name)
                .add("role", role).build().toString());
        assertEquals(201, a.status(), a.body());
        JsonObject o = a.json();
        assertEquals(name, o.getString("name"));
        assertEquals(role, o.getString("role"));
        assertTrue(o.getBoolean("enabled"));
        assertTrue(o.getString("password").length() >= 12, "a generated password");
        return new Operator(name, o.getString("password"));
    }

    /** An RA account of the organization made through the admin API, and a CertManager form client as it. */
    record NewRaAccount(String name, SymantecWire wire) {
        static NewRaAccount create(String org) {
            RaAccount.awaitClientCertificateTrust();
            String name = unique("it-ra-");
            Http.Answer a = Admin.postJson("/admin/api/orgs/" + org + "/ra-accounts", "{\"name\":\"" + name + "\"}");
            assertEquals(201, a.status(), a.body());
            JsonObject o = a.json();
            return new NewRaAccount(name, SymantecWire.formWith(RaAccount.tls(Base64.getDecoder().decode(
                    o.getString("p12")), o.getString("password").toCharArray())));
        }

        SymantecWire.Answer enroll() {
            return wire.call("enroll", SymantecParityIT.server());
        }
    }

    static JsonObject credentials(String org) {
        Http.Answer a = Admin.get("/admin/api/orgs/" + org + "/credentials");
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    static JsonObject raAccountIn(JsonObject credentials, String name) {
        for (JsonObject a : credentials.getJsonArray("raAccounts").getValuesAs(JsonObject.class)) {
            if (a.getString("name").equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no RA account " + name + " in " + credentials);
    }

    static long counted(String name) {
        return Admin.stats().getJsonNumber(name).longValue();
    }

    @Test
    void anAuditorReadsEverythingAndChangesNothing() {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        String productKey = device.getString("productKey");
        JsonObject applied = Enos.apply(Enos.byAsset(org, device), Pki.rsaCsr(unique("audited-")), 365, null);
        String certSn = applied.getString("certSN");
        String pendingTx = SymantecWire.form(RaAccount.APPROVE).call("enroll", SymantecParityIT.server())
                .transactionId();
        Operator auditor = createOperator("auditor");

        String o = "/admin/api/orgs/" + org;
        for (String path : List.of(o + "/audit", o + "/certificates", o + "/certificates/" + certSn, o + "/expiring",
                o + "/credentials", o + "/self-enrollments", "/admin/api/stats", "/admin/api/operators",
                "/admin/api/operators/audit")) {
            Http.Answer a = auditor.get(path);
            assertEquals(200, a.status(), path + ": " + a.body());
        }
        String listed = auditor.get(o + "/credentials").body();
        assertTrue(listed.contains(Enos.account(org).getString("appKey")), listed);
        assertFalse(listed.contains(Enos.account(org).getString("appSecret")), "never a secret");

        long ra = counted("raAccounts");
        long creds = counted("credentials");
        long revoked = counted("revokedCertificates");
        String appKey = Enos.account(org).getString("appKey");
        Map<String, String> changes = new java.util.LinkedHashMap<>();
        changes.put(o + "/certificates/" + certSn + "/revoke", "{\"reason\":\"keyCompromise\"}");
        changes.put(o + "/ra-accounts", "{\"name\":\"" + unique("it-never-") + "\"}");
        changes.put(o + "/devices/" + device.getString("assetId") + "/enrollment-secrets", "{}");
        changes.put("/admin/api/orgs/acme/transactions/" + pendingTx + "/approve", null);
        changes.put("/admin/api/orgs/acme/transactions/" + pendingTx + "/reject", null);
        changes.put(o + "/enos-service-accounts", null);
        changes.put(o + "/digicert-keys", null);
        changes.put(o + "/enos-service-accounts/" + appKey + "/rotate", null);
        changes.put(o + "/enos-service-accounts/" + appKey + "/disable", null);
        changes.put(o + "/self-enrollments/1/approve", null);
        changes.put(o + "/domains/example.com/validate", null);
        changes.put("/admin/api/operators", "{\"name\":\"" + unique("it-never-") + "\",\"role\":\"admin\"}");
        changes.put("/admin/api/operators/" + auditor.name() + "/password", null);
        changes.put("/admin/api/operators/admin/disable", null);
        for (Map.Entry<String, String> c : changes.entrySet()) {
            Http.Answer a = auditor.post(c.getKey(), c.getValue());
            assertEquals(403, a.status(), "POST " + c.getKey() + ": " + a.body());
        }
        assertEquals(403, auditor.put(o + "/products/" + productKey + "/enrollment-approval", "{\"required\":true}")
                .status());
        assertEquals(403, auditor.put("/admin/api/operators/" + auditor.name() + "/role", "{\"role\":\"admin\"}")
                .status());
        assertEquals(403, Admin.sendAs(auditor.basic(), "DELETE", o + "/digicert-keys/ABCDEFGHIJKL", null).status());

        // nothing changed
        assertEquals(ra, counted("raAccounts"));
        assertEquals(creds, counted("credentials"));
        assertEquals(revoked, counted("revokedCertificates"));
        assertEquals("valid", Admin.get(o + "/certificates/" + certSn).json().getString("status"));
        assertEquals("pending", SymantecWire.form(RaAccount.APPROVE).call("pickup", Map.of("transaction_id",
                pendingTx)).message());
        assertEquals("auditor", operator(auditor.name()).getString("role"));
        Enos.token(appKey, Enos.account(org).getString("appSecret")); // the secret still works
    }

    @Test
    void anApproverDecidesPendingRequestsButCreatesNothing() {
        Operator approver = createOperator("approver");
        SymantecWire requester = SymantecWire.form(RaAccount.APPROVE);
        String tx = requester.call("enroll", SymantecParityIT.server()).transactionId();
        assertEquals("pending", requester.call("pickup", Map.of("transaction_id", tx)).message());

        Http.Answer approved = approver.post("/admin/api/orgs/acme/transactions/" + tx + "/approve", null);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("issued", approved.json().getString("status"));
        Pki.verifyChain(Pki.cert(requester.call("pickup", Map.of("transaction_id", tx)).certificate()), Pki.root("RSA"));
        String second = requester.call("enroll", SymantecParityIT.server()).transactionId();
        assertEquals("rejected", approver.post("/admin/api/orgs/acme/transactions/" + second + "/reject", null)
                .json().getString("status"));
        String audit = Admin.get("/admin/api/orgs/acme/audit?max=1000").body();
        assertTrue(audit.contains("approved by admin:" + approver.name() + "; requested by ra:" + RaAccount.APPROVE),
                audit);

        assertEquals(200, approver.get("/admin/api/orgs/acme/certificates?limit=1").status(), "reads");
        String org = Enos.newOrg();
        String appKey = Enos.account(org).getString("appKey");
        String o = "/admin/api/orgs/" + org;
        for (String path : List.of(o + "/enos-service-accounts", o + "/digicert-keys", o + "/ra-accounts",
                o + "/enos-service-accounts/" + appKey + "/rotate", o + "/enos-service-accounts/" + appKey + "/disable",
                "/admin/api/operators", "/admin/api/operators/" + approver.name() + "/password")) {
            Http.Answer a = approver.post(path, path.endsWith("/operators") ? "{\"name\":\"" + unique("it-never-")
                    + "\",\"role\":\"admin\"}" : path.endsWith("/ra-accounts") ? "{\"name\":\"" + unique("it-never-")
                    + "\"}" : null);
            assertEquals(403, a.status(), "POST " + path + ": " + a.body());
        }
        JsonObject device = Enos.newDevice(org);
        assertEquals(403, approver.post(o + "/devices/" + device.getString("assetId") + "/enrollment-secrets", "{}")
                .status());
        String sn = Enos.apply(Enos.byAsset(org, device), Pki.rsaCsr(unique("kept-")), 30, null).getString("certSN");
        assertEquals(403, approver.post(o + "/certificates/" + sn + "/revoke", null).status());
        assertEquals("valid", Admin.get(o + "/certificates/" + sn).json().getString("status"));
        assertEquals(1, credentials(org).getJsonArray("enosServiceAccounts").size(), "nothing created");
    }

    static JsonObject operator(String name) {
        Http.Answer a = Admin.get("/admin/api/operators");
        assertEquals(200, a.status(), a.body());
        for (JsonObject o : a.json().getJsonArray("operators").getValuesAs(JsonObject.class)) {
            if (o.getString("name").equals(name)) {
                return o;
            }
        }
        throw new AssertionError("no operator " + name + " in " + a.body());
    }

    @Test
    void operatorsGetRolesNewPasswordsAndAreDisabled() {
        Operator op = createOperator("auditor");
        assertEquals(200, op.get("/admin/api/stats").status(), "signs in");
        assertEquals(409, Admin.postJson("/admin/api/operators", "{\"name\":\"" + op.name() + "\",\"role\":\"auditor\"}")
                .status(), "names are unique");
        assertEquals(400, Admin.postJson("/admin/api/operators", "{\"name\":\"x\",\"role\":\"root\"}").status());
        assertEquals(400, Admin.postJson("/admin/api/operators", "{\"name\":\"a:b\",\"role\":\"auditor\"}").status());
        assertEquals(404, Admin.post("/admin/api/operators/" + unique("nobody-") + "/disable").status());

        // a new password: the old one stops working at once
        Http.Answer rotated = Admin.post("/admin/api/operators/" + op.name() + "/password");
        assertEquals(200, rotated.status(), rotated.body());
        Operator renewed = new Operator(op.name(), rotated.json().getString("password"));
        assertNotEquals(op.password(), renewed.password());
        assertEquals(401, op.get("/admin/api/stats").status(), "the old password");
        assertEquals(200, renewed.get("/admin/api/stats").status(), "the new password");

        // a new role applies to the next request: an approver may decide (here: an unknown transaction, 404)
        String decide = "/admin/api/orgs/acme/transactions/0123456789abcdef0123456789abcdef/approve";
        assertEquals(403, renewed.post(decide, null).status());
        Http.Answer role = Admin.putJson("/admin/api/operators/" + op.name() + "/role", "{\"role\":\"approver\"}");
        assertEquals(200, role.status(), role.body());
        assertEquals("approver", role.json().getString("role"));
        assertEquals(404, renewed.post(decide, null).status(), "past the role check");

        // no single sign-on cookie: a browser would keep sending it after the operator is disabled (LtpaToken2
        // did authenticate a disabled operator), and cross-site requests would carry it
        List<String> cookies = setCookies(renewed);
        assertEquals(List.of(), cookies, "the identity store decides every request");

        // disabled: cannot sign in; listed as disabled; not twice
        Http.Answer disabled = Admin.post("/admin/api/operators/" + op.name() + "/disable");
        assertEquals(200, disabled.status(), disabled.body());
        assertFalse(disabled.json().getBoolean("enabled"));
        assertEquals(401, renewed.get("/admin/api/stats").status(), "a disabled operator cannot sign in");
        assertEquals(401, withCookiesOnly(cookies).status(), "nor with a cookie of an earlier request: " + cookies);
        assertFalse(operator(op.name()).getBoolean("enabled"));
        assertEquals(409, Admin.post("/admin/api/operators/" + op.name() + "/disable").status());

        // every change is in the operators' audit trail, and never the password
        String audit = Admin.get("/admin/api/operators/audit?max=1000").body();
        for (String action : List.of("operator.create", "operator.password", "operator.role", "operator.disable")) {
            assertTrue(audit.contains("\"action\":\"" + action + "\",\"target\":\"operator:" + op.name() + "\""),
                    action + ": " + audit);
        }
        assertFalse(audit.contains(renewed.password()));
        assertEquals(404, Admin.get("/admin/api/orgs/_operators/audit").status(), "no organization by that name");
    }

    static List<String> setCookies(Operator op) {
        try {
            var client = java.net.http.HttpClient.newBuilder().sslContext(RaAccount.tls(null)).build();
            var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(RaAccount.HTTPS
                    + "/admin/api/stats")).header("Authorization", op.basic()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertEquals(200, r.statusCode());
            return r.headers().allValues("Set-Cookie");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Http.Answer withCookiesOnly(List<String> setCookies) {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(RaAccount.HTTPS + "/admin/api/stats")).GET();
        for (String c : setCookies) {
            b.header("Cookie", c.split(";", 2)[0]);
        }
        return Http.send(java.net.http.HttpClient.newBuilder().sslContext(RaAccount.tls(null)).build(), b);
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledNorDemoted() {
        // earlier runs against this database may have left admins of this test: only the bootstrap admin stays
        for (JsonObject o : Admin.get("/admin/api/operators").json().getJsonArray("operators")
                .getValuesAs(JsonObject.class)) {
            if (o.getString("name").startsWith("it-admin-") && o.getBoolean("enabled")
                    && o.getString("role").equals("admin")) {
                assertEquals(200, Admin.post("/admin/api/operators/" + o.getString("name") + "/disable").status());
            }
        }
        assertEquals(409, Admin.putJson("/admin/api/operators/admin/role", "{\"role\":\"auditor\"}").status());
        Http.Answer last = Admin.post("/admin/api/operators/admin/disable");
        assertEquals(409, last.status(), last.body());
        assertEquals("conflict", last.json().getString("error"));

        // with a second admin, one of the two may go (the second one, so the bootstrap admin stays for other tests)
        Operator second = createOperator("admin");
        assertEquals(201, second.post("/admin/api/operators", "{\"name\":\"" + unique("it-auditor-")
                + "\",\"role\":\"auditor\"}").status(), "a second admin manages operators");
        Http.Answer gone = Admin.post("/admin/api/operators/" + second.name() + "/disable");
        assertEquals(200, gone.status(), gone.body());
        assertEquals(401, second.get("/admin/api/operators").status());
        assertEquals(409, Admin.putJson("/admin/api/operators/admin/role", "{\"role\":\"approver\"}").status(),
                "the last one again");
        assertEquals("admin", operator("admin").getString("role"));
        assertTrue(operator("admin").getBoolean("enabled"));
    }

    /**
     * Issue 18, 6: an admin could disable itself, and nobody could enable an operator again. Now no operator disables
     * or demotes itself (409), and a disabled operator is enabled again by another admin.
     */
    @Test
    void noOperatorDisablesItselfAndADisabledOneIsEnabledAgain() {
        Operator second = createOperator("admin");
        Http.Answer self = second.post("/admin/api/operators/" + second.name() + "/disable", null);
        assertEquals(409, self.status(), self.body());
        assertEquals("conflict", self.json().getString("error"));
        Http.Answer demote = second.put("/admin/api/operators/" + second.name() + "/role", "{\"role\":\"auditor\"}");
        assertEquals(409, demote.status(), demote.body());
        assertEquals(200, second.get("/admin/api/operators").status(), "still an enabled admin");

        assertEquals(200, Admin.post("/admin/api/operators/" + second.name() + "/disable").status());
        assertEquals(401, second.get("/admin/api/operators").status());
        Http.Answer enabled = Admin.post("/admin/api/operators/" + second.name() + "/enable");
        assertEquals(200, enabled.status(), enabled.body());
        assertTrue(enabled.json().getBoolean("enabled"));
        assertEquals(200, second.get("/admin/api/operators").status(), "signs in again, same password and role");
        assertEquals(409, Admin.post("/admin/api/operators/" + second.name() + "/enable").status(), "enabled already");
        assertEquals(404, Admin.post("/admin/api/operators/" + unique("nobody-") + "/enable").status());
        assertEquals(200, Admin.post("/admin/api/operators/" + second.name() + "/disable").status(), "tidy up");
    }

    /**
     * Issue 18, 6: a name that is no operator's was refused in about half the time of a wrong password (user
     * enumeration by timing). Now both cost one password check: their median times are close.
     */
    @Test
    void aWrongNameTakesAsLongAsAWrongPassword() {
        Operator known = createOperator("auditor");
        List<Long> unknown = new java.util.ArrayList<>();
        List<Long> wrong = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) { // interleaved, so that the machine's load touches both alike
            unknown.add(timed(Admin.basic(unique("nobody-"), "not-the-password")));
            wrong.add(timed(Admin.basic(known.name(), "not-the-password")));
        }
        long u = median(unknown);
        long w = median(wrong);
        assertTrue(u * 4 >= w * 3 && w * 4 >= u * 3, "medians of a wrong name " + u + " µs and of a wrong password "
                + w + " µs differ by more than a quarter: " + unknown + " " + wrong);
    }

    private static long timed(String authorization) {
        long start = System.nanoTime();
        Http.Answer a = Admin.getAs(authorization, "/admin/api/stats");
        long micros = (System.nanoTime() - start) / 1000;
        assertEquals(401, a.status());
        return micros;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void aRotatedEnosSecretReplacesTheOldOneAndItsTokens() {
        String org = Enos.newOrg();
        String appKey = Enos.account(org).getString("appKey");
        String oldSecret = Enos.account(org).getString("appSecret");
        String oldToken = Enos.token(appKey, oldSecret);
        String list = "/connect-service/v2.0/certificates?action=list&orgId=" + org + "&assetId=nothing";
        assertEquals(11404, Http.get(list, Map.of("Authorization", "Bearer " + oldToken)).json().getInt("code"),
                "the token works before");

        Http.Answer rotated = Admin.post("/admin/api/orgs/" + org + "/enos-service-accounts/" + appKey + "/rotate");
        assertEquals(200, rotated.status(), rotated.body());
        assertEquals(appKey, rotated.json().getString("appKey"));
        String newSecret = rotated.json().getString("appSecret");
        assertNotEquals(oldSecret, newSecret);

        assertEquals(1003, tokenService(appKey, oldSecret).getInt("status"), "the old secret gets no token");
        Http.Answer revoked = Http.get(list, Map.of("Authorization", "Bearer " + oldToken));
        assertEquals(401, revoked.status(), "tokens of the old secret are revoked");
        assertEquals(1203, revoked.json().getInt("code"));
        String newToken = Enos.token(appKey, newSecret);
        assertEquals(11404, Http.get(list, Map.of("Authorization", "Bearer " + newToken)).json().getInt("code"));

        // disabled: no token, and the new token stops working too
        assertEquals(200, Admin.post("/admin/api/orgs/" + org + "/enos-service-accounts/" + appKey + "/disable")
                .status());
        assertEquals(1002, tokenService(appKey, newSecret).getInt("status"));
        assertEquals(401, Http.get(list, Map.of("Authorization", "Bearer " + newToken)).status());
        assertEquals(409, Admin.post("/admin/api/orgs/" + org + "/enos-service-accounts/" + appKey + "/rotate")
                .status(), "a disabled account is not rotated");
        JsonObject listed = credentials(org).getJsonArray("enosServiceAccounts").getJsonObject(0);
        assertEquals(appKey, listed.getString("appKey"));
        assertFalse(listed.getBoolean("enabled"));
        assertFalse(listed.containsKey("appSecret"));
        // another organization's account is unknown here
        assertEquals(404, Admin.post("/admin/api/orgs/" + Enos.newOrg() + "/enos-service-accounts/" + appKey
                + "/disable").status());
        String audit = Admin.get("/admin/api/orgs/" + org + "/audit").body();
        assertTrue(audit.contains("\"action\":\"credential.rotate\",\"target\":\"enos-app:" + appKey + "\""), audit);
        assertTrue(audit.contains("\"action\":\"credential.disable\",\"target\":\"enos-app:" + appKey + "\""), audit);
        assertFalse(audit.contains(newSecret));
    }

    static JsonObject tokenService(String appKey, String secret) {
        String ts = String.valueOf(System.currentTimeMillis());
        return Http.post("/apim-token-service/v2.0/token/get", Json.createObjectBuilder().add("appKey", appKey)
                .add("encryption", Enos.sha256(appKey + ts + secret)).add("timestamp", Long.parseLong(ts)).build()
                .toString()).json();
    }

    @Test
    void aRotatedDigiCertKeyReplacesTheOldOne() {
        String org = DigiCert.newOrg();
        Http.Answer made = Admin.post("/admin/api/orgs/" + org + "/digicert-keys");
        assertEquals(201, made.status(), made.body());
        String oldKey = made.json().getString("key");
        new DigiCertClient(oldKey).products().expect(200);
        String oldId = oldKey.substring(0, 12);

        Http.Answer rotated = Admin.post("/admin/api/orgs/" + org + "/digicert-keys/" + oldId + "/rotate");
        assertEquals(200, rotated.status(), rotated.body());
        String newKey = rotated.json().getString("key");
        assertEquals(oldId, rotated.json().getString("replaced"));
        new DigiCertClient(oldKey).products().expectError(401, 403);
        new DigiCertClient(newKey).products().expect(200);
        JsonArray keys = credentials(org).getJsonArray("digicertKeys");
        assertEquals(2, keys.size(), keys.toString());
        for (JsonObject k : keys.getValuesAs(JsonObject.class)) {
            assertEquals(!k.getString("keyId").equals(oldId), k.getBoolean("enabled"), k.toString());
        }
        assertFalse(keys.toString().contains(newKey), "never a key");
    }

    @Test
    void aDisabledRaAccountCannotEnrollAndItsCertificateIsRevoked() {
        String org = Enos.newOrg();
        NewRaAccount ra = NewRaAccount.create(org);
        assertEquals("0x00", ra.enroll().statusCode(), "enrolls while enabled");
        JsonObject listed = raAccountIn(credentials(org), ra.name());
        assertTrue(listed.getBoolean("enabled"));
        JsonObject cert = listed.getJsonObject("certificate");
        assertEquals("valid", cert.getString("status"));

        Http.Answer disabled = Admin.post("/admin/api/orgs/" + org + "/ra-accounts/" + ra.name() + "/disable");
        assertEquals(200, disabled.status(), disabled.body());
        assertFalse(disabled.json().getBoolean("enabled"));
        SymantecWire.Answer refused = ra.enroll();
        assertEquals("0x10", refused.statusCode(), refused.message());
        assertEquals(403, refused.httpStatus());
        JsonObject details = Admin.get("/admin/api/orgs/" + org + "/certificates/" + cert.getJsonNumber("certSn"))
                .json();
        assertEquals("revoked", details.getString("status"));
        assertEquals("privilegeWithdrawn", details.getString("revocationReason"));
        assertEquals(409, Admin.post("/admin/api/orgs/" + org + "/ra-accounts/" + ra.name() + "/disable").status());
        assertEquals(404, Admin.post("/admin/api/orgs/" + Enos.newOrg() + "/ra-accounts/" + ra.name() + "/disable")
                .status(), "another organization's account");
        String audit = Admin.get("/admin/api/orgs/" + org + "/audit").body();
        assertTrue(audit.contains("\"action\":\"credential.disable\",\"target\":\"ra-account:" + ra.name() + "\""),
                audit);
        assertTrue(audit.contains("\"action\":\"certificate.revoke\""), audit);
    }

    @Test
    void anRaAccountWhoseClientCertificateIsRevokedCannotEnroll() {
        String org = Enos.newOrg();
        NewRaAccount ra = NewRaAccount.create(org);
        assertEquals("0x00", ra.enroll().statusCode());
        JsonObject listed = raAccountIn(credentials(org), ra.name());
        long certSn = listed.getJsonObject("certificate").getJsonNumber("certSn").longValue();

        Http.Answer revoked = Admin.postJson("/admin/api/orgs/" + org + "/certificates/" + certSn + "/revoke",
                "{\"reason\":\"keyCompromise\"}");
        assertEquals(200, revoked.status(), revoked.body());
        SymantecWire.Answer refused = ra.enroll();
        assertEquals("0x10", refused.statusCode(), refused.message());
        assertEquals("0x10", ra.wire().call("pickup", Map.of("transaction_id", "0123456789abcdef0123456789abcdef"))
                .statusCode(), "every operation");
        JsonObject after = raAccountIn(credentials(org), ra.name());
        assertTrue(after.getBoolean("enabled"), "the account is still enabled: its certificate is what ended");
        assertEquals("revoked", after.getJsonObject("certificate").getString("status"));
    }
}
