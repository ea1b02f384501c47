package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

/**
 * The admin API's reads of what the console shows, against the running server: an organization gets a product and
 * a device through the admin API, a product through EnOS, a certificate through EnOS apply, a CertManager
 * enrollment that waits for approval and a DigiCert order that waits for approval; the summary moves by exactly
 * those, the lists show them with their real values, the audit filter finds exactly the records it names, and the
 * CAs match the roots and CRLs the public endpoints serve. An auditor reads all of it and creates nothing (403);
 * another organization's product answers 404.
 */
class AdminReadsIT {

    static String o(String org) {
        return "/admin/api/orgs/" + org;
    }

    private static OpenApiDocument document;

    /** The answer, which must be 200. */
    static JsonObject ok(Http.Answer a) {
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    /** Asserts the answer is as /openapi documents it for that operation and status (OpenApiDocument's check). */
    static Http.Answer conforms(String method, String pathTemplate, Http.Answer a) {
        if (document == null) {
            document = new OpenApiDocument(ok(Http.get("/openapi?format=JSON")));
        }
        JsonValue answer;
        try (var r = Json.createReader(new StringReader(a.body()))) {
            answer = r.readValue();
        }
        List<String> wrong = document.violations(method, pathTemplate, a.status(), answer);
        assertTrue(wrong.isEmpty(), method.toUpperCase() + " " + pathTemplate + " HTTP " + a.status()
                + " differs from its documented schema:\n  " + String.join("\n  ", wrong) + "\nanswer: " + a.body());
        return a;
    }

    static JsonObject read(String pathTemplate, String path) {
        return ok(conforms("get", pathTemplate, Admin.get(path)));
    }

    static long n(JsonObject o, String name) {
        return o.getJsonNumber(name).longValue();
    }

    static void refused(Http.Answer a, int status, String error) {
        assertEquals(status, a.status(), a.body());
        assertEquals(error, a.json().getString("error"), a.body());
        assertFalse(a.body().contains("Exception"), a.body());
    }

    /** The pending CertManager enrollment of a fresh RA account that needs approval: {account, transactionId, cn}. */
    record PendingEnrollment(String account, String transactionId, String cn) {
        static PendingEnrollment submit(String org) {
            RaAccount.awaitClientCertificateTrust();
            String name = "it-reads-" + UUID.randomUUID().toString().substring(0, 8);
            Http.Answer a = Admin.postJson(o(org) + "/ra-accounts",
                    "{\"name\":\"" + name + "\",\"requireApproval\":true}");
            assertEquals(201, a.status(), a.body());
            byte[] p12 = Base64.getDecoder().decode(a.json().getString("p12"));
            SymantecWire wire = SymantecWire.formWith(RaAccount.tls(p12, a.json().getString("password").toCharArray()));
            String cn = SymantecParityIT.host();
            SymantecWire.Answer enrolled = wire.call("enroll", SymantecParityIT.enroll("Server", Pki.rsaCsr(cn)));
            assertEquals("0x00", enrolled.statusCode(), enrolled.message());
            assertEquals("pending", enrolled.message());
            return new PendingEnrollment(name, enrolled.transactionId(), cn);
        }
    }

    @Test
    void everythingTheConsoleShowsOfAnOrganizationReadsBackWithRealValues() {
        String org = Enos.newOrg();
        JsonObject before = ok(Admin.get(o(org) + "/summary"));
        assertEquals(org, before.getString("orgId"));
        assertEquals(0, n(before, "products"));
        assertEquals(1, n(before, "credentials"), "the EnOS service account newOrg made");

        // a product and a device through the admin API, a product through EnOS, a certificate through EnOS apply
        Http.Answer p = Admin.postJson(o(org) + "/products", Json.createObjectBuilder().add("name", "Smart meter")
                .add("description", "made by AdminReadsIT").add("biDirectionalAuth", true).add("defaultValidDay", 100)
                .add("maxValidDay", 400).build().toString());
        assertEquals(201, p.status(), p.body());
        JsonObject product = conforms("post", "/admin/api/orgs/{orgId}/products", p).json();
        String productKey = product.getString("productKey");
        assertEquals("Smart meter", product.getString("name"));
        assertEquals("Device", product.getString("productType"), "the default type");
        assertTrue(product.getBoolean("biDirectionalAuth"));
        assertEquals(400, product.getInt("maxValidDay"));
        assertEquals(100, product.getInt("defaultValidDay"));
        assertFalse(product.getBoolean("enrollmentApproval"));
        Http.Answer d = Admin.postJson(o(org) + "/products/" + productKey + "/devices",
                "{\"name\":\"Meter 1\",\"deviceKey\":\"meter-001\",\"timezone\":\"+08:00\"}");
        assertEquals(201, d.status(), d.body());
        JsonObject device = conforms("post", "/admin/api/orgs/{orgId}/products/{productKey}/devices", d).json();
        assertEquals(productKey, device.getString("productKey"));
        assertEquals("meter-001", device.getString("deviceKey"));
        assertEquals("+08:00", device.getString("timezone"));
        String secret = device.getString("deviceSecret");
        assertTrue(secret.length() >= 16, "a device secret: " + secret.length());
        refused(Admin.postJson(o(org) + "/products/" + productKey + "/devices", "{\"name\":\"again\",\"deviceKey\":"
                + "\"meter-001\"}"), 409, "conflict");
        refused(Admin.postJson(o(org) + "/products", "{\"maxValidDay\":10}"), 400, "invalid_request");
        String enosProduct = Enos.createProduct(org, false, null);
        JsonObject applied = Enos.apply(Enos.byAsset(org, device), Pki.rsaCsr("reads-" + device.getString("assetId")),
                90, "RSA");
        // a CertManager enrollment and a DigiCert order, both waiting for an approver
        PendingEnrollment pending = PendingEnrollment.submit(org);
        DigiCertClient dc = DigiCert.newKey(org);
        String dcName = "reads-" + DigiCert.hex(4) + ".internal.test";
        JsonObject order = dc.order("private_ssl_plus", DigiCert.order(DigiCert.certificate(dcName, List.of(dcName),
                Pki.rsaCsr(dcName), "sha256"), false).build()).expect(201);
        long requestId = DigiCert.intId(order.getJsonArray("requests").getJsonObject(0), "id");

        // the summary moved by exactly what was made
        JsonObject after = read("/admin/api/orgs/{orgId}/summary", o(org) + "/summary");
        assertEquals(2, n(after, "products") - n(before, "products"));
        assertEquals(1, n(after, "devices") - n(before, "devices"));
        assertEquals(2, n(after, "certificates") - n(before, "certificates"), "the EnOS one and the RA account's");
        assertEquals(0, n(after, "revokedCertificates"));
        assertEquals(1, n(after, "raAccounts") - n(before, "raAccounts"));
        assertEquals(1, n(after, "credentials") - n(before, "credentials"), "the DigiCert key");
        assertEquals(1, n(after, "pendingTransactions"));
        assertEquals(1, n(after, "pendingDigiCertRequests"));
        assertEquals(0, n(after, "pendingSelfEnrollments"));
        assertEquals(n(after, "auditRecords"), n(ok(Admin.get(o(org) + "/audit?limit=1")), "total"),
                "the summary counts the records the audit trail lists");

        // products newest first, paged; devices of the organization and of the product, never with a secret
        JsonObject products = read("/admin/api/orgs/{orgId}/products", o(org) + "/products");
        assertEquals(2, products.getInt("total"));
        assertEquals(0, products.getInt("offset"));
        assertEquals(50, products.getInt("limit"));
        assertEquals(List.of(enosProduct, productKey), keys(products.getJsonArray("products"), "productKey"));
        JsonObject second = ok(Admin.get(o(org) + "/products?offset=1&limit=1"));
        assertEquals(2, second.getInt("total"));
        assertEquals(List.of(productKey), keys(second.getJsonArray("products"), "productKey"));
        JsonObject again = second.getJsonArray("products").getJsonObject(0);
        for (String member : List.of("name", "description", "productType", "dataFormat")) {
            assertEquals(product.get(member), again.get(member), member);
        }
        assertEquals(product.getInt("maxValidDay"), again.getInt("maxValidDay"));
        refused(Admin.get(o(org) + "/products?limit=501"), 400, "invalid_request");
        JsonObject devices = read("/admin/api/orgs/{orgId}/products/{productKey}/devices",
                o(org) + "/products/" + productKey + "/devices");
        assertEquals(1, devices.getInt("total"));
        JsonObject listed = devices.getJsonArray("devices").getJsonObject(0);
        assertEquals(device.getString("assetId"), listed.getString("assetId"));
        assertEquals("Meter 1", listed.getString("name"));
        assertFalse(listed.containsKey("deviceSecret"));
        assertEquals(0, ok(Admin.get(o(org) + "/products/" + enosProduct + "/devices")).getInt("total"));
        assertEquals(devices.getJsonArray("devices"), read("/admin/api/orgs/{orgId}/devices", o(org) + "/devices")
                .getJsonArray("devices"));
        assertFalse(Admin.get(o(org) + "/devices").body().contains(secret), "the secret is shown once");
        // the certificate applied for is the device's (the certificate API agrees)
        JsonObject certs = ok(Admin.get(o(org) + "/certificates?device=" + device.getString("assetId")));
        assertEquals(applied.getString("certSN"), String.valueOf(n(certs.getJsonArray("certificates")
                .getJsonObject(0), "certSn")));

        // what waits for an approver
        JsonObject transactions = read("/admin/api/orgs/{orgId}/transactions", o(org) + "/transactions?status=pending");
        assertEquals(1, transactions.getInt("total"));
        JsonObject tx = transactions.getJsonArray("transactions").getJsonObject(0);
        assertEquals(pending.transactionId(), tx.getString("transactionId"));
        assertEquals(pending.account(), tx.getString("accountName"));
        assertEquals("enroll", tx.getString("kind"));
        assertEquals("Server", tx.getString("certProductType"));
        assertTrue(tx.getString("subject").contains("CN=" + pending.cn()), tx.toString());
        assertEquals("john@example.com", tx.getString("email"));
        assertEquals(transactions, ok(Admin.get(o(org) + "/transactions")), "pending is the default");
        refused(conforms("get", "/admin/api/orgs/{orgId}/transactions", Admin.get(o(org)
                + "/transactions?status=issued")), 400, "invalid_request");
        JsonObject requests = read("/admin/api/orgs/{orgId}/digicert-requests",
                o(org) + "/digicert-requests?status=pending");
        assertEquals(1, requests.getInt("total"));
        JsonObject r = requests.getJsonArray("requests").getJsonObject(0);
        assertEquals(requestId, n(r, "requestId"));
        assertEquals(DigiCert.intId(order, "id"), n(r, "orderId"));
        assertEquals("new_request", r.getString("type"));
        assertEquals("pending", r.getString("status"));
        assertEquals(dcName, r.getString("commonName"));
        assertEquals(List.of(dcName), r.getJsonArray("dnsNames").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertTrue(r.getString("requestedBy").startsWith("digicert:"), r.toString());
        assertTrue(r.getString("subject").contains("CN=" + dcName), r.toString());

        // decided through the existing endpoints, they leave the lists
        assertEquals(200, Admin.post(o(org) + "/transactions/" + pending.transactionId() + "/reject").status());
        assertEquals(200, Admin.post(o(org) + "/digicert-requests/" + requestId + "/reject").status());
        assertEquals(0, ok(Admin.get(o(org) + "/transactions")).getInt("total"));
        assertEquals(0, ok(Admin.get(o(org) + "/digicert-requests")).getInt("total"));
        JsonObject decided = ok(Admin.get(o(org) + "/summary"));
        assertEquals(0, n(decided, "pendingTransactions"));
        assertEquals(0, n(decided, "pendingDigiCertRequests"));
    }

    static List<String> keys(JsonArray a, String member) {
        return a.getValuesAs(JsonObject.class).stream().map(x -> x.getString(member)).toList();
    }

    @Test
    void theAuditFilterFindsExactlyWhatItNamesPagedAndTheOlderFormStays() {
        String org = Enos.newOrg();
        String productKey = Admin.postJson(o(org) + "/products", "{\"name\":\"Audited\"}").json()
                .getString("productKey");
        sleep(50);
        Instant between = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        sleep(50);
        List<String> assets = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Http.Answer d = Admin.postJson(o(org) + "/products/" + productKey + "/devices",
                    "{\"name\":\"d" + i + "\"}");
            assertEquals(201, d.status(), d.body());
            assets.add(d.json().getString("assetId"));
        }
        JsonObject all = ok(Admin.get(o(org) + "/audit?offset=0"));
        assertEquals(5, all.getInt("total"), "credential, product, three devices: " + all);
        JsonObject created = read("/admin/api/orgs/{orgId}/audit", o(org) + "/audit?action=DEVICE.create");
        assertEquals(3, created.getInt("total"));
        List<JsonObject> records = created.getJsonArray("records").getValuesAs(JsonObject.class);
        assertEquals(List.of("assetId=" + assets.get(2), "assetId=" + assets.get(1), "assetId=" + assets.get(0)),
                records.stream().map(x -> x.getString("target")).toList(), "newest first");
        for (JsonObject x : records) {
            assertEquals("admin:admin", x.getString("actor"));
            assertEquals(org, x.getString("orgId"));
        }
        JsonObject page = ok(Admin.get(o(org) + "/audit?action=device.create&offset=1&limit=1"));
        assertEquals(3, page.getInt("total"));
        assertEquals(1, page.getInt("offset"));
        assertEquals(1, page.getInt("limit"));
        assertEquals(records.get(1), page.getJsonArray("records").getJsonObject(0));
        assertEquals(5, ok(Admin.get(o(org) + "/audit?actor=ADMIN:admin")).getInt("total"), "all by the operator");
        assertEquals(0, ok(Admin.get(o(org) + "/audit?actor=enos:")).getInt("total"), "none by the EnOS account");
        assertEquals(2, ok(Admin.get(o(org) + "/audit?actor=admin:&to=" + between)).getInt("total"),
                "the credential and the product before");
        assertEquals(3, ok(Admin.get(o(org) + "/audit?from=" + between)).getInt("total"), "only the devices after");
        assertEquals(0, ok(Admin.get(o(org) + "/audit?from=" + Instant.now().plusSeconds(3600))).getInt("total"));
        assertEquals(0, ok(Admin.get(o(org) + "/audit?action=certificate.revoke")).getInt("total"));
        refused(Admin.get(o(org) + "/audit?from=yesterday"), 400, "invalid_request");
        refused(Admin.get(o(org) + "/audit?from=" + between + "&to=" + between), 400, "invalid_request");

        // the older form: a plain array of the newest max records
        Http.Answer older = conforms("get", "/admin/api/orgs/{orgId}/audit", Admin.get(o(org) + "/audit?max=2"));
        assertEquals(200, older.status(), older.body());
        JsonArray array = Json.createReader(new StringReader(older.body())).readArray();
        assertEquals(2, array.size());
        assertEquals(records.get(0), array.getJsonObject(0));
    }

    @Test
    void theAuthoritiesAreTheRootsAndCrlsThePublicEndpointsServe() throws Exception {
        JsonObject cas = read("/admin/api/authorities", "/admin/api/authorities");
        assertEquals("pkcs12", cas.getString("keyCustody"), "the test server keeps its keys in a keystore");
        assertFalse(cas.getString("keyCustodyDescription").isBlank());
        assertTrue(cas.getString("ocspUrl").endsWith("/enos/CA/ocsp"), cas.toString());
        JsonArray authorities = cas.getJsonArray("authorities");
        assertEquals(List.of("RSA", "ECC"), keys(authorities, "name"));
        for (JsonObject a : authorities.getValuesAs(JsonObject.class)) {
            String name = a.getString("name");
            X509Certificate root = Pki.root(name);
            assertEquals(root.getNotAfter().toInstant(), Instant.parse(a.getString("notAfter")), name);
            assertEquals(root.getNotBefore().toInstant(), Instant.parse(a.getString("notBefore")), name);
            assertEquals(root.getSerialNumber(), new BigInteger(a.getString("serial"), 16), name);
            assertEquals(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                    new X500Name(a.getString("subject")), name);
            assertEquals(name.equals("RSA") ? "RSA 2048 bits" : "EC 256 bits", a.getString("keyAlgorithm"));
            // the download URLs serve this root and the CRL whose number and times are these
            assertEquals(root, Pki.cert(new String(fetch(a.getString("certificateUrl")).body(),
                    java.nio.charset.StandardCharsets.US_ASCII)), name);
            X509CRL crl = Pki.crl(fetch(a.getString("crlUrl")).body());
            JsonObject now = authority(ok(Admin.get("/admin/api/authorities")), name);
            assertEquals(crlNumber(crl), n(now, "crlNumber"), name);
            assertEquals(crl.getThisUpdate().toInstant(), Instant.parse(now.getString("crlThisUpdate")), name);
            assertEquals(crl.getNextUpdate().toInstant(), Instant.parse(now.getString("crlNextUpdate")), name);
            assertEquals(crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size(),
                    n(now, "crlRevoked"), name);
            crl.verify(root.getPublicKey());
        }
    }

    static JsonObject authority(JsonObject cas, String name) {
        return cas.getJsonArray("authorities").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("name").equals(name)).findFirst().orElseThrow();
    }

    static long crlNumber(X509CRL crl) throws Exception {
        byte[] ext = crl.getExtensionValue("2.5.29.20");
        return ASN1Integer.getInstance(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(ext).getOctets()))
                .getValue().longValueExact();
    }

    /** A public URL as the API names it (the configured public base URL: plain HTTP on the test server). */
    static HttpResponse<byte[]> fetch(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), url);
        return r;
    }

    @Test
    void anAuditorReadsEverythingAndCreatesNothingAndAnotherOrganizationsProductIsNotFound() {
        String org = Enos.newOrg();
        String productKey = Admin.postJson(o(org) + "/products", "{\"name\":\"Mine\",\"biDirectionalAuth\":true}")
                .json().getString("productKey");
        OperatorRolesIT.Operator auditor = OperatorRolesIT.createOperator("auditor");
        for (String path : List.of(o(org) + "/summary", o(org) + "/products", o(org) + "/devices",
                o(org) + "/products/" + productKey + "/devices", o(org) + "/transactions?status=pending",
                o(org) + "/digicert-requests?status=pending", o(org) + "/audit?action=product",
                "/admin/api/authorities")) {
            assertEquals(200, auditor.get(path).status(), path);
        }
        JsonObject before = ok(Admin.get(o(org) + "/summary"));
        assertEquals(403, auditor.post(o(org) + "/products", "{\"name\":\"never\"}").status());
        assertEquals(403, auditor.post(o(org) + "/products/" + productKey + "/devices", "{\"name\":\"never\"}")
                .status());
        OperatorRolesIT.Operator approver = OperatorRolesIT.createOperator("approver");
        assertEquals(200, approver.get(o(org) + "/products").status());
        // the role refusal's body (RoleRefusals); /openapi documents the 403 without content (see AdminForbidden)
        refused(approver.post(o(org) + "/products", "{\"name\":\"never\"}"), 403, "forbidden");
        assertEquals(403, approver.post(o(org) + "/products/" + productKey + "/devices", "{\"name\":\"never\"}")
                .status());
        JsonObject after = read("/admin/api/orgs/{orgId}/summary", o(org) + "/summary");
        assertEquals(before, after, "nothing was created");
        assertEquals(401, Admin.getAs(null, o(org) + "/summary").status());

        // another organization: its product is not found here, and nothing of it is listed here
        String other = Enos.newOrg();
        refused(conforms("get", "/admin/api/orgs/{orgId}/products/{productKey}/devices",
                Admin.get(o(other) + "/products/" + productKey + "/devices")), 404, "not_found");
        refused(Admin.get(o(other) + "/devices?productKey=" + productKey), 404, "not_found");
        refused(Admin.postJson(o(other) + "/products/" + productKey + "/devices", "{\"name\":\"stray\"}"), 404,
                "not_found");
        assertEquals(0, ok(Admin.get(o(other) + "/products")).getInt("total"));
        assertEquals(0, n(ok(Admin.get(o(other) + "/summary")), "devices"));
        assertEquals(0, n(ok(Admin.get(o(org) + "/summary")), "devices"), "the stray device was not made here");
    }

    @Test
    void theOpenApiDocumentDescribesEachReadWithItsSchema() {
        Http.Answer doc = Http.get("/openapi?format=JSON");
        assertEquals(200, doc.status());
        JsonObject api = doc.json();
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi-admin-reads.json"), doc.body());
        } catch (java.io.IOException e) {
            // only for reading after a failure
        }
        JsonObject schemas = api.getJsonObject("components").getJsonObject("schemas");
        String[][] expected = {
                {"/admin/api/orgs/{orgId}/summary", "get", "200", "OrganizationSummary"},
                {"/admin/api/orgs/{orgId}/products", "get", "200", "ProductList"},
                {"/admin/api/orgs/{orgId}/products", "post", "201", "ProductInfo"},
                {"/admin/api/orgs/{orgId}/devices", "get", "200", "DeviceList"},
                {"/admin/api/orgs/{orgId}/products/{productKey}/devices", "get", "200", "DeviceList"},
                {"/admin/api/orgs/{orgId}/products/{productKey}/devices", "post", "201", "CreatedDevice"},
                {"/admin/api/orgs/{orgId}/transactions", "get", "200", "PendingTransactionList"},
                {"/admin/api/orgs/{orgId}/digicert-requests", "get", "200", "PendingDigiCertRequestList"},
                {"/admin/api/authorities", "get", "200", "AuthorityList"}};
        for (String[] e : expected) {
            JsonObject op = api.getJsonObject("paths").getJsonObject(e[0]).getJsonObject(e[1]);
            String ref = op.getJsonObject("responses").getJsonObject(e[2]).getJsonObject("content")
                    .getJsonObject("application/json").getJsonObject("schema").getString("$ref");
            assertEquals("#/components/schemas/" + e[3], ref, e[1] + " " + e[0]);
            assertTrue(schemas.containsKey(e[3]), e[3]);
        }
        JsonArray auditForms = api.getJsonObject("paths").getJsonObject("/admin/api/orgs/{orgId}/audit")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getJsonArray("oneOf");
        assertEquals(List.of("#/components/schemas/AuditList", "#/components/schemas/AuditEntries"),
                auditForms.getValuesAs(JsonObject.class).stream().map(x -> x.getString("$ref")).toList(),
                "the page, or the older form's array");
        // every record component is a property of its schema
        Map<String, List<String>> properties = Map.of(
                "OrganizationSummary", List.of("orgId", "products", "pendingDigiCertRequests", "auditRecords"),
                "CreatedDevice", List.of("assetId", "deviceKey", "deviceSecret"),
                "CertificateAuthority", List.of("name", "notAfter", "crlNumber", "crlNextUpdate", "crlUrl"),
                "AuditList", List.of("total", "offset", "limit", "records"),
                "ProductCreation", List.of("name", "biDirectionalAuth", "maxValidDay"));
        for (Map.Entry<String, List<String>> e : properties.entrySet()) {
            JsonObject schema = schemas.getJsonObject(e.getKey());
            assertTrue(schema.containsKey("properties") && schema.getJsonObject("properties").keySet()
                    .containsAll(e.getValue()), e.getKey() + ": " + schema);
        }
        for (String[] body : new String[][] {{"/admin/api/orgs/{orgId}/products", "ProductCreation"},
                {"/admin/api/orgs/{orgId}/products/{productKey}/devices", "DeviceCreation"}}) {
            String ref = api.getJsonObject("paths").getJsonObject(body[0]).getJsonObject("post")
                    .getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
                    .getJsonObject("schema").getString("$ref");
            assertEquals("#/components/schemas/" + body[1], ref, body[0]);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
