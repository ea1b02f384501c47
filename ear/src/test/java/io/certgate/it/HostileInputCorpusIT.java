package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A corpus of bad requests across the facades (EnOS REST and its token service, CertManager form POST and
 * SOAP): every one gets a 4xx or the facade's own error (EnOS code, CertManager StatusCode, SOAP fault),
 * never a 5xx page or a stack trace, and the database is unchanged afterwards.
 */
class HostileInputCorpusIT {

    /** On a fresh server HTTPS trusts the RA certificates only once Liberty reloaded the trust store. */
    @org.junit.jupiter.api.BeforeAll
    static void awaitTrust() {
        RaAccount.awaitClientCertificateTrust();
    }

    enum Facade { ENOS, TOKEN, FORM, SOAP, ADMIN }

    record Bad(String name, Facade facade, Supplier<Http.Answer> request) {
    }

    static final HttpClient TLS = HttpClient.newBuilder().sslContext(RaAccount.tls(RaAccount.AUTO))
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    static final HttpClient TLS_NO_CERT = HttpClient.newBuilder().sslContext(RaAccount.tls(null))
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    static Http.Answer form(HttpClient client, String op, String body) {
        return Http.send(client, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + "/vswebservices/rest/services/" + op))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Http.Answer soap(HttpClient client, String envelope) {
        return Http.send(client, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + "/vswebservices/soap/certmanager"))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "urn:symantec:api:soap:pickup")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
    }

    static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:api=\"urn:symantec:api\"><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    static String formEnroll(String csr, String... overrides) {
        Map<String, String> f = new java.util.LinkedHashMap<>(Map.of("firstName", "J", "lastName", "D", "email",
                "j@example.com", "certProductType", "Server", "serverType", "Apache", "validityPeriod", "1Y",
                "challenge", "c1"));
        f.put("csr", csr);
        for (int i = 0; i < overrides.length; i += 2) {
            f.put(overrides[i], overrides[i + 1]);
        }
        StringBuilder b = new StringBuilder();
        f.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return b.toString();
    }

    @Test
    void everyBadRequestGetsAClientErrorAndChangesNothing() {
        String org = Enos.newOrg();
        String otherOrg = Enos.newOrg();
        JsonObject device = Enos.newDevice(org);
        JsonObject foreign = Enos.newDevice(otherOrg);
        JsonObject foreignCert = Enos.apply(Enos.byKeys(otherOrg, foreign), Pki.rsaCsr("foreign"), null, null);
        String id = Enos.byKeys(org, device);
        String good = Pki.rsaCsr("corpus");
        String apply = "/connect-service/v2.0/certificates?action=apply&" + id;
        String renew = "/connect-service/v2.0/certificates?action=renew&" + id;
        RaAccount.awaitClientCertificateTrust();

        List<Bad> corpus = new ArrayList<>();
        // --- EnOS: CSRs
        Map<String, String> csrs = new java.util.LinkedHashMap<>();
        csrs.put("garbage CSR", "garbage");
        csrs.put("truncated CSR", good.substring(0, good.length() / 2));
        csrs.put("truncated CSR with END line", good.substring(0, good.length() / 2) + "\n-----END CERTIFICATE REQUEST-----\n");
        csrs.put("oversized CSR", "-----BEGIN CERTIFICATE REQUEST-----\n" + "QUFB".repeat(5000) + "\n-----END CERTIFICATE REQUEST-----");
        csrs.put("RSA-1024 CSR", Pki.csr(Pki.rsa(1024), "SHA256withRSA", "CN=x"));
        csrs.put("RSA-4096 CSR", Pki.csr(Pki.rsa(4096), "SHA256withRSA", "CN=x"));
        csrs.put("RSA-3072 CSR", Pki.csr(Pki.rsa(3072), "SHA256withRSA", "CN=x"));
        csrs.put("SHA1withRSA CSR", Pki.csr(Pki.rsa(2048), "SHA1withRSA", "CN=x"));
        csrs.put("SHA512withRSA CSR", Pki.csr(Pki.rsa(2048), "SHA512withRSA", "CN=x"));
        csrs.put("EC CSR for RSA", Pki.ecCsr("x"));
        csrs.put("broken CSR signature", good.substring(0, 300) + (good.charAt(300) == 'A' ? 'B' : 'A') + good.substring(301));
        csrs.put("certificate instead of CSR", Http.get("/enos/CA/cacert/RSA").body());
        csrs.put("empty PEM", "-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----");
        csrs.put("binary junk", "\u0000\u0001\u0002\u00ff");
        for (var e : csrs.entrySet()) {
            corpus.add(new Bad("EnOS apply, " + e.getKey(), Facade.ENOS, () -> Enos.post(org, apply,
                    Json.createObjectBuilder().add("csr", e.getValue()).build().toString())));
        }
        corpus.add(new Bad("EnOS apply ECC, P-384 CSR", Facade.ENOS, () -> Enos.post(org, apply, Json.createObjectBuilder()
                .add("csr", Pki.csr(Pki.ec("secp384r1"), "SHA384withECDSA", "CN=x")).add("issueAuthority", "ECC").build().toString())));
        corpus.add(new Bad("EnOS apply ECC, SHA1 ECDSA CSR", Facade.ENOS, () -> Enos.post(org, apply, Json.createObjectBuilder()
                .add("csr", Pki.csr(Pki.ec("secp256r1"), "SHA1withECDSA", "CN=x")).add("issueAuthority", "ECC").build().toString())));
        // --- EnOS: SQL metacharacters in every identifier
        for (String[] inj : new String[][] {{"assetId", "x' OR '1'='1"}, {"productKey", "'; DROP TABLE CG_DEVICE; --"},
                {"deviceKey", "\" OR \"\"=\""}, {"orgId", "' UNION SELECT * FROM CG_API_CREDENTIAL --"}}) {
            String q = "/connect-service/v2.0/certificates?action=apply&orgId=" + (inj[0].equals("orgId") ? enc(inj[1]) : org)
                    + (inj[0].equals("assetId") ? "&assetId=" + enc(inj[1]) : "&productKey="
                    + (inj[0].equals("productKey") ? enc(inj[1]) : device.getString("productKey")) + "&deviceKey="
                    + (inj[0].equals("deviceKey") ? enc(inj[1]) : device.getString("deviceKey")));
            corpus.add(new Bad("EnOS SQL in " + inj[0], Facade.ENOS, () -> Enos.post(org, q,
                    Json.createObjectBuilder().add("csr", good).build().toString())));
        }
        corpus.add(new Bad("EnOS SQL in product create orgId", Facade.ENOS, () -> Enos.post(org,
                "/connect-service/v2.1/products?action=create&orgId=" + enc("a' OR 1=1 --"), "{\"productName\":\"x\"}")));
        corpus.add(new Bad("EnOS SQL in deviceKey on create", Facade.ENOS, () -> Enos.post(org,
                "/connect-service/v2.1/devices?action=create&orgId=" + org, Json.createObjectBuilder()
                        .add("productKey", device.getString("productKey")).add("deviceKey", "k'; DELETE FROM CG_DEVICE; --")
                        .add("deviceName", "x").build().toString())));
        // --- EnOS: wrong JSON types and malformed bodies
        for (String[] body : new String[][] {{"validDay as text", "{\"csr\":\"c\",\"validDay\":\"ten\"}"},
                {"validDay as fraction", "{\"csr\":\"c\",\"validDay\":1.5}"}, {"validDay as object", "{\"csr\":\"c\",\"validDay\":{}}"},
                {"csr as array", "{\"csr\":[1,2]}"}, {"device as array", "{\"csr\":\"c\",\"device\":[]}"},
                {"issueAuthority as number", "{\"csr\":\"c\",\"issueAuthority\":7}"},
                {"body is an array", "[]"}, {"body is null", "null"}, {"body is not JSON", "{\"csr\":"},
                {"body is XML", "<csr/>"}, {"deeply nested JSON", "[".repeat(5000)}}) {
            corpus.add(new Bad("EnOS " + body[0], Facade.ENOS, () -> Enos.post(org, apply, body[1])));
        }
        corpus.add(new Bad("EnOS renew certSn as array", Facade.ENOS, () -> Enos.post(org, renew, "{\"certSn\":[1]}")));
        corpus.add(new Bad("EnOS renew certSn as text", Facade.ENOS, () -> Enos.post(org, renew, "{\"certSn\":\"one\"}")));
        // --- EnOS: missing fields and out-of-range numbers
        corpus.add(new Bad("EnOS apply without device", Facade.ENOS, () -> Enos.post(org,
                "/connect-service/v2.0/certificates?action=apply&orgId=" + org, "{\"csr\":\"c\"}")));
        corpus.add(new Bad("EnOS apply with productKey only", Facade.ENOS, () -> Enos.post(org,
                "/connect-service/v2.0/certificates?action=apply&orgId=" + org + "&productKey=" + device.getString("productKey"),
                "{\"csr\":\"c\"}")));
        corpus.add(new Bad("EnOS apply without csr", Facade.ENOS, () -> Enos.post(org, apply, "{}")));
        corpus.add(new Bad("EnOS renew without certSn", Facade.ENOS, () -> Enos.post(org, renew, "{}")));
        for (String v : List.of("-1", "0", "-2147483648", "1000000000000", "2147483647", "99999999999999999999")) {
            corpus.add(new Bad("EnOS validDay " + v, Facade.ENOS, () -> Enos.post(org, apply,
                    "{\"csr\":" + Json.createValue(good) + ",\"validDay\":" + v + "}")));
        }
        corpus.add(new Bad("EnOS unknown issueAuthority", Facade.ENOS, () -> Enos.post(org, apply,
                Json.createObjectBuilder().add("csr", good).add("issueAuthority", "DSA").build().toString())));
        // --- EnOS: authentication
        corpus.add(new Bad("EnOS without credentials", Facade.ENOS, () -> Http.post(apply, "{\"csr\":\"c\"}")));
        corpus.add(new Bad("EnOS unknown or expired token", Facade.ENOS, () -> Http.post(apply, "{\"csr\":\"c\"}",
                Map.of("Authorization", "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))));
        corpus.add(new Bad("EnOS signature with stale timestamp", Facade.ENOS, () -> EnosAuthenticationIT.signed(apply,
                "{\"csr\":\"c\"}", System.currentTimeMillis() - 3_600_000, "x", "y")));
        corpus.add(new Bad("EnOS bad signature", Facade.ENOS, () -> Http.post(apply, "{}", Map.of("apim-accesstoken",
                "x", "apim-timestamp", String.valueOf(System.currentTimeMillis()), "apim-signature", "00"))));
        corpus.add(new Bad("EnOS Basic credentials", Facade.ENOS, () -> Http.post(apply, "{}",
                Map.of("Authorization", Admin.basic("admin", "guess")))));
        // --- EnOS: other organizations
        corpus.add(new Bad("EnOS other org's device by assetId", Facade.ENOS, () -> Enos.post(org,
                "/connect-service/v2.0/certificates?action=apply&" + Enos.byAsset(org, foreign),
                Json.createObjectBuilder().add("csr", good).build().toString())));
        corpus.add(new Bad("EnOS naming the other org", Facade.ENOS, () -> Enos.post(org,
                "/connect-service/v2.0/certificates?action=revoke&" + Enos.byAsset(otherOrg, foreign),
                "{\"certSn\":" + foreignCert.getString("certSN") + "}")));
        corpus.add(new Bad("EnOS renew of other org's certSn", Facade.ENOS, () -> Enos.post(org, renew,
                "{\"certSn\":" + foreignCert.getString("certSN") + "}")));
        corpus.add(new Bad("EnOS device create under other org's product", Facade.ENOS, () -> Enos.post(org,
                "/connect-service/v2.1/devices?action=create&orgId=" + org, Json.createObjectBuilder()
                        .add("productKey", foreign.getString("productKey")).add("deviceName", "x").build().toString())));
        // --- EnOS: protocol
        corpus.add(new Bad("EnOS unknown action", Facade.ENOS, () -> Enos.post(org,
                "/connect-service/v2.0/certificates?action=delete&" + id, "{}")));
        corpus.add(new Bad("EnOS GET apply", Facade.ENOS, () -> Enos.get(org, apply)));
        corpus.add(new Bad("EnOS oversized body", Facade.ENOS, () -> Enos.post(org, apply,
                "{\"csr\":\"" + "A".repeat(100_000) + "\"}")));
        corpus.add(new Bad("EnOS revoke reason 7", Facade.ENOS, () -> Enos.post(org,
                "/connect-service/v2.0/certificates?action=revoke&" + id, "{\"certSn\":1,\"reason\":7}")));
        // --- token service
        corpus.add(new Bad("token: not JSON", Facade.TOKEN, () -> Http.post("/apim-token-service/v2.0/token/get", "<x/>")));
        corpus.add(new Bad("token: missing fields", Facade.TOKEN, () -> Http.post("/apim-token-service/v2.0/token/get", "{}")));
        corpus.add(new Bad("token: unknown appKey", Facade.TOKEN, () -> Http.post("/apim-token-service/v2.0/token/get",
                "{\"appKey\":\"' OR 1=1 --\",\"encryption\":\"x\",\"timestamp\":" + System.currentTimeMillis() + "}")));
        corpus.add(new Bad("token: wrong types", Facade.TOKEN, () -> Http.post("/apim-token-service/v2.0/token/get",
                "{\"appKey\":[],\"encryption\":{},\"timestamp\":true}")));
        // --- CertManager form
        corpus.add(new Bad("form: no client certificate", Facade.FORM, () -> form(TLS_NO_CERT, "enroll", formEnroll(good))));
        corpus.add(new Bad("form: plain HTTP", Facade.FORM, () -> Http.send(HttpRequest.newBuilder(URI.create(Http.BASE
                + "/vswebservices/rest/services/enroll")).POST(HttpRequest.BodyPublishers.ofString(formEnroll(good))))));
        corpus.add(new Bad("form: missing fields", Facade.FORM, () -> form(TLS, "enroll", "firstName=x")));
        corpus.add(new Bad("form: name too long", Facade.FORM, () -> form(TLS, "enroll", formEnroll(good, "lastName", "x".repeat(241)))));
        corpus.add(new Bad("form: bad certProductType", Facade.FORM, () -> form(TLS, "enroll", formEnroll(good, "certProductType", "x"))));
        corpus.add(new Bad("form: 3Y public SSL", Facade.FORM, () -> form(TLS, "enroll", formEnroll(good, "validityPeriod", "3Y"))));
        corpus.add(new Bad("form: garbage CSR", Facade.FORM, () -> form(TLS, "enroll", formEnroll("garbage"))));
        corpus.add(new Bad("form: RSA-1024 CSR", Facade.FORM, () -> form(TLS, "enroll",
                formEnroll(Pki.csr(Pki.rsa(1024), "SHA256withRSA", "CN=a.example.com")))));
        corpus.add(new Bad("form: P-384 CSR", Facade.FORM, () -> form(TLS, "enroll", formEnroll(Pki.csr(Pki.ec("secp384r1"),
                "SHA384withECDSA", "CN=a.example.com"), "signatureAlgorithm", "ECDSAwithSHA256"))));
        corpus.add(new Bad("form: SHA-1 signatureAlgorithm", Facade.FORM, () -> form(TLS, "enroll",
                formEnroll(good, "signatureAlgorithm", "sha1WithRSAEncryption"))));
        corpus.add(new Bad("form: SQL in transaction_id", Facade.FORM, () -> form(TLS, "pickup",
                "transaction_id=" + enc("' OR '1'='1"))));
        corpus.add(new Bad("form: repeated field", Facade.FORM, () -> form(TLS, "pickup", "transaction_id=a&transaction_id=b")));
        corpus.add(new Bad("form: broken encoding", Facade.FORM, () -> form(TLS, "pickup", "transaction_id=%E0%A4%A")));
        corpus.add(new Bad("form: unknown operation", Facade.FORM, () -> form(TLS, "delete", "x=1")));
        corpus.add(new Bad("form: oversized body", Facade.FORM, () -> form(TLS, "enroll", "csr=" + "A".repeat(100_000))));
        corpus.add(new Bad("form: renew with wrong challenge of unknown tx", Facade.FORM, () -> form(TLS, "renew",
                formEnroll(good, "original_transaction_id", "0123456789abcdef0123456789abcdef", "original_challenge", "x"))));
        // --- CertManager SOAP
        corpus.add(new Bad("SOAP: XXE", Facade.SOAP, () -> soap(TLS, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]>" + envelope("<api:PickupRequest><api:transaction_id>&e;</api:transaction_id></api:PickupRequest>"))));
        corpus.add(new Bad("SOAP: billion laughs", Facade.SOAP, () -> soap(TLS, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + envelope("<api:PickupRequest><api:transaction_id>&c;</api:transaction_id></api:PickupRequest>"))));
        corpus.add(new Bad("SOAP: external DTD", Facade.SOAP, () -> soap(TLS, "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM "
                + "\"http://127.0.0.1:9/evil.dtd\">" + envelope("<api:PickupRequest/>"))));
        corpus.add(new Bad("SOAP: malformed XML", Facade.SOAP, () -> soap(TLS, "<soapenv:Envelope><unclosed>")));
        corpus.add(new Bad("SOAP: unknown element", Facade.SOAP, () -> soap(TLS, envelope("<api:Explode/>"))));
        corpus.add(new Bad("SOAP: missing fields", Facade.SOAP, () -> soap(TLS, envelope("<api:EnrollRequest/>"))));
        corpus.add(new Bad("SOAP: SQL in transaction id", Facade.SOAP, () -> soap(TLS, envelope(
                "<api:PickupRequest><api:transaction_id>' OR 1=1 --</api:transaction_id></api:PickupRequest>"))));
        corpus.add(new Bad("SOAP: no client certificate", Facade.SOAP, () -> soap(TLS_NO_CERT, envelope(
                "<api:PickupRequest><api:transaction_id>0123456789abcdef0123456789abcdef</api:transaction_id></api:PickupRequest>"))));

        // --- admin API: malformed input is a 400 with the API's error body, never a 500 (issue 18, 7)
        String admin = "/admin/api/orgs/" + org;
        for (String[] q : new String[][] {{"year +99999 from", "/audit?from=%2B99999-01-01T00:00:00Z"},
                {"year -99999 to", "/audit?to=-99999-01-01T00:00:00Z"}, {"year 10000", "/audit?from=10000-01-01T00:00:00Z"},
                {"max not a number", "/audit?max=x"}}) {
            corpus.add(new Bad("admin audit, " + q[0], Facade.ADMIN, () -> Admin.get(admin + q[1])));
        }
        corpus.add(new Bad("admin operators' audit, max not a number", Facade.ADMIN, () -> Admin.get(
                "/admin/api/operators/audit?max=x")));
        for (String body : List.of("{bad", "[]", "null", "\"x\"", "{\"name\":[]}", "{\"name\":\"h\",\"approver\":\"yes\"}",
                "[".repeat(5000))) {
            corpus.add(new Bad("admin ra-accounts, body " + body.substring(0, Math.min(body.length(), 20)),
                    Facade.ADMIN, () -> Admin.postJson(admin + "/ra-accounts", body)));
        }
        for (String body : List.of("{bad", "{\"validHours\":1.5}", "{\"validHours\":99999999999999999999}", "[]")) {
            corpus.add(new Bad("admin enrollment secret, body " + body, Facade.ADMIN, () -> Admin.postJson(admin
                    + "/devices/" + device.getString("assetId") + "/enrollment-secrets", body)));
        }
        for (String body : List.of("{bad", "{\"required\":\"no\"}")) {
            corpus.add(new Bad("admin enrollment approval, body " + body, Facade.ADMIN, () -> Admin.putJson(admin
                    + "/products/" + device.getString("productKey") + "/enrollment-approval", body)));
        }

        assertTrue(corpus.size() >= 60, "corpus of " + corpus.size());
        JsonObject before = Admin.stats();
        List<String> failures = new ArrayList<>();
        for (Bad bad : corpus) {
            Http.Answer a = bad.request().get();
            String problem = check(bad, a);
            if (problem != null) {
                failures.add(bad.name() + ": " + problem + " -> " + a.status() + " " + abbreviate(a.body()));
            }
        }
        assertEquals(List.of(), failures, "every bad request is refused cleanly");
        // the check itself can fail: a good request is reported as accepted
        assertEquals("accepted", check(new Bad("good", Facade.ENOS, null), Enos.get(org,
                "/connect-service/v2.0/certificates?action=list&" + id)));
        assertEquals(before, Admin.stats(), "the database is unchanged");
    }

    /** A request anyone can send without credentials and the status it must get. */
    record Stranger(String name, int status, Supplier<Http.Answer> request) {
    }

    private static final String[] MALFORMED_BASIC = {"Basic abc", "Basic Zm9v", "Basic ", "Basic !!!", "Basic Og=="};

    /**
     * Unauthenticated hostile requests (issue 18): malformed {@code Authorization: Basic} headers on every kind of
     * path, wrong methods, unknown paths and unacceptable media types. Each gets its status, never a 5xx or a stack
     * trace; {@link LogHygieneIT} holds the log to no WARNING for them.
     */
    static List<Stranger> strangers() {
        List<Stranger> all = new ArrayList<>();
        for (String h : MALFORMED_BASIC) {
            Map<String, String> auth = Map.of("Authorization", h);
            all.add(new Stranger(h + " on a public CA certificate", 200, () -> Http.get("/enos/CA/cacert/RSA", auth)));
            all.add(new Stranger(h + " on EnOS", 401, () -> Http.post(
                    "/connect-service/v2.0/certificates?action=list&orgId=o&assetId=a", "{}", auth)));
            all.add(new Stranger(h + " on the token service", 200, () -> Http.post("/apim-token-service/v2.0/token/get",
                    "{}", auth)));
            all.add(new Stranger(h + " on DigiCert", 401, () -> Http.get("/services/v2/product", auth)));
            all.add(new Stranger(h + " on the admin API", 401, () -> Admin.getAs(h, "/admin/api/stats")));
            all.add(new Stranger(h + " on an admin change", 401, () -> Admin.sendAs(h, "POST",
                    "/admin/api/operators", "{}")));
            // the console signs in with its form: any Authorization header leads to its sign-in page
            all.add(new Stranger(h + " on the console", 302, () -> Admin.getAs(h, "/admin/console/")));
            all.add(new Stranger(h + " on the admin API over HTTP", 302, () -> Http.get("/admin/api/stats", auth)));
            all.add(new Stranger(h + " on EST simpleenroll", 401, () -> Http.send(TLS_NO_CERT, HttpRequest.newBuilder(
                    URI.create(RaAccount.HTTPS + "/.well-known/est/simpleenroll")).header("Authorization", h)
                    .header("Content-Type", "application/pkcs10").POST(HttpRequest.BodyPublishers.ofString("MIIB")))));
            all.add(new Stranger(h + " on SCEP GetCACaps", 200, () -> Http.get("/scep/p?operation=GetCACaps", auth)));
            all.add(new Stranger(h + " on a path that does not exist", 404, () -> Http.get("/nothing-here", auth)));
        }
        all.add(new Stranger("PUT a CA certificate", 405, () -> Http.send(HttpRequest.newBuilder(URI.create(Http.BASE
                + "/enos/CA/cacert/RSA")).PUT(HttpRequest.BodyPublishers.ofString("x")))));
        all.add(new Stranger("POST a CA certificate", 405, () -> Http.post("/enos/CA/cacert/RSA", "x")));
        all.add(new Stranger("GET the token service", 405, () -> Http.get("/apim-token-service/v2.0/token/get")));
        all.add(new Stranger("GET EST simpleenroll", 405, () -> Http.send(TLS_NO_CERT, HttpRequest.newBuilder(
                URI.create(RaAccount.HTTPS + "/.well-known/est/simpleenroll")).GET())));
        all.add(new Stranger("DELETE EnOS certificates", 405, () -> Http.send(HttpRequest.newBuilder(URI.create(
                Http.BASE + "/connect-service/v2.0/certificates?action=list")).DELETE())));
        all.add(new Stranger("a made-up Host header on the admin API over HTTP", 302, () -> {
            try (RawHttp c = RawHttp.open(Http.BASE, null, null)) { // the JDK's client sends no Host of one's choosing
                RawHttp.Answer r = c.send("GET", "/admin/api/stats", Map.of("Host", "evil.example"), null);
                String location = r.header("Location");
                if (location == null || location.contains("evil")) {
                    throw new AssertionError("the redirect names the request's Host: " + location);
                }
                return new Http.Answer(r.status(), r.text(), r.body());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        all.add(new Stranger("an unknown path", 404, () -> Http.get("/nothing-here")));
        all.add(new Stranger("an unknown CA path", 404, () -> Http.get("/enos/CA/nothing")));
        all.add(new Stranger("a CA certificate as an image", 406, () -> Http.get("/enos/CA/cacert/RSA",
                Map.of("Accept", "image/png"))));
        return all;
    }

    @Test
    void strangersGetTheirStatusWithoutServerErrors() {
        List<String> failures = new ArrayList<>();
        for (Stranger s : strangers()) {
            Http.Answer a = s.request().get();
            String leak = leak(a.body());
            if (a.status() != s.status() || leak != null) {
                failures.add(s.name() + ": expected " + s.status() + (leak == null ? "" : ", " + leak) + " -> "
                        + a.status() + " " + abbreviate(a.body()));
            }
        }
        assertEquals(List.of(), failures, "every stranger's request is answered as it should be");
    }

    /**
     * Issue 18, 8: EST authenticates before it reads the CSR. A known device with a wrong secret and a weak or broken
     * CSR used to get 400 ("RSA public key must be 2048 bits"), an unknown one 401: which devices exist was visible.
     * Both are 401 now; the right secret with the same CSR gets the 400.
     */
    @Test
    void estAuthenticatesBeforeItReadsTheCsr() {
        JsonObject device = Enos.newDevice(Enos.newOrg());
        String productKey = device.getString("productKey");
        String weak = Pki.csr(Pki.rsa(1024), "SHA256withRSA", "CN=" + device.getString("deviceKey"));
        for (String body : List.of(weak, "-----BEGIN CERTIFICATE REQUEST-----\nnot base64\n-----END CERTIFICATE REQUEST-----")) {
            assertEquals(401, est(productKey, device.getString("deviceKey"), "wrong-secret", body).status(),
                    "a known device with a wrong secret");
            assertEquals(401, est(productKey, "no-such-device", "wrong-secret", body).status(), "an unknown device");
            Http.Answer right = est(productKey, device.getString("deviceKey"), device.getString("deviceSecret"), body);
            assertEquals(400, right.status(), "the device itself learns what is wrong: " + right.body());
        }
    }

    /**
     * Issue 18, 4: bodies end at their limit. The SOAP endpoint read a 50 MB POST without a client certificate (also
     * over plain HTTP) before it looked for the certificate, and the admin API read 50 MB of JSON. Now a SOAP call
     * without a certificate gets the 0x10 fault before its body is read (the client is left with most of it unsent),
     * and over the limit SOAP gets the 0x11 fault, the admin API a 413 with its error body, announced or chunked.
     */
    @Test
    void bodiesOverTheirLimitAreRefusedBeforeTheyAreRead() throws Exception {
        long big = 50L * 1024 * 1024;
        for (String base : List.of(Http.BASE, RaAccount.HTTPS)) {
            // 64 KiB of a body announced as 50 MB, then silence: the answer comes without the rest
            String answer = rawPost(base, "/vswebservices/soap/certmanager", "text/xml; charset=utf-8", big, 64 * 1024);
            assertTrue(answer.contains("<StatusCode>0x10</StatusCode>"), base + ": " + abbreviate(answer));
            assertTrue(answer.contains("soap:Client"), "the caller's mistake: " + abbreviate(answer));
        }
        String huge = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<x>" + "a".repeat(200_000) + "</x></soapenv:Body></soapenv:Envelope>";
        Http.Answer announced = soap(TLS, huge);
        assertEquals(413, announced.status(), announced.body());
        assertTrue(announced.body().contains("<StatusCode>0x11</StatusCode>"), announced.body());
        Http.Answer chunked = Http.send(TLS, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS
                + "/vswebservices/soap/certmanager")).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        huge.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertEquals(413, chunked.status(), chunked.body());
        assertTrue(chunked.body().contains("<StatusCode>0x11</StatusCode>"), chunked.body());

        String json = "{\"name\":\"" + "a".repeat(200_000) + "\"}";
        String path = "/admin/api/orgs/" + Enos.newOrg() + "/ra-accounts";
        Http.Answer admin = Admin.postJson(path, json);
        assertEquals(413, admin.status(), admin.body());
        assertEquals("invalid_request", admin.json().getString("error"), admin.body());
        Http.Answer adminChunked = Http.send(TLS_NO_CERT, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + path))
                .header("Authorization", Admin.basic("admin", Admin.password())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertEquals(413, adminChunked.status(), adminChunked.body());
        assertEquals("invalid_request", adminChunked.json().getString("error"), adminChunked.body());
    }

    /**
     * Sends the head of a POST announcing {@code announced} bytes and only {@code sent} of them, then reads the answer
     * (10 s at most): an endpoint that reads the body before it answers never does.
     */
    static String rawPost(String base, String path, String contentType, long announced, int sent) throws Exception {
        URI uri = URI.create(base);
        java.net.Socket socket = "https".equals(uri.getScheme())
                ? RaAccount.tls(null).getSocketFactory().createSocket(uri.getHost(), uri.getPort())
                : new java.net.Socket(uri.getHost(), uri.getPort());
        try (socket) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nContent-Type: "
                    + contentType + "\r\nContent-Length: " + announced + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = new byte[sent];
            java.util.Arrays.fill(chunk, (byte) 'a');
            out.write(chunk);
            out.flush();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            java.io.InputStream in = socket.getInputStream();
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) != -1) {
                    answer.write(buf, 0, n);
                    if (answer.toString(java.nio.charset.StandardCharsets.UTF_8).contains("</soap:Envelope>")
                            || answer.toString(java.nio.charset.StandardCharsets.UTF_8).endsWith("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // what came so far
            }
            return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Issue 18, 5: an order for an IP literal is the caller's mistake (400 invalid_dns_name), never a 500 when DCV
     * looks at it; the server's own DCV refuses internal addresses by default (DomainControlCheckTest; the test
     * server allows them for its loopback DNS and web server).
     */
    @Test
    void ordersForIpLiteralsAreRefusedAsNoDnsName() {
        DigiCertClient client = DigiCert.newKey(DigiCert.newOrg());
        for (String ip : List.of("169.254.169.254", "127.0.0.1", "10.0.0.1")) {
            DigiCertClient.Reply r = client.order("ssl_plus", DigiCert.order(DigiCert.certificate(ip, null,
                    Pki.rsaCsr(ip), "sha256"), true).build());
            assertEquals(400, r.status(), ip + ": " + r.text());
            assertTrue(r.text().contains("invalid_dns_name"), r.text());
        }
    }

    /** Issue 18, 9: a product named with a right-to-left override is shown in the console as written. */
    @Test
    void tenantNamesWithBidiControlsAreShownAsWritten() {
        String org = Enos.newOrg();
        Http.Answer made = Admin.postJson("/admin/api/orgs/" + org + "/products",
                "{\"name\":\"invoice\u202Efdp.exe\"}");
        assertEquals(201, made.status(), made.body());
        var page = ConsoleClient.signedIn("admin", Admin.password()).get("/admin/console/products.xhtml?org=" + org);
        assertEquals(200, page.statusCode(), abbreviate(page.body()));
        assertTrue(page.body().contains("invoice[U+202E]fdp.exe"), "the mark is shown");
        assertFalse(page.body().contains("\u202E"), "the override itself is not in the page");
    }

    private static Http.Answer est(String productKey, String user, String secret, String csrPem) {
        String b64 = csrPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + secret)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Http.send(TLS_NO_CERT, HttpRequest.newBuilder(URI.create(RaAccount.HTTPS + "/.well-known/est/" + productKey
                + "/simpleenroll")).header("Authorization", "Basic " + basic).header("Content-Type", "application/pkcs10")
                .POST(HttpRequest.BodyPublishers.ofString(b64)));
    }

    static String leak(String body) {
        for (String leak : List.of("Exception", "\tat ", "at io.certgate", "at org.", "at java.", "root:x:0",
                "aaaaaaaaaaaaaaaaaaaa", "Error 500")) {
            if (body.contains(leak)) {
                return "leaks '" + leak.strip() + "'";
            }
        }
        return null;
    }

    static String check(Bad bad, Http.Answer a) {
        String body = a.body();
        for (String leak : List.of("Exception", "\tat ", "at io.certgate", "at org.", "at java.", "root:x:0", "aaaaaaaaaaaaaaaaaaaa")) {
            if (body.contains(leak)) {
                return "leaks '" + leak.strip() + "'";
            }
        }
        switch (bad.facade()) {
            case ENOS -> {
                if (a.status() >= 500) {
                    return "5xx";
                }
                if (a.status() == 200 && a.json().getInt("code") == 0) {
                    return "accepted";
                }
                if (a.status() != 200 && !(a.status() >= 400 && a.status() < 500)) {
                    return "neither an EnOS error nor a 4xx";
                }
            }
            case TOKEN -> {
                if (a.status() != 200 || a.json().getInt("status") == 0) {
                    return "not a token-service error";
                }
            }
            case FORM -> {
                if (a.status() >= 500) {
                    return "5xx";
                }
                if (!body.contains("<StatusCode>0x") || body.contains("<StatusCode>0x00<")) {
                    return "not a CertManager error";
                }
            }
            case ADMIN -> {
                if (a.status() != 400) {
                    return "not 400";
                }
                if (!body.contains("\"error\":\"invalid_request\"")) {
                    return "not the admin API's error body";
                }
            }
            case SOAP -> {
                // SOAP 1.1 sends faults with HTTP 500; the answer must be a fault, not an error page
                if (!body.contains("Fault>") || body.contains("<StatusCode>0x00<")) {
                    return "not a SOAP fault";
                }
                if (a.status() != 500 && (a.status() < 400 || a.status() >= 500)) {
                    return "unexpected status";
                }
            }
        }
        return null;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** Encoded-slash paths are allowed (OCSP GET), so prove traversal still reaches nothing. */
    @Test
    void pathTraversalReachesNoApplicationFile() {
        for (String path : List.of("/WEB-INF/web.xml", "/%2E%2E/WEB-INF/web.xml", "/WEB-INF%2Fweb.xml",
                "/%57EB-INF/web.xml", "/x/%2E%2E/WEB-INF/web.xml", "/WEB-INF/wsdl/certmanager.wsdl",
                "/META-INF/MANIFEST.MF", "/%2e%2e%2f%2e%2e%2fserver.xml", "/enos/CA/ocsp/%2E%2E%2F%2E%2E%2Fserver.xml")) {
            Http.Answer a = Http.get(path);
            assertTrue(a.status() >= 400 || !(a.body().contains("web-app") || a.body().contains("definitions")
                    || a.body().contains("Manifest") || a.body().contains("<server")), path + " -> " + a.status());
            assertFalse(a.body().contains("web-app") || a.body().contains("<featureManager>"), path);
        }
    }

    @Test
    void soapFaultsCarryTheCertManagerStatus() throws Exception {
        HttpResponse<String> r = TLS.send(HttpRequest.newBuilder(URI.create(RaAccount.HTTPS
                        + "/vswebservices/soap/certmanager")).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope("<api:EnrollRequest/>"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.body().contains("<StatusCode>0x01</StatusCode>"), r.body());
        assertFalse(r.body().contains("Exception"));
        assertTrue(r.body().contains("<faultcode>soap:Client</faultcode>"), "the caller's mistake (issue 18): " + r.body());
    }
}
