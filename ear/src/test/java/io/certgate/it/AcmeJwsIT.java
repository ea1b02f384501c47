package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import io.certgate.ejb.enrollment.dcv.LoopbackDns;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile ACME requests, made by hand: {@code alg: none}, a MAC instead of a signature, a kid of no account or of
 * another organization's account, a replayed nonce, a JWS for another URL, an oversized body, a body that is no JWS,
 * a wrong content type: each refused with its problem type, and no account is stored by any of them. Plain HTTP is
 * refused; a directory of an organization without ACME is 404. And ARI's {@code replaces} (RFC 9773 5) end to end: the
 * renewal linked to the certificate it replaces, which no second order may replace, nor another account.
 */
class AcmeJwsIT {

    /** The tests' DNS server, where the test server's DCV resolves (as in {@link AcmeClientsIT}). */
    private static final int DNS_PORT = 15353;
    private static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(RaAccount.tls(null))
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private static String org;
    private static JsonObject directory;

    @BeforeAll
    static void setUp() {
        org = Acme.newOrg();
        directory = directory(org);
    }

    /** The directory of an organization, which exists from its first binding key on. */
    private static JsonObject directory(String orgId) {
        Acme.eabKey(orgId);
        Answer d = send(HttpRequest.newBuilder(URI.create(Acme.directory(orgId))).GET());
        assertEquals(200, d.status, d.body);
        return Json.createReader(new java.io.StringReader(d.body)).readObject();
    }

    @Test
    void theDirectoryNamesEveryResourceAndRequiresBinding() {
        for (String name : new String[] {"newNonce", "newAccount", "newOrder", "revokeCert", "keyChange",
                "renewalInfo"}) {
            assertTrue(directory.getString(name).startsWith(RaAccount.HTTPS + "/acme/" + org + "/"), name);
        }
        assertTrue(directory.getJsonObject("meta").getBoolean("externalAccountRequired"));
        Answer head = send(HttpRequest.newBuilder(URI.create(directory.getString("newNonce")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.status);
        assertNotNull(head.nonce);
        assertEquals(404, send(HttpRequest.newBuilder(URI.create(Acme.directory("no" + org))).GET()).status);
        assertEquals(403, Http.get("/acme/" + org + "/directory").status(), "plain HTTP is refused");
    }

    @Test
    void hostileRequestsAreRefusedAndStoreNothing() throws Exception {
        String hostileOrg = Acme.newOrg(); // an organization of its own: no account but what these requests make
        JsonObject directory = directory(hostileOrg);
        KeyPair key = Pki.ec("secp256r1");
        String newAccount = directory.getString("newAccount");
        JsonObject jwk = jwk((ECPublicKey) key.getPublic());
        String payload = Json.createObjectBuilder().add("termsOfServiceAgreed", true).build().toString();
        Metrics before = Metrics.scrape();

        // alg none: no signature at all
        JsonObject none = Json.createObjectBuilder().add("alg", "none").add("nonce", nonce()).add("url", newAccount)
                .add("jwk", jwk).build();
        assertProblem(post(newAccount, flattened(none, payload, new byte[0])), 400, "badSignatureAlgorithm");

        // a MAC instead of a signature
        JsonObject hs = Json.createObjectBuilder().add("alg", "HS256").add("nonce", nonce()).add("url", newAccount)
                .add("jwk", jwk).build();
        assertProblem(post(newAccount, flattened(hs, payload, hmac(hs, payload))), 400, "badSignatureAlgorithm");

        // a signature by another key than the jwk's
        KeyPair other = Pki.ec("secp256r1");
        JsonObject header = es256(nonce(), newAccount, jwk, null);
        assertProblem(post(newAccount, sign(header, payload, other)), 400, "malformed");

        // a JWS for another URL than the one it is sent to
        assertProblem(post(newAccount, sign(es256(nonce(), directory.getString("newOrder"), jwk, null), payload, key)),
                403, "unauthorized");

        // a nonce used twice: the second time badNonce, with a fresh nonce to retry
        String used = nonce();
        Answer first = post(newAccount, sign(es256(used, newAccount, jwk, null), payload, key));
        assertProblem(first, 400, "externalAccountRequired");
        Answer replay = post(newAccount, sign(es256(used, newAccount, jwk, null), payload, key));
        assertProblem(replay, 400, "badNonce");
        assertNotNull(replay.nonce, "a badNonce answer carries a fresh nonce");
        // a nonce the server never made
        assertProblem(post(newAccount, sign(es256("bm90LWEtbm9uY2U", newAccount, jwk, null), payload, key)), 400,
                "badNonce");

        // a kid that is no account, and one of another organization's directory
        String newOrder = directory.getString("newOrder");
        String order = "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"a." + org + ".example\"}]}";
        assertProblem(post(newOrder, sign(es256(nonce(), newOrder, null, RaAccount.HTTPS + "/acme/" + hostileOrg
                + "/account/999999999"), order, key)), 400, "accountDoesNotExist");
        assertProblem(post(newOrder, sign(es256(nonce(), newOrder, null, RaAccount.HTTPS + "/acme/other/account/1"),
                order, key)), 400, "accountDoesNotExist");

        // an oversized body, a body that is no JWS, and the wrong content type
        String big = "{\"protected\":\"" + "A".repeat(40 * 1024) + "\",\"payload\":\"\",\"signature\":\"\"}";
        assertProblem(post(newAccount, big), 413, "malformed");
        assertProblem(post(newAccount, "[1,2,3]"), 400, "malformed");
        assertProblem(send(HttpRequest.newBuilder(URI.create(newAccount)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sign(es256(nonce(), newAccount, jwk, null), payload, key)))),
                415, "malformed");

        JsonObject accounts = Admin.get("/admin/api/orgs/" + hostileOrg + "/acme/accounts").json();
        assertEquals(0, accounts.getJsonArray("accounts").size(), "nothing stored: " + accounts);
        Metrics after = Metrics.scrape();
        assertEquals(2, after.since(before, "certgate_refusals_total", "facade", "acme", "code", "badNonce"),
                after.certgateLines());
        assertEquals(2, after.since(before, "certgate_refusals_total", "facade", "acme", "code",
                "badSignatureAlgorithm"), after.certgateLines());
    }

    @Test
    void theOpenLabOrganizationTakesAccountsWithoutBinding() throws Exception {
        // certgate.acme.open.registration.org=acme-open-lab on the test server
        Answer d = send(HttpRequest.newBuilder(URI.create(Acme.directory("acme-open-lab"))).GET());
        assertEquals(200, d.status, d.body);
        JsonObject lab = Json.createReader(new java.io.StringReader(d.body)).readObject();
        assertFalse(lab.getJsonObject("meta").getBoolean("externalAccountRequired"));
        KeyPair key = Pki.ec("secp256r1");
        String newAccount = lab.getString("newAccount");
        Answer created = post(newAccount, sign(es256(nonce(), newAccount, jwk((ECPublicKey) key.getPublic()), null),
                "{\"termsOfServiceAgreed\":true,\"contact\":[\"mailto:lab@example.org\"]}", key));
        assertEquals(201, created.status, created.body);
        assertTrue(created.location.startsWith(RaAccount.HTTPS + "/acme/acme-open-lab/account/"), created.location);
        KeyPair other = Pki.ec("secp256r1");
        assertProblem(post(newAccount, sign(es256(nonce(), newAccount, jwk((ECPublicKey) other.getPublic()), null),
                "{\"contact\":[\"tel:+1555\"]}", other)), 400, "unsupportedContact");
    }

    @Test
    void anAccountBoundByItsKeyWorksAndTheSameKeyFindsIt() throws Exception {
        JsonObject eab = Acme.eabKey(org);
        KeyPair key = Pki.ec("secp256r1");
        JsonObject jwk = jwk((ECPublicKey) key.getPublic());
        String newAccount = directory.getString("newAccount");
        Answer created = bind(eab, key);
        assertEquals(201, created.status, created.body);
        assertNotNull(created.location);
        Answer again = post(newAccount, sign(es256(nonce(), newAccount, jwk, null), "{\"onlyReturnExisting\":true}", key));
        assertEquals(200, again.status, again.body);
        assertEquals(created.location, again.location);
        // the binding key is used up: another key cannot use it
        KeyPair second = Pki.ec("secp256r1");
        JsonObject secondJwk = jwk((ECPublicKey) second.getPublic());
        String reused = binding(eab, secondJwk);
        assertProblem(post(newAccount, sign(es256(nonce(), newAccount, secondJwk, null), Json.createObjectBuilder()
                .add("externalAccountBinding", Json.createReader(new java.io.StringReader(reused)).readObject())
                .build().toString(), second)), 403, "unauthorized");
        // out of policy at newOrder: rejectedIdentifier, nothing stored
        String newOrder = directory.getString("newOrder");
        assertProblem(post(newOrder, sign(es256(nonce(), newOrder, null, created.location),
                "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"www.not-" + org + ".example\"}]}", key)), 400,
                "rejectedIdentifier");
        assertProblem(post(newOrder, sign(es256(nonce(), newOrder, null, created.location),
                "{\"identifiers\":[{\"type\":\"ip\",\"value\":\"10.0.0.1\"}]}", key)), 400, "unsupportedIdentifier");
        Answer orders = post(created.location + "/orders", sign(es256(nonce(), created.location + "/orders", null,
                created.location), "", key));
        assertEquals(200, orders.status, orders.body);
        assertTrue(orders.body.contains("\"orders\":[]"), orders.body);
    }

    @Test
    void aKeyChangeMovesTheAccountToTheNewKeyAndADeactivatedAccountActsNoMore() throws Exception {
        KeyPair oldKey = Pki.ec("secp256r1");
        String account = newAccount(oldKey);
        KeyPair newKey = Pki.ec("secp256r1");
        String keyChange = directory.getString("keyChange");
        JsonObject inner = Json.createObjectBuilder().add("alg", "ES256").add("url", keyChange)
                .add("jwk", jwk((ECPublicKey) newKey.getPublic())).build();
        String innerJws = sign(inner, Json.createObjectBuilder().add("account", account)
                .add("oldKey", jwk((ECPublicKey) oldKey.getPublic())).build().toString(), newKey);
        // the inner JWS signed by the old key instead: refused, nothing changes
        String forged = sign(inner, Json.createObjectBuilder().add("account", account)
                .add("oldKey", jwk((ECPublicKey) oldKey.getPublic())).build().toString(), oldKey);
        assertProblem(post(keyChange, sign(es256(nonce(), keyChange, null, account), forged, oldKey)), 400,
                "malformed");
        Answer changed = post(keyChange, sign(es256(nonce(), keyChange, null, account), innerJws, oldKey));
        assertEquals(200, changed.status, changed.body);
        assertProblem(post(account, sign(es256(nonce(), account, null, account), "", oldKey)), 400, "malformed");
        Answer read = post(account, sign(es256(nonce(), account, null, account), "", newKey));
        assertEquals(200, read.status, read.body);
        assertTrue(read.body.contains("\"status\":\"valid\""), read.body);

        Answer deactivated = post(account, sign(es256(nonce(), account, null, account),
                "{\"status\":\"deactivated\"}", newKey));
        assertEquals(200, deactivated.status, deactivated.body);
        assertTrue(deactivated.body.contains("\"status\":\"deactivated\""), deactivated.body);
        String newOrder = directory.getString("newOrder");
        assertProblem(post(newOrder, sign(es256(nonce(), newOrder, null, account),
                "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"k." + org + ".example\"}]}", newKey)), 403,
                "unauthorized");
    }

    @Test
    void aRenewalThatReplacesACertificateIsLinkedToItAndReplacesItOnce() throws Exception {
        KeyPair key = Pki.ec("secp256r1");
        String account = newAccount(key);
        String name = "ari." + org + ".example";
        X509Certificate first;
        try (LoopbackDns dns = LoopbackDns.start(DNS_PORT)) {
            first = issue(account, key, name, null, dns);
        }
        // the renewal names the first certificate (RFC 9773 5); the account's valid authorization is reused
        X509Certificate second = issue(account, key, name, ariId(first), null);
        assertEquals(certSn(first), certificate(second).getJsonNumber("renewedFrom").longValue(),
                "the ledger links the renewal to the certificate it replaces");
        assertTrue(certificate(first).isNull("renewedFrom"));

        // replaced once: a second order replacing it is refused (409 alreadyReplaced), nothing stored
        String newOrder = directory.getString("newOrder");
        String orders = account + "/orders";
        int before = post(orders, sign(es256(nonce(), orders, null, account), "", key)).body.split("/order/").length;
        assertProblem(post(newOrder, sign(es256(nonce(), newOrder, null, account), order(name, ariId(first)), key)),
                409, "alreadyReplaced");
        assertEquals(before, post(orders, sign(es256(nonce(), orders, null, account), "", key)).body
                .split("/order/").length, "no order stored");
        // the certificate of another account, and one for none of the order's names: malformed
        KeyPair otherKey = Pki.ec("secp256r1");
        String other = newAccount(otherKey);
        assertProblem(post(newOrder, sign(es256(nonce(), newOrder, null, other), order(name, ariId(second)),
                otherKey)), 400, "malformed");
        assertProblem(post(newOrder, sign(es256(nonce(), newOrder, null, account), order("x." + org + ".example",
                ariId(second)), key)), 400, "malformed");
        assertProblem(post(newOrder, sign(es256(nonce(), newOrder, null, account), order(name, "AAAA.AQ"), key)),
                400, "malformed");
    }

    @Test
    void anAccountsNewOrdersAreLimitedPerHour() throws Exception {
        // certgate.acme.orders.per.hour=5 on the test server
        KeyPair key = Pki.ec("secp256r1");
        String account = newAccount(key);
        String newOrder = directory.getString("newOrder");
        for (int i = 0; i < 5; i++) {
            Answer ordered = post(newOrder, sign(es256(nonce(), newOrder, null, account), order("n" + i + "." + org
                    + ".example", null), key));
            assertEquals(201, ordered.status, ordered.body);
        }
        Answer limited = post(newOrder, sign(es256(nonce(), newOrder, null, account), order("n5." + org + ".example",
                null), key));
        assertProblem(limited, 429, "rateLimited");
        long retryAfter = Long.parseLong(limited.retryAfter);
        assertTrue(retryAfter > 3500 && retryAfter <= 3600, "until the first order leaves the hour: " + retryAfter);
        // another account of the organization is not limited by this one's orders
        KeyPair otherKey = Pki.ec("secp256r1");
        String other = newAccount(otherKey);
        assertEquals(201, post(newOrder, sign(es256(nonce(), newOrder, null, other), order("n5." + org + ".example",
                null), otherKey)).status);
    }

    /**
     * An order for one name, each pending authorization shown by dns-01 through this DNS server, finalized with a CSR
     * for a new P-256 key; the certificate it got.
     */
    private static X509Certificate issue(String account, KeyPair key, String name, String replaces, LoopbackDns dns)
            throws Exception {
        String newOrder = directory.getString("newOrder");
        Answer ordered = post(newOrder, sign(es256(nonce(), newOrder, null, account), order(name, replaces), key));
        assertEquals(201, ordered.status, ordered.body);
        JsonObject order = json(ordered.body);
        if (replaces != null) {
            assertEquals(replaces, order.getString("replaces"), ordered.body);
        }
        for (var url : order.getJsonArray("authorizations").getValuesAs(jakarta.json.JsonString.class)) {
            JsonObject authz = json(postAsGet(url.getString(), account, key).body);
            if (authz.getString("status").equals("valid")) {
                continue;
            }
            JsonObject challenge = authz.getJsonArray("challenges").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("type").equals("dns-01")).findFirst().orElseThrow();
            String keyAuthorization = challenge.getString("token") + "." + thumbprint((ECPublicKey) key.getPublic());
            dns.txt("_acme-challenge." + name, Acme.b64(MessageDigest.getInstance("SHA-256").digest(
                    keyAuthorization.getBytes(StandardCharsets.US_ASCII))));
            Answer shown = post(challenge.getString("url"), sign(es256(nonce(), challenge.getString("url"), null,
                    account), "{}", key));
            assertEquals(200, shown.status, shown.body);
            assertEquals("valid", json(shown.body).getString("status"), shown.body);
        }
        String finalizeUrl = order.getString("finalize");
        Answer finalized = post(finalizeUrl, sign(es256(nonce(), finalizeUrl, null, account), Json.createObjectBuilder()
                .add("csr", Acme.b64(csr(name))).build().toString(), key));
        assertEquals(200, finalized.status, finalized.body);
        Answer chain = postAsGet(json(finalized.body).getString("certificate"), account, key);
        assertEquals(200, chain.status, chain.body);
        return Pki.cert(chain.body);
    }

    private static String order(String name, String replaces) {
        var b = Json.createObjectBuilder().add("identifiers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("type", "dns").add("value", name)));
        if (replaces != null) {
            b.add("replaces", replaces);
        }
        return b.build().toString();
    }

    private static Answer postAsGet(String url, String account, KeyPair key) throws Exception {
        return post(url, sign(es256(nonce(), url, null, account), "", key));
    }

    /** A CSR (DER) for a new P-256 key naming this DNS name in its subject alternative names. */
    private static byte[] csr(String name) throws Exception {
        KeyPair kp = Pki.ec("secp256r1");
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(
                GeneralName.dNSName, name)));
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + name), kp.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())).getEncoded();
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order. */
    private static String thumbprint(ECPublicKey key) throws Exception {
        JsonObject jwk = jwk(key);
        String members = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + jwk.getString("x") + "\",\"y\":\""
                + jwk.getString("y") + "\"}";
        return Acme.b64(MessageDigest.getInstance("SHA-256").digest(members.getBytes(StandardCharsets.UTF_8)));
    }

    /** The ARI identifier of a certificate (RFC 9773 4.1). */
    private static String ariId(X509Certificate cert) {
        byte[] aki = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(
                cert.getExtensionValue("2.5.29.35")).getOctets()).getKeyIdentifierOctets();
        return Acme.b64(aki) + "." + Acme.b64(cert.getSerialNumber().toByteArray());
    }

    /** The admin API's record of a certificate of the organization. */
    private static JsonObject certificate(X509Certificate cert) {
        JsonObject page = Admin.get("/admin/api/orgs/" + org + "/certificates?serial="
                + cert.getSerialNumber().toString(16)).json();
        assertEquals(1, page.getJsonArray("certificates").size(), page.toString());
        return page.getJsonArray("certificates").getJsonObject(0);
    }

    private static long certSn(X509Certificate cert) {
        return certificate(cert).getJsonNumber("certSn").longValue();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new java.io.StringReader(body)).readObject();
    }

    /** A new account of the directory for this key, bound by a new binding key; its URL. */
    private static String newAccount(KeyPair key) throws Exception {
        Answer created = bind(Acme.eabKey(org), key);
        assertEquals(201, created.status, created.body);
        return created.location;
    }

    /** newAccount for this key with an external account binding by this binding key. */
    private static Answer bind(JsonObject eab, KeyPair key) throws Exception {
        JsonObject jwk = jwk((ECPublicKey) key.getPublic());
        String newAccount = directory.getString("newAccount");
        String payload = Json.createObjectBuilder().add("termsOfServiceAgreed", true)
                .add("externalAccountBinding", Json.createReader(new java.io.StringReader(binding(eab, jwk)))
                        .readObject()).build().toString();
        return post(newAccount, sign(es256(nonce(), newAccount, jwk, null), payload, key));
    }

    /** The external account binding of a key: a MAC by the binding key over the JWK, for the newAccount URL. */
    private static String binding(JsonObject eab, JsonObject jwk) throws Exception {
        JsonObject header = Json.createObjectBuilder().add("alg", "HS256").add("kid", eab.getString("keyId"))
                .add("url", directory.getString("newAccount")).build();
        return flattenedMac(header, jwk.toString(), Base64.getUrlDecoder().decode(eab.getString("hmacKey")));
    }

    private record Answer(int status, String body, String nonce, String location, String type, String retryAfter) {
    }

    private static void assertProblem(Answer a, int status, String type) {
        assertEquals(status, a.status, a.body);
        assertEquals("application/problem+json", a.type, a.body);
        assertEquals("urn:ietf:params:acme:error:" + type, Json.createReader(new java.io.StringReader(a.body))
                .readObject().getString("type"), a.body);
        assertFalse(a.body.contains("Exception"), "no stack trace: " + a.body);
    }

    private static String nonce() {
        Answer a = send(HttpRequest.newBuilder(URI.create(directory.getString("newNonce"))).GET());
        assertEquals(204, a.status);
        return a.nonce;
    }

    private static Answer post(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/jose+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = CLIENT.send(b.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Replay-Nonce").orElse(null),
                    r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Retry-After").orElse(null));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject es256(String nonce, String url, JsonObject jwk, String kid) {
        var b = Json.createObjectBuilder().add("alg", "ES256").add("nonce", nonce).add("url", url);
        if (jwk != null) {
            b.add("jwk", jwk);
        }
        if (kid != null) {
            b.add("kid", kid);
        }
        return b.build();
    }

    private static String sign(JsonObject header, String payload, KeyPair key) throws Exception {
        return Acme.es256(header, payload, key.getPrivate());
    }

    private static byte[] hmac(JsonObject header, String payload) throws Exception {
        return mac(header, payload, new byte[32]);
    }

    private static String flattenedMac(JsonObject header, String payload, byte[] key) throws Exception {
        return flattened(header, payload, mac(header, payload, key));
    }

    private static byte[] mac(JsonObject header, String payload, byte[] key) throws Exception {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        return m.doFinal(Acme.signingInput(header, payload));
    }

    private static String flattened(JsonObject header, String payload, byte[] signature) {
        return Acme.flattened(header, payload, signature);
    }

    private static JsonObject jwk(ECPublicKey key) {
        return Acme.jwk(key);
    }

}
