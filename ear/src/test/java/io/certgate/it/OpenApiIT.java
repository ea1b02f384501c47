package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes what the server really answers: real requests to the EnOS, DigiCert and admin APIs
 * (successes and one refusal of each), and each answer checked field by field against the schema the document gives
 * for that operation and status ({@link OpenApiDocument}). A field added to an answer but not to its schema fails here.
 */
class OpenApiIT {

    /** The paths of the facades whose every operation must document its answers. */
    private static final List<String> DOCUMENTED = List.of("/connect-service/", "/apim-token-service/",
            "/services/v2/", "/admin/api/");

    private static OpenApiDocument doc;

    @BeforeAll
    static void document() {
        RaAccount.awaitClientCertificateTrust();
        Http.Answer a = Http.get("/openapi?format=JSON");
        assertEquals(200, a.status(), a.body());
        doc = new OpenApiDocument(a.json());
    }

    /** Asserts the answer is as the document says for that operation and its status; returns its JSON. */
    private static JsonValue conforms(String method, String pathTemplate, int status, String body) {
        JsonValue answer;
        try (var r = Json.createReader(new java.io.StringReader(body))) {
            answer = r.readValue();
        }
        List<String> wrong = doc.violations(method, pathTemplate, status, answer);
        assertTrue(wrong.isEmpty(), method.toUpperCase() + " " + pathTemplate + " HTTP " + status
                + " differs from its documented schema:\n  " + String.join("\n  ", wrong) + "\nanswer: " + body);
        return answer;
    }

    private static JsonObject conforms(String method, String pathTemplate, Http.Answer a) {
        return conforms(method, pathTemplate, a.status(), a.body()).asJsonObject();
    }

    private static JsonObject conforms(String method, String pathTemplate, DigiCertClient.Reply r) {
        return conforms(method, pathTemplate, r.status(), r.text()).asJsonObject();
    }

    @Test
    void theDocumentAndItsUiAreServed() {
        Http.Answer yaml = Http.get("/openapi");
        assertEquals(200, yaml.status());
        assertTrue(yaml.body().contains("openapi: 3."), "YAML by default");
        Http.Answer ui = Http.get("/openapi/ui/");
        assertEquals(200, ui.status());
        assertTrue(ui.body().toLowerCase().contains("<html"), "the UI page");
        JsonObject schemes = Http.get("/openapi?format=JSON").json().getJsonObject("components")
                .getJsonObject("securitySchemes");
        assertEquals("bearer", schemes.getJsonObject("enosBearer").getString("scheme"));
        assertEquals("apim-signature", schemes.getJsonObject("enosApimSignature").getString("name"));
        assertEquals("X-DC-DEVKEY", schemes.getJsonObject("digicertDevKey").getString("name"));
        assertEquals("basic", schemes.getJsonObject("adminBasic").getString("scheme"));
    }

    /**
     * Every EnOS, DigiCert and admin operation documents a summary, its parameters, its answer's schema, and (but the
     * token service, which refuses with HTTP 200 and needs no credential) its error answers and credential.
     */
    @Test
    void everyOperationOfTheRestApisDocumentsItsAnswerAndCredential() {
        List<String> undocumented = new ArrayList<>();
        for (var path : doc.paths().entrySet()) {
            if (DOCUMENTED.stream().noneMatch(path.getKey()::startsWith)) {
                continue;
            }
            for (var op : path.getValue().asJsonObject().entrySet()) {
                if (!Set.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonObject o = op.getValue().asJsonObject();
                JsonObject responses = o.getJsonObject("responses");
                boolean answers = responses != null && responses.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("2"))
                        .anyMatch(e -> e.getKey().equals("204") || doc.resolve(e.getValue().asJsonObject())
                                .containsKey("content"));
                if (!answers) {
                    undocumented.add(name + ": no documented success answer");
                }
                boolean tokenService = path.getKey().startsWith("/apim-token-service/"); // refuses with HTTP 200
                if (!tokenService && responses != null
                        && responses.keySet().stream().noneMatch(k -> k.startsWith("4"))) {
                    undocumented.add(name + ": no documented error answer");
                }
                if (!tokenService && !o.containsKey("security")) {
                    undocumented.add(name + ": no security requirement");
                }
                if (!o.containsKey("summary")) {
                    undocumented.add(name + ": no summary");
                }
                for (JsonValue p : o.getOrDefault("parameters", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
                    if (!p.asJsonObject().containsKey("description")) {
                        undocumented.add(name + ": parameter " + p.asJsonObject().getString("name") + " undescribed");
                    }
                }
            }
        }
        assertTrue(undocumented.isEmpty(), String.join("\n", undocumented));
    }

    /** The checker itself: an undocumented field, a missing required one and a wrong type are each found. */
    @Test
    void theCheckFindsAnUndocumentedFieldAMissingRequiredOneAndAWrongType() {
        String org = Enos.newOrg();
        JsonObject real = conforms("get", "/admin/api/orgs/{orgId}/credentials",
                Admin.get("/admin/api/orgs/" + org + "/credentials"));
        String path = "/admin/api/orgs/{orgId}/credentials";
        assertFalse(doc.violations("get", path, 200, Json.createObjectBuilder(real).add("surprise", 1).build())
                .isEmpty(), "an undocumented field is found");
        assertFalse(doc.violations("get", path, 200, Json.createObjectBuilder(real).remove("orgId").build())
                .isEmpty(), "a missing required field is found");
        JsonObject account = real.getJsonArray("enosServiceAccounts").getJsonObject(0);
        JsonObject nested = Json.createObjectBuilder(real).add("enosServiceAccounts", Json.createArrayBuilder()
                .add(Json.createObjectBuilder(account).add("appSecret", "leaked"))).build();
        assertFalse(doc.violations("get", path, 200, nested).isEmpty(), "an undocumented field in an array item");
        assertFalse(doc.violations("get", path, 200, Json.createObjectBuilder(real).add("orgId", 7).build())
                .isEmpty(), "a wrong type is found");
    }

    @Test
    void enosAnswersAreAsDocumented() {
        String org = Enos.newOrg();
        JsonObject account = Enos.account(org);
        String appKey = account.getString("appKey");
        String ts = String.valueOf(System.currentTimeMillis());
        String tokenPath = "/apim-token-service/v2.0/token/get";
        JsonObject granted = conforms("post", tokenPath, Http.post(tokenPath, Json.createObjectBuilder()
                .add("appKey", appKey).add("encryption", Enos.sha256(appKey + ts + account.getString("appSecret")))
                .add("timestamp", Long.parseLong(ts)).build().toString()));
        assertEquals(0, granted.getInt("status"));
        JsonObject refused = conforms("post", tokenPath, Http.post(tokenPath, Json.createObjectBuilder()
                .add("appKey", "no-such-app").add("encryption", "00").add("timestamp", Long.parseLong(ts)).build()
                .toString()));
        assertEquals(1002, refused.getInt("status"));

        String products = "/connect-service/v2.1/products";
        Http.Answer created = Enos.post(org, products + "?action=create&orgId=" + org, Json.createObjectBuilder()
                .add("productName", Json.createObjectBuilder().add("defaultValue", "openapi meter"))
                .add("productType", "Device").add("biDirectionalAuth", true).build().toString());
        String productKey = conforms("post", products, created).getString("data");
        conforms("get", products, Enos.get(org, products + "?action=get&orgId=" + org + "&productKey=" + productKey));
        conforms("post", products, Enos.post(org, products + "?action=get&orgId=" + org,
                Json.createObjectBuilder().add("productKey", productKey).build().toString()));

        String devices = "/connect-service/v2.1/devices";
        JsonObject device = conforms("post", devices, Enos.post(org, devices + "?action=create&orgId=" + org,
                Json.createObjectBuilder().add("productKey", productKey).add("deviceKey", "openapi-001")
                        .add("deviceName", Json.createObjectBuilder().add("defaultValue", "Meter 1")).build()
                        .toString())).getJsonObject("data");
        String identity = Enos.byAsset(org, device);
        conforms("get", devices, Enos.get(org, devices + "?action=get&" + identity));

        String certificates = "/connect-service/v2.0/certificates";
        JsonObject applied = conforms("post", certificates, Enos.cert("apply", identity, Json.createObjectBuilder()
                .add("csr", Pki.rsaCsr("openapi-001")).add("validDay", 365).build())).getJsonObject("data");
        String certSn = applied.getString("certSn");
        conforms("post", certificates + "/{action}", Enos.post(org, certificates + "/apply",
                Json.createObjectBuilder().add("orgId", org).add("device", Json.createObjectBuilder()
                        .add("assetId", device.getString("assetId"))).add("csr", Pki.ecCsr("openapi-001-ec"))
                        .add("issueAuthority", "ECC").build().toString()));
        conforms("post", certificates, Enos.cert("renew", identity, Json.createObjectBuilder()
                .add("certSn", Long.parseLong(certSn)).build()));
        conforms("post", certificates, Enos.cert("revoke", identity, Json.createObjectBuilder()
                .add("certSn", Long.parseLong(certSn)).add("reason", 1).build()));
        JsonObject list = conforms("get", certificates, Enos.get(org, certificates + "?action=list&" + identity));
        assertEquals(3, list.getJsonArray("data").size(), "applied, renewed, applied over the SDK form");
        assertTrue(list.getJsonArray("data").stream().anyMatch(c -> c.asJsonObject().containsKey("revokeDate")),
                "a revoked certificate with its revocation fields: " + list);
        conforms("post", certificates, Enos.cert("list", identity, JsonValue.EMPTY_JSON_OBJECT));

        // refusals: an EnOS error (HTTP 200) and an authentication refusal (HTTP 401)
        JsonObject unknown = conforms("post", certificates, Enos.post(org, certificates + "?action=list&orgId=" + org
                + "&assetId=nosuchasset", "{}"));
        assertEquals(11404, unknown.getInt("code"));
        Http.Answer unauthenticated = Http.post(certificates + "?action=list&" + identity, "{}");
        assertEquals(401, unauthenticated.status());
        assertEquals(1202, conforms("post", certificates, unauthenticated).getInt("code"));
    }

    @Test
    void digiCertAnswersAreAsDocumented() {
        String org = DigiCert.newOrg();
        DigiCertClient client = DigiCert.newKey(org);
        DigiCert.Issued issued = DigiCert.issuePrivate(client, "openapi.internal.example", List.of(), null, null);
        conforms("post", "/services/v2/order/certificate/{product}", 201, issued.answer().toString());
        conforms("get", "/services/v2/order/certificate/{orderId}", client.orderInfo(issued.orderId()));
        conforms("get", "/services/v2/order/certificate", client.listOrders(Map.of(), 0, 10));
        conforms("get", "/services/v2/certificate/{certificateId}/chain", client.chain(issued.certificateId()));
        conforms("get", "/services/v2/request", client.listRequests(null));
        conforms("get", "/services/v2/product", client.products());
        conforms("get", "/services/v2/organization", client.organizations());

        JsonObject pending = conforms("post", "/services/v2/order/certificate/{product}", client.order(
                "private_ssl_plus", DigiCert.order(DigiCert.certificate("waiting.internal.example", null,
                        Pki.rsaCsr("waiting.internal.example"), "sha256"), false).build()));
        long requestId = DigiCert.intId(pending.getJsonArray("requests").getJsonObject(0), "id");
        conforms("get", "/services/v2/request/{requestId}", client.request(requestId));
        conforms("get", "/services/v2/product/{nameId}", client.send("GET", "/product/ssl_plus", null));
        conforms("get", "/services/v2/product/{nameId}", client.send("GET", "/product/no_such_product", null));
        conforms("get", "/services/v2/order/certificate/status-changes", client.send("GET",
                "/order/certificate/status-changes" + DigiCertClient.query(Map.of("filters[status_last_updated]",
                        DigiCert.todayUtc().minusDays(1) + "..." + DigiCert.todayUtc().plusDays(1))), null));
        conforms("get", "/services/v2/order/certificate/status-changes", client.send("GET",
                "/order/certificate/status-changes", null));
        DigiCertClient manager = DigiCert.newKey(org, "manager", null);
        manager.reissue(issued.orderId(), Json.createObjectBuilder().add("certificate", DigiCert.certificate(
                "openapi.internal.example", null, Pki.rsaCsr("openapi.internal.example"), "sha256")).build())
                .expect(201);
        conforms("get", "/services/v2/order/certificate/{orderId}/reissue", client.listReissues(issued.orderId()));
        conforms("put", "/services/v2/order/certificate/{orderId}/status", client.send("PUT",
                "/order/certificate/" + issued.orderId() + "/status", Json.createObjectBuilder().add("status", "x")
                        .build()));
        assertEquals(204, client.send("PUT", "/order/certificate/" + issued.orderId() + "/status",
                Json.createObjectBuilder().add("status", "canceled").build()).status());
        conforms("get", "/services/v2/order/certificate/{orderId}/reissue", client.listReissues(issued.orderId()));
        conforms("put", "/services/v2/order/certificate/{orderId}/revoke", client.revokeOrder(issued.orderId(),
                Json.createObjectBuilder().add("reason", "superseded").build()));

        DigiCertClient.Reply missing = client.orderInfo(999_999_999L);
        assertEquals(404, missing.status());
        conforms("get", "/services/v2/order/certificate/{orderId}", missing);
        DigiCertClient.Reply noKey = new DigiCertClient(null).orderInfo(issued.orderId());
        assertEquals(401, noKey.status());
        conforms("get", "/services/v2/order/certificate/{orderId}", noKey);
    }

    @Test
    void adminAnswersAreAsDocumented() {
        String org = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        Enos.apply(Enos.byAsset(org, device), Pki.rsaCsr("openapi-admin"), null, null);
        String base = "/admin/api/orgs/" + org;

        JsonObject page = conforms("get", "/admin/api/orgs/{orgId}/certificates", Admin.get(base + "/certificates"));
        assertEquals(1, page.getJsonArray("certificates").size(), page.toString());
        long certSn = page.getJsonArray("certificates").getJsonObject(0).getJsonNumber("certSn").longValue();
        conforms("get", "/admin/api/orgs/{orgId}/certificates/{certSn}", Admin.get(base + "/certificates/" + certSn));
        conforms("post", "/admin/api/orgs/{orgId}/certificates/{certSn}/revoke", Admin.postJson(base
                + "/certificates/" + certSn + "/revoke", "{\"reason\":\"keyCompromise\"}"));
        conforms("get", "/admin/api/orgs/{orgId}/expiring", Admin.get(base + "/expiring?days=400"));
        conforms("post", "/admin/api/orgs/{orgId}/digicert-keys", Admin.postJson(base + "/digicert-keys",
                "{\"role\":\"manager\",\"user\":\"openapi\"}"));
        conforms("put", "/admin/api/orgs/{orgId}/digicert-policy", Admin.putJson(base + "/digicert-policy",
                "{\"secondApprover\":true}"));
        conforms("put", "/admin/api/orgs/{orgId}/digicert-policy", Admin.putJson(base + "/digicert-policy",
                "{\"secondApprover\":\"yes\"}"));
        conforms("get", "/admin/api/orgs/{orgId}/credentials", Admin.get(base + "/credentials"));
        Http.Answer audit = Admin.get(base + "/audit?max=5");
        assertFalse(conforms("get", "/admin/api/orgs/{orgId}/audit", audit.status(), audit.body()).asJsonArray()
                .isEmpty(), "the revocation is in the audit trail");
        conforms("get", "/admin/api/operators", Admin.get("/admin/api/operators"));
        conforms("get", "/admin/api/stats", Admin.get("/admin/api/stats"));

        Http.Answer again = Admin.postJson(base + "/certificates/" + certSn + "/revoke", "{}");
        assertEquals(409, again.status(), again.body());
        conforms("post", "/admin/api/orgs/{orgId}/certificates/{certSn}/revoke", again);
        Http.Answer unknown = Admin.get(base + "/certificates/999999999");
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("not_found", conforms("get", "/admin/api/orgs/{orgId}/certificates/{certSn}", unknown)
                .getString("error"));
        Http.Answer bad = Admin.get(base + "/certificates?status=sleeping");
        assertEquals(400, bad.status(), bad.body());
        conforms("get", "/admin/api/orgs/{orgId}/certificates", bad);
    }
}
